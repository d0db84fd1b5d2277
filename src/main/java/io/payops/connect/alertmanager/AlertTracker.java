package io.payops.connect.alertmanager;

import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ApprovalEnd;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Frame;
import io.payops.domain.Incident;
import io.payops.domain.PolicyStep;
import io.payops.domain.Target;
import io.payops.domain.TicketAction;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Which alerts one session's frames start and end (engine thread only): an incident fires while it is open; an
 * approval request (routing, or a support-ticket escalation) while it waits for an answer; a rollback for a fixed
 * while after it. Only the frames' contents decide, so the same seed gives the same alerts in the same order; the
 * wall clock only stamps them.
 */
final class AlertTracker {
    /**
     * How long a rollback's alert fires, in session time. A rollback is a moment, not a state: the agent undid its
     * own change and nothing waits on anyone, so its alert tells the team and then ends by itself. Ten minutes is
     * long enough to be seen in Alertmanager's list at ×1 (live traffic, an event log followed as it is written).
     */
    static final long ROLLBACK_ALERT_LIFE_MILLIS = 10 * 60_000L;

    private final AlertFactory alerts;
    private final Clock clock;
    private final Map<String, PayOpsAlert> firing = new LinkedHashMap<>();
    /** When each firing rollback alert ends, in session milliseconds; by key, so they resolve in a stable order. */
    private final Map<String, Long> rollbackEnds = new java.util.TreeMap<>();
    /** Rollbacks already alerted, so a later version of the same record (an outcome measured) does not alert again. */
    private final Set<Long> rolledBack = new HashSet<>();
    private long lastSimMillis;

