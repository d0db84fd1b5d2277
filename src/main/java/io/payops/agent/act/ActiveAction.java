package io.payops.agent.act;

import io.payops.domain.ActionRecord;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.RoutingState;
import io.payops.domain.Target;

/**
 * A routing change in force, followed from execution until it is rolled back or undone after recovery. Mutable,
 * owned by the engine thread; what the outside sees is {@link #record}.
 */
public final class ActiveAction {
    public enum Phase { EVALUATING, IN_FORCE, PROBING, DONE }

    final Diagnosis diagnosis;
    final RoutingState before;
    final RoutingState after;
    final long executedAtMillis;
    final long beforeFromMillis;
    /** Technical failure rate on the target while the trouble was on, for judging probes. */
    final double faultyRate;
    ActionRecord record;
    Phase phase = Phase.EVALUATING;
    long nextProbeAtMillis;
    long probeStartedAtMillis;

    ActiveAction(ActionRecord record, Diagnosis diagnosis, RoutingState before, RoutingState after, long executedAtMillis,
                 long beforeFromMillis, double faultyRate) {
        this.record = record;
        this.diagnosis = diagnosis;
        this.before = before;
        this.after = after;
        this.executedAtMillis = executedAtMillis;
        this.beforeFromMillis = beforeFromMillis;
        this.faultyRate = faultyRate;
    }

    public ActionRecord record() {
        return record;
    }

    /** The diagnosis the change answered. */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    public Phase phase() {
        return phase;
    }

    public Target target() {
        return record.action().target();
    }

    /**
     * The traffic whose fate shows whether the change helped: for a path circuit, that path's traffic on every
     * gateway (e.g. SBI's payments); for a whole gateway, a shift or the retry policy, all traffic.
     */
    Target evaluationTarget() {
        Target t = target();
        if (t.has(Dimension.GATEWAY) && t.size() > 1) {
            return t.without(Dimension.GATEWAY);
        }
        return Target.ALL;
    }

    /**
     * Where the change sends traffic, as the part of {@link #evaluationTarget()} outside the action's own target
     * (e.g. SBI's payments on the other gateways); null when the change moves nothing (a retry policy).
     */
    Target sourceTarget() {
        return record.action().type() == io.payops.domain.ActionType.ADJUST_RETRY_POLICY ? null : target().has(Dimension.GATEWAY)
                ? (target().size() > 1 ? target() : Target.gateway(target().get(Dimension.GATEWAY))) : null;
    }

    boolean inForce() {
        return phase != Phase.DONE;
    }
}
