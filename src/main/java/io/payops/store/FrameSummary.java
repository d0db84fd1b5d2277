package io.payops.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.payops.domain.ActionRecord;
import io.payops.domain.AgentCycle;
import io.payops.domain.ApprovalEnd;
import io.payops.domain.Command;
import io.payops.domain.Dimension;
import io.payops.domain.Frame;
import io.payops.domain.Incident;
import io.payops.domain.LearningState;
import io.payops.domain.SegmentReference;
import io.payops.domain.SegmentStats;
import io.payops.domain.Target;
import io.payops.domain.TestPayment;
import io.payops.domain.TriageStep;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One recorded frame reduced to what a replay shows as history before the moment it seeks to (a line of the
 * {@link SessionSummary}): the numbers the time charts and sparklines plot, and the events the audit, reasoning and
 * tickets panes list. What a pane shows only for "now" (issuer bars, tiles, routing, pending approvals) comes from
 * the frame sought itself, so it is not kept here. A frame is ~80 KB of JSON; its line is ~100 bytes plus its events.
 *
 * @param recent    all traffic in the frame's last second (the charts' points)
 * @param baseline  all traffic over the baseline window (the charts' baseline line where there is no reference);
 *                  null before there is one
 * @param reference the agent's reference for all traffic (the charts' baseline line, held during an incident);
 *                  null without a detector or in a recording made before references
 * @param gateways  each gateway's traffic over the window (the cards' sparklines), by gateway name
 * @param incidents the open incidents, written only when they differ from the line before (null: unchanged);
 *                  {@link SessionSummary} hands out every line with them filled in
 * @param learning  what the agent has learnt, written only when it changed (a lesson was added), filled in likewise
 * @param approvalEnds the approval requests that ended in this tick, and how
 * @param tickets   the triage's changes in this tick, without its "state now" lists; null when quiet or no triage
 * @param testPayments the test payments sent by hand that have their outcome in this tick (the audit's rows)
 */
public record FrameSummary(
        long tick,
        long simMillis,
        Traffic recent,
        @JsonInclude(JsonInclude.Include.NON_NULL) Traffic baseline,
        @JsonInclude(JsonInclude.Include.NON_NULL) SegmentReference reference,
        Map<String, Traffic> gateways,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Incident> incidents,
        @JsonInclude(JsonInclude.Include.NON_NULL) LearningState learning,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ActionRecord> actions,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ApprovalEnd> approvalEnds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Command> commands,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> commandErrors,
        @JsonInclude(JsonInclude.Include.NON_NULL) AgentCycle cycle,
        @JsonInclude(JsonInclude.Include.NON_NULL) TriageStep tickets,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TestPayment> testPayments) {

    public FrameSummary {
        gateways = gateways == null ? Map.of() : gateways;
        actions = actions == null ? List.of() : List.copyOf(actions);
        approvalEnds = approvalEnds == null ? List.of() : List.copyOf(approvalEnds);
        commands = commands == null ? List.of() : List.copyOf(commands);
        commandErrors = commandErrors == null ? List.of() : List.copyOf(commandErrors);
        testPayments = testPayments == null ? List.of() : List.copyOf(testPayments);
    }

    /** A segment's traffic, as much of it as a chart plots: attempts, first attempts, successes and the p95. */
    public record Traffic(long attempts, long payments, long successes, double p95) {
        static Traffic of(SegmentStats s) {
            return s == null ? null : new Traffic(s.attempts(), s.payments(), s.successes(), s.p95());
        }

        public double successRate() {
            return attempts == 0 ? 0 : (double) successes / attempts;
        }
    }

    /**
     * The line of {@code f}, its incidents and learning null where they are those of {@code before}, the line
     * before with them filled in (null for the first frame).
     */
    public static FrameSummary of(Frame f, FrameSummary before) {
        var s = f.snapshot();
        // a frame recorded before per-second totals existed has only its window: the charts fall back to it too
        Traffic recent = Traffic.of(s.recentTotal() != null ? s.recentTotal() : s.total());
        Map<String, Traffic> gateways = new TreeMap<>();
        for (SegmentStats seg : s.segments()) {
            if (seg.target().size() == 1 && seg.target().has(Dimension.GATEWAY)) {
                gateways.put(seg.target().get(Dimension.GATEWAY), Traffic.of(seg));
            }
        }
        var step = f.step();
        List<Incident> incidents = step == null ? List.of() : step.incidents();
        LearningState learning = step == null ? LearningState.EMPTY : step.learning();
        TriageStep t = f.tickets();
        TriageStep changes = t == null || t.quiet() ? null : new TriageStep(t.atMillis(), t.newTickets(),
                t.assignments(), t.clusters(), t.actions(), List.of(), List.of(), List.of());
        SegmentReference reference = f.references().stream().filter(r -> r.target().equals(Target.ALL)).findFirst()
                .orElse(null);
        return new FrameSummary(f.tick(), f.simMillis(), recent, Traffic.of(s.baselineTotal()), reference, gateways,
                before != null && incidents.equals(before.incidents()) ? null : incidents,
                before != null && Objects.equals(learning, before.learning()) ? null : learning,
                step == null ? List.of() : step.actions(), step == null ? List.of() : step.approvalEnds(),
                f.commands(), f.commandErrors(), step == null ? null : step.cycle(), changes,
                f.testPayments().stream().filter(TestPayment::finished).toList());
    }

    /** This line with what is unchanged taken from {@code before} (as {@link SessionSummary} hands lines out). */
    FrameSummary filledIn(FrameSummary before) {
        List<Incident> open = incidents != null ? incidents : before == null ? List.of() : before.incidents();
        LearningState learnt = learning != null ? learning : before == null ? LearningState.EMPTY : before.learning();
        return with(open, learnt);
    }

    /** This filled-in line as written after {@code before}: what is unchanged left out. */
    FrameSummary asWrittenAfter(FrameSummary before) {
        return before == null ? this : with(incidents.equals(before.incidents()) ? null : incidents,
                Objects.equals(learning, before.learning()) ? null : learning);
    }

    private FrameSummary with(List<Incident> open, LearningState learnt) {
        return new FrameSummary(tick, simMillis, recent, baseline, reference, gateways, open, learnt, actions,
                approvalEnds, commands, commandErrors, cycle, tickets, testPayments);
    }
}
