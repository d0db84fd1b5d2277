package io.payops.agent.act;

import io.payops.agent.AgentConfig;
import io.payops.agent.detect.Detector;
import io.payops.domain.Action;
import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActionType;
import io.payops.domain.Approval;
import io.payops.domain.Dimension;
import io.payops.domain.Target;
import io.payops.sim.RoutingRefusedException;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Undoes changes once their trouble is gone. An open circuit is probed half-open (a small share of its traffic)
 * and a sequential test on the probe's failures decides between "healthy again" (close it) and "still failing"
 * (re-open, probe later). Shifted weights and a calmer retry policy come back once the gateway's own traffic, which
 * still flows, looks normal again.
 */
public final class RecoveryMonitor {
    private final AgentConfig.Verification limits;
    private final RecentHistory history;
    private final Executor executor;
    private final Detector detector;
    private final LongSupplier ids;

    public RecoveryMonitor(AgentConfig config, RecentHistory history, Executor executor, Detector detector, LongSupplier ids) {
        this.limits = config.verification();
        this.history = history;
        this.executor = executor;
        this.detector = detector;
        this.ids = ids;
    }

    public void tick(ActionsInForce actions, long now, VerifyResult out) {
        for (ActiveAction a : actions.inForce()) {
            ActionType type = a.record.action().type();
            if (type == ActionType.OPEN_CIRCUIT) {
                probe(a, actions, now, out);
            } else if ((type == ActionType.SHIFT_TRAFFIC || type == ActionType.ADJUST_RETRY_POLICY)
                    && a.phase == ActiveAction.Phase.IN_FORCE) {
                restoreWhenHealthy(a, actions, now, out);
            }
        }
    }

    private void probe(ActiveAction a, ActionsInForce actions, long now, VerifyResult out) {
        Target t = a.target();
        if (a.phase == ActiveAction.Phase.IN_FORCE && now >= a.nextProbeAtMillis) {
            try {
                executor.routing().halfOpen(t);
                a.phase = ActiveAction.Phase.PROBING;
                a.probeStartedAtMillis = now;
                out.sentences().add("Probing " + t + " half-open with a small share of its traffic.");
            } catch (RoutingRefusedException e) {
                a.nextProbeAtMillis = now + limits.probeAfterSeconds() * 1000L;
            }
            return;
        }
        if (a.phase != ActiveAction.Phase.PROBING) {
            return;
        }
        RecentHistory.Sum probe = history.sum(t, a.probeStartedAtMillis, now);
        double q0 = Math.max(0.004, detector.technicalRate(t));
        // "still failing" is half the rise seen during the trouble (at least 5 points): a fault that has eased but not
        // ended must not pass for healthy on a probe's few attempts
        double q1 = Math.min(0.95, q0 + Math.max(0.05, (a.faultyRate - q0) / 2));
        long k = probe.technicalFailures();
        long n = probe.attempts();
        // log-likelihood ratio of "still failing" against "healthy"
        double llr = k * Math.log(q1 / q0) + (n - k) * Math.log((1 - q1) / (1 - q0));
        long probing = now - a.probeStartedAtMillis;
        boolean timeUp = probing >= limits.undecidedProbeSeconds() * 1000L && n >= limits.minUndecidedProbeAttempts()
                || probing >= limits.longestProbeSeconds() * 1000L;
        if (llr <= -limits.probeDecisionLogOdds() || (timeUp && llr < 0 && n >= 3)) {
            executor.apply(Action.closeCircuit(t));
            detector.clearAlarm(t);
            a.phase = ActiveAction.Phase.DONE;
            actions.touched(t, now);
            String why = String.format(Locale.ROOT, "probe saw %d technical failures in %d attempts, as healthy as normal (%.1f%%)",
                    k, n, q0 * 100);
            out.records().add(recovery(Action.closeCircuit(t), now, "closed: " + why));
            out.sentences().add("Closed the circuit on " + t + ": " + why + ".");
        } else if (llr >= limits.probeDecisionLogOdds() || timeUp) {
            executor.routing().openCircuit(t);
            a.phase = ActiveAction.Phase.IN_FORCE;
            a.nextProbeAtMillis = now + limits.probeAfterSeconds() * 1000L;
            out.sentences().add(String.format(Locale.ROOT, "Kept %s open: the probe still fails (%d of %d attempts).", t, k, n));
        }
    }

    private void restoreWhenHealthy(ActiveAction a, ActionsInForce actions, long now, VerifyResult out) {
        Target t = a.target();
        Target watch = t.has(Dimension.GATEWAY) ? Target.gateway(t.get(Dimension.GATEWAY)) : t;
        if (now - a.executedAtMillis < limits.probeAfterSeconds() * 1000L || detector.alarmLevel(watch) > 0) {
            return;
        }
        RecentHistory.Sum recent = history.sum(watch, now - 30_000, now);
        double ref = detector.technicalRate(watch);
        if (recent.attempts() < 30 || Double.isNaN(ref) || recent.technicalRate() > ref + 0.02) {
            return;
        }
        executor.revert(a.record.action(), a.before, a.after);
        a.phase = ActiveAction.Phase.DONE;
        actions.touched(t, now);
        String why = String.format(Locale.ROOT, "%s is healthy again (%.1f%% technical failures over %d attempts)",
                watch, recent.technicalRate() * 100, recent.attempts());
        out.records().add(recovery(a.record.action(), now, "restored routing: " + why));
        out.sentences().add("Restored routing after " + a.record.action().describe() + ": " + why + ".");
    }

    private ActionRecord recovery(Action action, long now, String note) {
        return new ActionRecord(ids.getAsLong(), now, action, ActionStatus.EXECUTED, Approval.NONE, ActionOutcome.NOT_APPLICABLE, false, now, note, true);
    }
}
