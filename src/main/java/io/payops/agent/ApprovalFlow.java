package io.payops.agent;

import io.payops.agent.act.ApprovalQueue;
import io.payops.agent.guard.Guardrails;
import io.payops.domain.Action;
import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.AgentCycle;
import io.payops.domain.Approval;
import io.payops.domain.ApprovalEnd;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Candidate;
import io.payops.domain.Decider;
import io.payops.domain.Decision;
import io.payops.domain.Diagnosis;
import io.payops.domain.GuardVerdict;
import io.payops.domain.Hypothesis;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A routing change that needs a human, from the request to its end: raised with the decision it came from, taken back
 * when the agent may do it alone after all, and, once approved, rejected or expired, carried out or remembered as
 * refused. An approval lifts "needs a human", never a hard limit, and is not applied when the trouble it answered is
 * gone. Every request that leaves the queue says how and why ({@link ApprovalEnd}, collected until {@link #takeEnds}):
 * this only describes what happened and decides nothing.
 */
final class ApprovalFlow {
    private final ApprovalQueue queue;
    private final Guardrails guardrails;
    private final FeasibilityMemory memory;
    private final AgentConfig config;
    private final Map<Long, Decision> pendingDecisions = new LinkedHashMap<>();
    /** The target of the trouble each waiting request answers. */
    private final Map<Long, Target> troubleOf = new LinkedHashMap<>();
    /** Requests that left the queue since the last {@link #takeEnds}. */
    private final List<ApprovalEnd> ends = new ArrayList<>();

    ApprovalFlow(AgentConfig config, Guardrails guardrails, FeasibilityMemory memory) {
        this.queue = new ApprovalQueue(config.approval());
        this.guardrails = guardrails;
        this.memory = memory;
        this.config = config;
    }

    ApprovalQueue queue() {
        return queue;
    }

    boolean waitingFor(Action a) {
        return queue.pending().stream().anyMatch(r -> r.action().equals(a));
    }

    /** Raises a request for the decision's change, about the hypothesis it answers; returns its PENDING record. */
    ActionRecord raise(long id, Decision decision, GuardVerdict verdict, Hypothesis about, long now) {
        Action a = decision.action();
        Candidate c = decision.selected();
        ApprovalRequest r = new ApprovalRequest(id, a, about.diagnosis(),
                about.evidence().isEmpty() ? about.diagnosis().key() : about.evidence().get(0), verdict.reasons(),
                decision.confidence(), c.risk(), c.successGain(), now,
                now + config.guard().approvalExpirySeconds() * 1000L, ActionStatus.PENDING, null, null);
        queue.raise(r);
        pendingDecisions.put(id, decision);
        troubleOf.put(id, about.target());
        return new ActionRecord(id, now, a, ActionStatus.PENDING, Approval.PENDING, ActionOutcome.NOT_APPLICABLE, false, now,
                "waiting for approval: " + String.join("; ", verdict.reasons()), false);
    }

    /**
     * Takes back the request for a change the agent may now make alone (the evidence grew since it asked); the change
     * keeps the request's id, and {@link #tookAlone} says what came of it.
     * @return the request taken back, or null when none was waiting
     */
    ApprovalRequest withdraw(Action a) {
        ApprovalRequest asked = queue.withdraw(a);
        if (asked == null) {
            return null;
        }
        pendingDecisions.remove(asked.actionId());
        troubleOf.remove(asked.actionId());
        return asked;
    }

    /**
     * The record of the change the agent made alone in place of a request it {@link #withdraw withdrew}: the same
     * record, its note saying the request was taken back and why; the request's end is recorded.
     */
    ActionRecord tookAlone(ApprovalRequest asked, ActionRecord done, long now) {
        String why = "the guardrails now let it act alone"
                + (asked.approvalReasons().isEmpty() ? "" : " (it had asked because " + String.join("; ", asked.approvalReasons()) + ")");
        String reason = done.status() == ActionStatus.EXECUTED
                ? "the agent took this action itself at t=" + seconds(now) + ": " + why
                : "the agent took this action up itself at t=" + seconds(now) + " but it was not applied: " + done.note();
        ends.add(new ApprovalEnd(asked, ApprovalEnd.Kind.WITHDRAWN, ApprovalEnd.AGENT, now, reason));
        return done.withStatus(done.status(), done.updatedAtMillis(),
                "request #" + asked.actionId() + " for approval withdrawn: " + why + "; " + done.note());
    }

    /** The requests that left the queue since the last call, oldest first, each with how and why; then forgets them. */
    List<ApprovalEnd> takeEnds() {
        List<ApprovalEnd> out = List.copyOf(ends);
        ends.clear();
        return out;
    }

    /** Requests that expired by now, each resolved. */
    List<ActionRecord> expire(long now, AgentCycle latest, ChangeExecution changes) {
        List<ActionRecord> out = new ArrayList<>();
        for (ApprovalRequest d : queue.tick(now)) {
            out.add(ended(d, resolve(d, now, latest, changes), now));
        }
        return out;
    }

    /** A human's answer; null when no such request is waiting. */
    ActionRecord decide(long actionId, boolean approve, String who, long now, AgentCycle latest,
                        ChangeExecution changes) {
        ApprovalRequest d = queue.decide(actionId, approve, Decider.named(who), now);
        return d == null ? null : ended(d, resolve(d, now, latest, changes), now);
    }

    /** Records how an answered or expired request ended, from the record its answer made; returns that record. */
    private ActionRecord ended(ApprovalRequest d, ActionRecord r, long now) {
        ApprovalEnd.Kind kind = switch (d.status()) {
            case APPROVED -> ApprovalEnd.Kind.APPROVED;
            case REJECTED -> ApprovalEnd.Kind.REJECTED;
            default -> ApprovalEnd.Kind.EXPIRED;
        };
        String by = d.decidedBy() == null ? Decider.EXPIRY.text() : d.decidedBy().text();
        String reason = switch (kind) {
            case EXPIRED -> "expired after " + seconds(now - d.raisedAtMillis()) + " without an answer";
            case REJECTED -> "rejected by " + by + " at t=" + seconds(now);
            default -> r.status() == ActionStatus.EXECUTED
                    ? "approved by " + by + " at t=" + seconds(now) + ": " + d.action().describe() + " executed"
                    : r.note() + " (t=" + seconds(now) + ")";
        };
        ends.add(new ApprovalEnd(d, kind, by, now, reason));
        return r;
    }

    /** Simulated time as the console shows it: "424 s", "424.5 s". */
    private static String seconds(long millis) {
        return (millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0))
                + " s";
    }

    private ActionRecord resolve(ApprovalRequest d, long now, AgentCycle latest, ChangeExecution changes) {
        Decision decision = pendingDecisions.remove(d.actionId());
        Target trouble = troubleOf.remove(d.actionId());
        // the answerer's: auto for the simulated operator's approval, none when it expired unanswered
        Approval approval = d.decidedBy() == null ? Approval.OPERATOR : d.decidedBy().approval();
        if (d.status() == ActionStatus.APPROVED && decision != null) {
            // an approval lifts "needs a human", never a hard limit: check those again as things stand now
            GuardVerdict v = guardrails.check(decision, changes.routing(), changes.inForce(), 0);
            if (v.kind() == GuardVerdict.Kind.BLOCK) {
                memory.blocked(d.action(), now);
                return new ActionRecord(d.actionId(), d.raisedAtMillis(), d.action(), ActionStatus.BLOCKED, approval,
                        ActionOutcome.NOT_APPLICABLE, false, now, "approved by " + d.decidedBy() + " but blocked: "
                        + String.join("; ", v.reasons()), false);
            }
            if (!stillStands(decision, latest)) {
                memory.blocked(d.action(), now);
                return new ActionRecord(d.actionId(), d.raisedAtMillis(), d.action(), ActionStatus.BLOCKED, approval,
                        ActionOutcome.NOT_APPLICABLE, false, now, "approved by " + d.decidedBy() + " but not applied: the "
                        + decision.selected().forDiagnosis().key() + " on " + d.action().target()
                        + " it answered is no longer seen", false);
            }
            // a smaller step taken meanwhile may already have taken all of the trouble's traffic away (a circuit on
            // the failing path while the request was for the whole gateway): then the request has nothing left to do
            Action around = trouble == null ? null : changes.circuitAround(trouble);
            if (around != null && !around.equals(d.action())) {
                memory.blocked(d.action(), now);
                return new ActionRecord(d.actionId(), d.raisedAtMillis(), d.action(), ActionStatus.BLOCKED, approval,
                        ActionOutcome.NOT_APPLICABLE, false, now, "approved by " + d.decidedBy() + " but not applied: " + trouble
                        + " is already behind the " + around.describe() + " taken meanwhile", false);
            }
            return changes.execute(d.actionId(), d.action(), decision, List.of(), now, approval);
        }
        memory.refused(d.action(), now);
        String note = d.status() == ActionStatus.EXPIRED ? "expired without an answer" : "rejected by " + d.decidedBy();
        return new ActionRecord(d.actionId(), d.raisedAtMillis(), d.action(), d.status(),
                approval, ActionOutcome.NOT_APPLICABLE, false, now, note, false);
    }

    /**
     * Whether the trouble a waiting decision answered is still seen in the latest cycle: a hypothesis of the same
     * diagnosis on traffic the action touches, confident enough to propose a change. A request approved after its
     * trouble cleared would only move traffic for nothing.
     */
    private boolean stillStands(Decision decision, AgentCycle latest) {
        if (latest == null) {
            return false;
        }
        Diagnosis d = decision.selected().forDiagnosis();
        Target t = decision.action().target();
        return latest.hypotheses().stream().anyMatch(h -> h.diagnosis() == d && h.target().overlaps(t)
                && h.confidence() >= config.decision().proposalFloor());
    }
}
