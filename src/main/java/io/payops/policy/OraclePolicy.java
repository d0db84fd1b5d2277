package io.payops.policy;

import io.payops.domain.Action;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActiveFault;
import io.payops.domain.Dimension;
import io.payops.domain.FaultType;
import io.payops.domain.PolicyStep;
import io.payops.domain.Target;
import io.payops.sim.RoutingRefusedException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Knows the true faults. At each routable fault's start it opens a circuit on the fault's gateway path, when some
 * other gateway serves that path better (a path whose alternatives are failing worse is left alone), as well as
 * routing allows (a circuit that would strand traffic is skipped), and closes it at the fault's end. It does
 * nothing for faults routing cannot help. Close to the best a policy could do, so it bounds the preventable loss.
 */
public final class OraclePolicy implements Policy {
    private final Set<Target> opened = new LinkedHashSet<>();
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
        Set<Target> wanted = new LinkedHashSet<>();
        for (ActiveFault f : ctx.groundTruth()) {
            if (f.spec().routable() && betterElsewhere(f.spec().target(), ctx)) {
                wanted.add(f.spec().target());
            }
        }
        List<ActionRecord> records = new ArrayList<>();
        for (Target t : List.copyOf(opened)) {
            if (!wanted.contains(t)) {
                ctx.routing().closeCircuit(t);
                opened.remove(t);
                records.add(executed(ctx.nowMillis(), Action.closeCircuit(t), "the fault on " + t + " ended", true));
            }
        }
        for (Target t : wanted) {
            if (opened.contains(t)) {
                continue;
            }
            try {
                ctx.routing().openCircuit(t);
                opened.add(t);
                records.add(executed(ctx.nowMillis(), Action.openCircuit(t), "a fault is active on " + t, false));
            } catch (RoutingRefusedException e) {
                // the best routing allows is to leave this path as it is; try again next tick in case others closed
            }
        }
        return PolicyStep.ofActions(records);
    }

    /** Whether some other gateway with weight is hit less hard on the same path than the fault's own gateway. */
    private static boolean betterElsewhere(Target path, PolicyContext ctx) {
        String gateway = path.get(Dimension.GATEWAY);
        double own = harm(path, ctx);
        for (var e : ctx.routing().initialState().weights().entrySet()) {
            if (!e.getKey().equals(gateway) && e.getValue() > 0
                    && harm(path.with(Dimension.GATEWAY, e.getKey()), ctx) < own - 0.02) {
                return true;
            }
        }
        return false;
    }

    /** How hard the active faults hit a path: summed failure shares (a latency spike counts as half). */
    private static double harm(Target path, PolicyContext ctx) {
        double h = 0;
        for (ActiveFault f : ctx.groundTruth()) {
            if (f.spec().target().overlaps(path) && f.spec().type().routable()) {
                h += f.spec().type() == FaultType.LATENCY_SPIKE ? 0.5 : f.spec().severity() * f.intensity();
            }
        }
        return h;
    }

    private ActionRecord executed(long now, Action action, String note, boolean recovery) {
        return new ActionRecord(nextId++, now, action, ActionStatus.EXECUTED, "none", "n/a", false, now, note, recovery);
    }
}
