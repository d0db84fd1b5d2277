package io.payops.agent.act;

import io.payops.domain.ActionStatus;
import io.payops.domain.ApprovalMode;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Decider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decisions waiting for a human. A request is approved, rejected or expires; in a headless run a simulated operator
 * answers per {@link ApprovalMode}. Decided requests are kept (bounded) for the approvals pane and state file.
 */
public final class ApprovalQueue {
    private static final int MAX_DECIDED = 200;

    private final ApprovalMode mode;
    private final Map<Long, ApprovalRequest> pending = new LinkedHashMap<>();
    private final List<ApprovalRequest> decided = new ArrayList<>();

    public ApprovalQueue(ApprovalMode mode) {
        this.mode = mode;
    }

    public void raise(ApprovalRequest request) {
        pending.put(request.actionId(), request);
    }

    public List<ApprovalRequest> pending() {
        return List.copyOf(pending.values());
    }

    public List<ApprovalRequest> decided() {
        return List.copyOf(decided);
    }

    /** Whether a request waits on a target overlapping {@code t} for some other action than {@code a}. */
    public boolean hasOtherPendingOverlapping(io.payops.domain.Action a) {
        return pending.values().stream().anyMatch(r -> !r.action().equals(a) && r.action().target().overlaps(a.target()));
    }

    /**
     * Takes back a waiting request for exactly this action, because the agent may now take it alone (the evidence
     * grew since it asked); returns it, or null when there is none.
     */
    public ApprovalRequest withdraw(io.payops.domain.Action a) {
        for (ApprovalRequest r : List.copyOf(pending.values())) {
            if (r.action().equals(a)) {
                pending.remove(r.actionId());
                return r;
            }
        }
        return null;
    }

    /** Records a human's (or the simulated operator's) answer; null when the request is not pending. */
    public ApprovalRequest decide(long actionId, boolean approve, Decider who, long nowMillis) {
        ApprovalRequest r = pending.remove(actionId);
        if (r == null) {
            return null;
        }
        ApprovalRequest d = r.decided(approve ? ActionStatus.APPROVED : ActionStatus.REJECTED, who, nowMillis);
        remember(d);
        return d;
    }

    /**
     * What the clock decides: expired requests, and in headless modes the simulated operator's answers.
     * @return the requests decided now, in the order they were raised
     */
    public List<ApprovalRequest> tick(long nowMillis) {
        List<ApprovalRequest> out = new ArrayList<>();
        for (ApprovalRequest r : List.copyOf(pending.values())) {
            ApprovalRequest d = null;
            if (mode.kind() == ApprovalMode.Kind.NEVER) {
                d = r.decided(ActionStatus.REJECTED, new Decider.Simulated(mode), nowMillis);
            } else if (mode.kind() == ApprovalMode.Kind.AUTO
                    && nowMillis - r.raisedAtMillis() >= mode.delaySeconds() * 1000L) {
                d = r.decided(ActionStatus.APPROVED, new Decider.Simulated(mode), nowMillis);
            } else if (nowMillis >= r.expiresAtMillis()) {
                d = r.decided(ActionStatus.EXPIRED, Decider.EXPIRY, nowMillis);
            }
            if (d != null) {
                pending.remove(r.actionId());
                remember(d);
                out.add(d);
            }
        }
        return out;
    }

    private void remember(ApprovalRequest d) {
        decided.add(d);
        if (decided.size() > MAX_DECIDED) {
            decided.remove(0);
        }
    }
}
