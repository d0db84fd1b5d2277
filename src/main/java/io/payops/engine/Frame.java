package io.payops.engine;

import io.payops.domain.ActiveFault;
import io.payops.domain.PolicyStep;
import io.payops.domain.RoutingState;
import io.payops.domain.SimTotals;
import io.payops.domain.Snapshot;

import java.util.List;

/**
 * Everything the engine knows after one tick, immutable. The UI reads only frames, the recorder writes them and
 * the report is computed from them. {@code commands} are those applied at the start of this tick and
 * {@code commandErrors} says why any of them was refused.
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
        List<String> commandErrors) {

    public Frame {
        faults = List.copyOf(faults);
        commands = List.copyOf(commands);
        commandErrors = List.copyOf(commandErrors);
    }

    public double simSeconds() {
        return simMillis / 1000.0;
    }
}
