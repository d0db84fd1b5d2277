package io.payops.policy;

import io.payops.domain.Action;
import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActiveFault;
import io.payops.domain.Approval;
import io.payops.domain.PolicyStep;
import io.payops.domain.Target;
import io.payops.sim.GroundTruth;
import io.payops.sim.RoutingRefusedException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bound on what routing can prevent: bench reports each policy's prevented share as
 * (static − policy) / (static − oracle).
 *
 * <p>It reads the world's truth ({@link GroundTruth}): the faults acting in the tick just run and in the next one,
 * and the exact expected share of payments that succeed under the next tick's faults with a given set of circuits
 * open. Whenever those faults change (one starts, ends, ramps up, or is added, edited or removed) it chooses its
 * circuits afresh. Starting from none, it takes the distinct targets of the routable faults acting in both ticks, in
 * the world's order (scenario faults, then chaos), and keeps the circuit on each (a gateway, or one gateway's path to
 * an issuer, network, method or merchant) only when that raises expected success over all traffic by more than
 * {@link #MIN_GAIN}, given the circuits already kept, and strands no path. Then it drops any kept circuit whose
 * removal loses nothing (a path made redundant by its whole gateway, kept later). It closes the circuits it opened
 * that it no longer wants and opens the new ones. So it acts on a fault from the end of its first tick, as a policy
 * watching the traffic could at best, and lets go of it before the first tick without it. It never shifts weights or
 * changes the retry policy, and does nothing while no routable fault is active.
 *
 * <p>Every circuit it keeps raises expected success over the traffic mix, so its expected loss is never above
 * static's, tick by tick. Over the payments actually drawn that holds exactly when every path a circuit moves gains
 * by it, as under a single fault; where faults overlap, a circuit may help most paths and hurt a few, and the
 * payments drawn could then tip a small gain either way. A policy may beat it by shifting weights or retrying more.
 */
public final class OraclePolicy implements Policy {
    /** Smallest rise in expected success (a share of all payments) worth a circuit: one payment in a million. */
    static final double MIN_GAIN = 1e-6;

    /** The circuits this policy opened, in the order it opened them. */
    private final Set<Target> opened = new LinkedHashSet<>();
    private long chosenForVersion = -1;
    private long nextId = 1;

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public boolean readsGroundTruth() {
        return true;
    }

    @Override
    public PolicyStep onTick(PolicyContext ctx) {
        GroundTruth truth = ctx.groundTruth();
        long version = truth.version();
        if (version == chosenForVersion) {
            return PolicyStep.NONE;
        }
        chosenForVersion = version;
        Set<Target> targets = routableTargets(truth);
        Map<Target, Double> wanted = choose(truth, targets);
        List<ActionRecord> records = new ArrayList<>();
        for (Target t : List.copyOf(opened)) {
            if (!wanted.containsKey(t)) {
                boolean faultGone = !targets.contains(t);
                String why = faultGone ? "the fault on " + t + " ended"
                        : "the circuit on " + t + " no longer raises expected success";
                try {
                    ctx.routing().closeCircuit(t);
                    records.add(executed(ctx.nowMillis(), Action.closeCircuit(t), why, faultGone));
                } catch (RoutingRefusedException e) {
                    // closed by someone else: nothing left to undo
                }
                opened.remove(t);
            }
        }
        for (Map.Entry<Target, Double> e : wanted.entrySet()) {
            Target t = e.getKey();
            if (opened.contains(t)) {
                continue;
            }
            try {
                ctx.routing().openCircuit(t);
                opened.add(t);
                records.add(executed(ctx.nowMillis(), Action.openCircuit(t), String.format(Locale.ROOT,
                        "a fault is active on %s; the circuit raises expected success by %.3f points", t,
                        100 * e.getValue()), false));
            } catch (RoutingRefusedException ex) {
                // routing is not as this choice assumed: choose again next tick
                chosenForVersion = -1;
            }
        }
        return PolicyStep.ofActions(records);
    }

    /**
     * The distinct targets of the routable faults that acted in the tick just run and still act in the next, in
     * the faults' order. A fault is acted on from the end of its first tick, as a policy watching traffic could at
     * best; what is wanted for it is weighed under the next tick's faults, which its routing will meet.
     */
    private static Set<Target> routableTargets(GroundTruth truth) {
        Set<String> actingNow = new HashSet<>();
        for (ActiveFault f : truth.activeFaults()) {
            actingNow.add(f.id());
        }
        Set<Target> out = new LinkedHashSet<>();
        for (ActiveFault f : truth.nextTickFaults()) {
            if (f.spec().routable() && actingNow.contains(f.id())) {
                out.add(f.spec().target());
            }
        }
        return out;
    }

    /**
     * The circuits worth having open, each with the rise in expected success it brought when kept: greedy over the
     * candidates in order, then a pass that drops what has become redundant.
     */
    private static Map<Target, Double> choose(GroundTruth truth, Set<Target> candidates) {
        Map<Target, Double> kept = new LinkedHashMap<>();
        if (candidates.isEmpty()) {
            return kept;
        }
        double success = truth.expectedSuccess(List.of());
        for (Target t : candidates) {
            List<Target> with = new ArrayList<>(kept.keySet());
            with.add(t);
            if (truth.strands(with)) {
                continue;
            }
            double s = truth.expectedSuccess(with);
            if (s > success + MIN_GAIN) {
                kept.put(t, s - success);
                success = s;
            }
        }
        for (Target t : List.copyOf(kept.keySet())) {
            List<Target> without = new ArrayList<>(kept.keySet());
            without.remove(t);
            double s = truth.expectedSuccess(without);
            if (s >= success) {
                kept.remove(t);
                success = s;
            }
        }
        return kept;
    }

    private ActionRecord executed(long now, Action action, String note, boolean recovery) {
        return new ActionRecord(nextId++, now, action, ActionStatus.EXECUTED, Approval.NONE, ActionOutcome.NOT_APPLICABLE, false, now, note, recovery);
    }
}
