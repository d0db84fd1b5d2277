package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Everything the engine knows after one tick, immutable. The UI reads only frames, the recorder writes them and
 * the report is computed from them. {@code commands} are those applied at the start of this tick and
 * {@code commandErrors} says why any of them was refused. {@code tickets} is the support-ticket triage's step
 * (null when the world has no tickets). {@code testPayments} are the test payments sent or retried in this tick
 * (left out of a recorded frame when there are none, so recordings without them read as before), and
 * {@code references} what normal looks like to the policy now ({@link SegmentReference}; empty without a detector).
 */
public record Frame(
        long tick,
        long simMillis,
        boolean finished,
        Snapshot snapshot,
        RoutingState routing,
        List<ActiveFault> faults,
        PolicyStep step,
        SimTotals totals,
        List<Command> commands,
        List<String> commandErrors,
        TriageStep tickets,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TestPayment> testPayments,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SegmentReference> references) {

    public Frame {
        faults = List.copyOf(faults);
        testPayments = testPayments == null ? List.of() : List.copyOf(testPayments);
        references = references == null ? List.of() : List.copyOf(references);
        commands = List.copyOf(commands);
        commandErrors = List.copyOf(commandErrors);
    }

    /** A frame without test payments or references (a policy without a detector). */
    public Frame(long tick, long simMillis, boolean finished, Snapshot snapshot, RoutingState routing,
                 List<ActiveFault> faults, PolicyStep step, SimTotals totals, List<Command> commands,
                 List<String> commandErrors, TriageStep tickets) {
        this(tick, simMillis, finished, snapshot, routing, faults, step, totals, commands, commandErrors, tickets,
                List.of(), List.of());
    }

    /** A frame of a world without support tickets. */
    public Frame(long tick, long simMillis, boolean finished, Snapshot snapshot, RoutingState routing,
                 List<ActiveFault> faults, PolicyStep step, SimTotals totals, List<Command> commands,
                 List<String> commandErrors) {
        this(tick, simMillis, finished, snapshot, routing, faults, step, totals, commands, commandErrors, null,
                List.of(), List.of());
    }

    public double simSeconds() {
        return simMillis / 1000.0;
    }
}