    AlertTracker(AlertFactory alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    /** @return the alerts this frame started (firing) and ended (resolved), in a stable order */
    List<PayOpsAlert> onFrame(Frame f) {
        lastSimMillis = f.simMillis();
        PolicyStep step = f.step() == null ? PolicyStep.NONE : f.step();
        List<PayOpsAlert> changes = new ArrayList<>();
        incidents(step, f.simMillis(), changes);
        approvals(step, f.simMillis(), changes);
        escalations(f, changes);
        rollbacks(step, f.simMillis(), changes);
        return changes;
    }

    /** The session ended: every alert it left firing, resolved now. */
    List<PayOpsAlert> endSession() {
        List<PayOpsAlert> changes = new ArrayList<>();
        for (String key : List.copyOf(firing.keySet())) {
            resolve(key, "the session ended at t=" + AlertFactory.seconds(lastSimMillis) + " s", changes);
        }
        return changes;
    }

    int firingCount() {
        return firing.size();
    }

    private void incidents(PolicyStep step, long simMillis, List<PayOpsAlert> changes) {
        // incidents open in a cycle: its explanation is why
        List<String> why = step.cycle() != null ? step.cycle().explanation() : step.explanation();
        Set<String> open = fireNew(step.incidents(), AlertFactory.INCIDENT_KEY, Incident::id,
                i -> alerts.incident(i, why, simMillis, now()), changes);
        endGone(AlertFactory.INCIDENT_KEY, open, k -> "closed at t=" + AlertFactory.seconds(simMillis) + " s: recovered",
                changes);
    }

    private void approvals(PolicyStep step, long simMillis, List<PayOpsAlert> changes) {
        Set<String> waiting = fireNew(step.pendingApprovals(), AlertFactory.APPROVAL_KEY, ApprovalRequest::actionId,
                r -> alerts.approval(r, related(step, r.action().target()), simMillis, now()), changes);
        Map<String, String> how = new HashMap<>();
        for (ApprovalEnd e : step.approvalEnds()) {
            // the reason is a whole sentence ("approved by operator at t=363 s: open_circuit … executed")
            how.put(AlertFactory.APPROVAL_KEY + e.actionId(), e.reason() != null && !e.reason().isBlank() ? e.reason()
                    : e.kind().key() + " by " + e.by() + " at t=" + AlertFactory.seconds(e.atMillis()) + " s");
        }
        endGone(AlertFactory.APPROVAL_KEY, waiting, k -> how.getOrDefault(k, "no longer waiting at t="
                + AlertFactory.seconds(simMillis) + " s"), changes);
    }

    private void escalations(Frame f, List<PayOpsAlert> changes) {
        List<TicketAction> pending = f.tickets() == null ? List.of() : f.tickets().pendingApprovals();
        Set<String> waiting = fireNew(pending, AlertFactory.ESCALATION_KEY, TicketAction::id,
                t -> alerts.escalation(t, f.simMillis(), now()), changes);
        Map<String, String> how = new HashMap<>();
        for (TicketAction t : f.tickets() == null ? List.<TicketAction>of() : f.tickets().actions()) {
            if (t.decidedBy() != null) {
                how.put(AlertFactory.ESCALATION_KEY + t.id(), t.status().key() + " by " + t.decidedBy().text()
                        + " at t=" + AlertFactory.seconds(t.updatedAtMillis()) + " s"
                        + (t.note() == null ? "" : ": " + t.note()));
            }
        }
        endGone(AlertFactory.ESCALATION_KEY, waiting, k -> how.getOrDefault(k, "no longer waiting at t="
                + AlertFactory.seconds(f.simMillis()) + " s"), changes);
    }

    private void rollbacks(PolicyStep step, long simMillis, List<PayOpsAlert> changes) {
        for (ActionRecord a : step.actions()) {
            if (a.status() == ActionStatus.ROLLED_BACK && rolledBack.add(a.id())) {
                PayOpsAlert alert = alerts.rollback(a, related(step, a.action().target()), step.explanation(), simMillis,
                        now());
                fire(alert, changes);
                rollbackEnds.put(alert.key(), simMillis + ROLLBACK_ALERT_LIFE_MILLIS);
            }
        }
        // on every frame: nothing copied unless a rollback alert is firing
        for (String key : rollbackEnds.isEmpty() ? List.<String>of() : List.copyOf(rollbackEnds.keySet())) {
            if (rollbackEnds.get(key) <= simMillis) {
                resolve(key, "its fixed life of " + ROLLBACK_ALERT_LIFE_MILLIS / 60_000 + " minutes (session time) ended",
                        changes);
            }
        }
    }

    /** The open incident an action is for: the first whose traffic contains the action's, or lies within it. */
    private static Incident related(PolicyStep step, Target target) {
        for (Incident i : step.incidents()) {
            if (target.within(i.target()) || !target.isAll() && i.target().within(target)) {
                return i;
            }
        }
        return null;
    }

    /** Fires an alert for each item not firing yet. @return the keys of all the items, firing now */
    private <T> Set<String> fireNew(List<T> items, String prefix, ToLongFunction<T> id,
                                    Function<T, PayOpsAlert> alert, List<PayOpsAlert> changes) {
        Set<String> present = new HashSet<>();
        for (T item : items) {
            String key = prefix + id.applyAsLong(item);
            present.add(key);
            if (!firing.containsKey(key)) {
                fire(alert.apply(item), changes);
            }
        }
        return present;
    }

    private void endGone(String prefix, Set<String> present, java.util.function.UnaryOperator<String> how,
                         List<PayOpsAlert> changes) {
        if (firing.isEmpty()) {
            return; // most frames: nothing firing, nothing to copy
        }
        for (String key : List.copyOf(firing.keySet())) {
            if (key.startsWith(prefix) && !present.contains(key)) {
                resolve(key, how.apply(key), changes);
            }
        }
    }

    private void fire(PayOpsAlert alert, List<PayOpsAlert> changes) {
        firing.put(alert.key(), alert);
        changes.add(alert);
    }

    private void resolve(String key, String how, List<PayOpsAlert> changes) {
        PayOpsAlert a = firing.remove(key);
        rollbackEnds.remove(key);
        changes.add(a.resolved(now(), Map.of("resolution", how,
                "ended_session_second", AlertFactory.seconds(lastSimMillis))));
    }

    /** Alertmanager's times have millisecond precision; more would only make the JSON longer. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
