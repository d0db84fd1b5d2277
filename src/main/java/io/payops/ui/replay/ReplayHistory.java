package io.payops.ui.replay;

import io.payops.domain.Frame;
import io.payops.domain.PolicyStep;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;
import io.payops.domain.TriageStep;
import io.payops.store.FrameSummary;
import io.payops.store.SessionSummary;
import io.payops.ui.dashboard.ChartsViewModel;
import io.payops.ui.gateways.GatewayCardViewModel;
import io.payops.ui.reasoning.ReasoningViewModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a seek feeds the panes before the frame it shows, so they hold the session's history up to that moment: one
 * frame per recorded second (the last of it) for the charts and sparklines, and every frame with something to list
 * (an action, a command, a cycle, tickets) for the audit, reasoning and tickets panes; the gateways' numbers only
 * for the minutes their cards' sparklines show. They are made from the
 * {@link SessionSummary}, not read from the recording, and fed through the pump like recorded frames, so every
 * pane takes history the one way it takes frames.
 *
 * <p>These frames carry only what the panes keep as history; what a pane shows for "now" (tiles, routing, issuer
 * bars, pending approvals, faults) comes from the frame sought, which always follows them in the same pulse. Where a
 * frame must hold a "now" value to be a frame, it is the sought frame's (its routing, its totals), and never shown.
 * Bounded by what the panes keep: the newest {@value ChartsViewModel#MAX_REPLAY_POINTS} seconds of points and the
 * newest {@value ReasoningViewModel#MAX_HISTORY} cycles; older frames come only for their other events.
 */
public final class ReplayHistory {
    static final int MAX_SECONDS = ChartsViewModel.MAX_REPLAY_POINTS;
    static final int MAX_CYCLES = ReasoningViewModel.MAX_HISTORY;

    private ReplayHistory() {
    }

    /**
     * The frames before position {@code target}, oldest first, as far as the summary covers them.
     *
     * @param shown the frame at {@code target}, which the panes get right after these
     */
    public static List<Frame> before(SessionSummary summary, int target, Frame shown) {
        int n = Math.min(target, summary.size());
        boolean[] fed = new boolean[n];
        boolean[] cycleKept = new boolean[n];
        int seconds = 0;
        int cycles = 0;
        long laterSecond = Long.MIN_VALUE;
        for (int i = n - 1; i >= 0; i--) {
            FrameSummary line = summary.line(i);
            long second = Math.floorDiv(line.simMillis(), 1000);
            if (second != laterSecond && seconds < MAX_SECONDS) {
                fed[i] = true; // the last frame of its second: a chart point, as live charts count a second once
                seconds++;
            }
            laterSecond = second;
            if (line.cycle() != null && cycles < MAX_CYCLES) {
                cycleKept[i] = true;
                cycles++;
            }
            boolean events = !line.actions().isEmpty() || !line.approvalEnds().isEmpty()
                    || !line.testPayments().isEmpty() || !line.commands().isEmpty() || !line.commandErrors().isEmpty()
                    || cycleKept[i] || line.tickets() != null;
            // a change of the open incidents closes or opens a chart band at this frame's time; a lesson is counted
            boolean changed = i > 0 && (line.incidents() != summary.line(i - 1).incidents()
                    || line.learning() != summary.line(i - 1).learning());
            if (events || changed || i == 0) {
                fed[i] = true;
            }
            if (!line.commands().isEmpty() && i > 0) {
                fed[i - 1] = true; // the audit times a command at the end of the frame before it
            }
        }
        Map<String, Target> gateways = new java.util.HashMap<>();
        boolean triage = shown.tickets() != null;
        // the cards' sparklines keep only their last minutes: older frames need no gateway numbers
        double sparklineFrom = shown.simSeconds() - GatewayCardViewModel.SPARKLINE_SECONDS - 1;
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (fed[i]) {
                FrameSummary line = summary.line(i);
                out.add(frame(line, cycleKept[i], shown, triage,
                        line.simMillis() / 1000.0 >= sparklineFrom ? gateways : null));
            }
        }
        return out;
    }

    /** @param gatewayTargets null: leave the gateways out */
    private static Frame frame(FrameSummary line, boolean keepCycle, Frame shown, boolean triage,
                               Map<String, Target> gatewayTargets) {
        SegmentStats recent = stats(Target.ALL, line.recent());
        List<SegmentStats> gateways = new ArrayList<>(gatewayTargets == null ? 0 : line.gateways().size());
        if (gatewayTargets != null) {
            for (Map.Entry<String, FrameSummary.Traffic> g : line.gateways().entrySet()) {
                gateways.add(stats(gatewayTargets.computeIfAbsent(g.getKey(), Target::gateway), g.getValue()));
            }
        }
        Snapshot now = shown.snapshot();
        // the window's total is not kept: its last second stands in for it (only "now" panes read it, from the
        // frame sought)
        Snapshot snapshot = new Snapshot(line.simMillis(), now.windowSeconds(), now.baselineSeconds(), recent,
                gateways, stats(Target.ALL, line.baseline()), List.of(), recent, List.of());
        PolicyStep step = new PolicyStep(line.actions(), List.of(), List.of(), keepCycle ? line.cycle() : null,
                List.of(), line.incidents(), line.learning(), List.of(), line.approvalEnds());
        TriageStep tickets = line.tickets() != null ? line.tickets() : !triage ? null
                : new TriageStep(line.simMillis(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of()); // a world with tickets has a triage step in every frame
        return new Frame(line.tick(), line.simMillis(), false, snapshot, shown.routing(), List.of(), step,
                shown.totals(), line.commands(), line.commandErrors(), tickets, line.testPayments(),
                line.reference() == null ? List.of() : List.of(line.reference()));
    }

    /** Stats with the counts and p95 the summary keeps; the rest (p50, p99, status counts) is not kept. */
    private static SegmentStats stats(Target target, FrameSummary.Traffic t) {
        if (t == null) {
            return null;
        }
        double perPayment = t.payments() == 0 ? 0 : (double) t.attempts() / t.payments();
        return new SegmentStats(target, t.attempts(), t.payments(), t.successes(), t.successRate(), 0, t.p95(), 0,
                perPayment, 0, Map.of());
    }
}
