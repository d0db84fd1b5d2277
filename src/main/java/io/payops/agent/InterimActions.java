package io.payops.agent;

import io.payops.agent.act.ActionsInForce;
import io.payops.agent.guard.Guardrails;
import io.payops.domain.Action;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.Anomaly;
import io.payops.domain.Approval;
import io.payops.domain.Candidate;
import io.payops.domain.Decision;
import io.payops.domain.GuardVerdict;

import java.util.List;
import java.util.function.Function;

/**
 * While a bigger change waits for a human, takes the best smaller one the guardrails allow alone, if the evidence is
 * overwhelming and it helps: an outage on the busiest gateway should not wait a minute for a click to start being
 * contained. Only a smaller step against the same trouble, never a change somewhere else.
 */
final class InterimActions {
    private final AgentConfig.Guard limits;
    private final Guardrails guardrails;
    private final ActionsInForce actions;

    InterimActions(AgentConfig.Guard limits, Guardrails guardrails, ActionsInForce actions) {
        this.limits = limits;
        this.guardrails = guardrails;
        this.actions = actions;
    }

    /**
     * @param whyNot why a candidate cannot be taken now (null when it can)
     * @return words to append to what was done ("" when nothing)
     */
    String take(Decision decision, boolean recommendOnly, List<Anomaly> anomalies, long now,
                Function<Candidate, String> whyNot, ChangeExecution changes, List<ActionRecord> records) {
        if (recommendOnly || decision.confidence() < Math.max(limits.minConfidenceToAct(), limits.interimConfidence())) {
            return "";
        }
        for (Candidate c : decision.rejected()) {
            Action a = c.action();
            if (!a.type().changesRouting() || c.successGain() <= 0 || c.trafficShare() > limits.interimMaxShare()
                    || c.forDiagnosis() != decision.selected().forDiagnosis()
                    || !a.target().overlaps(decision.action().target()) || whyNot.apply(c) != null) {
                continue;
            }
            Decision small = new Decision(c.rejected(null), List.of(), decision.confidence(), false, List.of());
            double cooldown = actions.cooldownLeft(a.target(), now, limits.cooldownSeconds());
            GuardVerdict v = guardrails.check(small, changes.routing(), actions.countInForce(), cooldown);
            if (v.kind() == GuardVerdict.Kind.ALLOW) {
                ActionRecord r = changes.execute(changes.newId(), a, small, anomalies, now, Approval.NONE);
                records.add(r);
                return r.status() == ActionStatus.EXECUTED ? "; meanwhile, alone: " + a.describe() : "";
            }
        }
        return "";
    }
}
