package io.payops.agent;

import io.payops.agent.act.ActionsInForce;
import io.payops.agent.act.ActiveAction;
import io.payops.agent.act.ApprovalQueue;
import io.payops.domain.Action;
import io.payops.domain.ActionType;
import io.payops.domain.Candidate;
import io.payops.domain.Target;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the agent remembers about what it could not do or has already said: changes the guardrails blocked, requests a
 * human turned down, alerts already raised. With the changes in force and the requests waiting, it says why a
 * candidate cannot be taken now, so the agent neither repeats itself nor asks again for what was just refused.
 */
final class FeasibilityMemory {
    private final AgentConfig.Memory limits;
    private final Map<Action, Long> blockedAt = new LinkedHashMap<>();
    private final Map<Action, Long> refusedByHuman = new LinkedHashMap<>();
    private final Map<Target, Long> alertedAt = new LinkedHashMap<>();

    FeasibilityMemory(AgentConfig.Memory limits) {
        this.limits = limits;
    }

    void blocked(Action a, long now) {
        blockedAt.put(a, now);
    }

    void refused(Action a, long now) {
        refusedByHuman.put(a, now);
    }

    void alerted(Target t, long now) {
        alertedAt.put(t, now);
    }

    /** Why a candidate cannot be taken now, or null. */
    String whyNot(Candidate c, long now, ActionsInForce actions, ApprovalQueue approvals) {
        Action a = c.action();
        if (a.type().changesRouting()) {
            String why = routingWhyNot(a, now, actions, approvals);
            if (why != null) {
                return why;
            }
        }
        if (a.type() == ActionType.ALERT) {
            for (Map.Entry<Target, Long> e : alertedAt.entrySet()) {
                if (a.target().within(e.getKey()) && now - e.getValue() < limits.realertSeconds() * 1000L) {
                    return "already alerted on " + e.getKey() + " " + (now - e.getValue()) / 1000 + " s ago";
                }
            }
        }
        return null;
    }

    private String routingWhyNot(Action a, long now, ActionsInForce actions, ApprovalQueue approvals) {
        if (actions.covers(a)) {
            return "already in force";
        }
        if (approvals.hasOtherPendingOverlapping(a)) {
            return "another request on " + a.target() + " is already waiting for approval";
        }
        Long blocked = blockedAt.get(a);
        if (blocked != null && now - blocked < limits.forgetBlockedSeconds() * 1000L) {
            return "blocked by the guardrails " + (now - blocked) / 1000 + " s ago";
        }
        Long refused = refusedByHuman.get(a);
        if (refused != null && now - refused < limits.forgetRejectedSeconds() * 1000L) {
            return "not approved " + (now - refused) / 1000 + " s ago; not asked again so soon";
        }
        for (ActiveAction x : actions.inForce()) {
            if (x.phase() == ActiveAction.Phase.EVALUATING && x.target().overlaps(a.target())) {
                return "waiting to see the effect of " + x.record().action().describe();
            }
            // the window still holds failures from before that change: what a wider segment shows is its echo
            if (x.target().within(a.target()) && now - x.record().atMillis() < limits.echoSeconds() * 1000L) {
                return "what is still seen on " + a.target() + " is the echo of the failures " + x.target()
                        + " had before its change; waiting for the window to clear";
            }
        }
        return null;
    }
}
