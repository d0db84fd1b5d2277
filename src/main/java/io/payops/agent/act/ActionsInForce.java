package io.payops.agent.act;

import io.payops.domain.Action;
import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.Diagnosis;
import io.payops.domain.RoutingState;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routing changes the agent has made and not yet undone, plus when each target last changed (for cooldowns).
 */
public final class ActionsInForce {
    private final List<ActiveAction> actions = new ArrayList<>();
    private final Map<Target, Long> lastChange = new LinkedHashMap<>();

    public ActiveAction add(ActionRecord record, Diagnosis diagnosis, RoutingState before, RoutingState after, long now,
                            long beforeFromMillis, double faultyRate) {
        ActiveAction a = new ActiveAction(record, diagnosis, before, after, now, beforeFromMillis, faultyRate);
        actions.add(a);
        lastChange.put(record.action().target(), now);
        return a;
    }

    public void touched(Target t, long now) {
        lastChange.put(t, now);
    }

    public int countInForce() {
        return (int) actions.stream().filter(ActiveAction::inForce).count();
    }

    public List<ActiveAction> inForce() {
        return actions.stream().filter(ActiveAction::inForce).toList();
    }

    /** Whether a change in force already covers this action (same circuit, or traffic already moved off). */
    public boolean covers(Action a) {
        for (ActiveAction x : inForce()) {
            if (x.record.action().type() == a.type() && x.target().equals(a.target())) {
                return true;
            }
            if (x.target().overlaps(a.target()) && a.target().within(x.target())
                    && x.record.action().type() == io.payops.domain.ActionType.OPEN_CIRCUIT) {
                return true;
            }
        }
        return false;
    }

    /** Seconds until no change overlapping {@code t} is younger than the cooldown. */
    public double cooldownLeft(Target t, long now, int cooldownSeconds) {
        double left = 0;
        for (Map.Entry<Target, Long> e : lastChange.entrySet()) {
            if (e.getKey().overlaps(t)) {
                left = Math.max(left, (e.getValue() + cooldownSeconds * 1000L - now) / 1000.0);
            }
        }
        return left;
    }

    static ActionRecord updated(ActionRecord r, ActionStatus status, ActionOutcome outcome, long now, String note) {
        return r.withStatus(status, now, note).withOutcome(outcome, now);
    }
}
