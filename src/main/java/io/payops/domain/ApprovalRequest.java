package io.payops.domain;

import java.util.List;

/**
 * A decision waiting for a human: what, why, the risk and expected effect, and when it expires. {@code decidedBy}
 * and {@code decidedAtMillis} are set once someone approved or rejected it (or it expired: {@link Decider#EXPIRY}).
 */
public record ApprovalRequest(
        long actionId,
        Action action,
        Diagnosis diagnosis,
        String why,
        List<String> approvalReasons,
        double confidence,
        double risk,
        double expectedSuccessGain,
        long raisedAtMillis,
        long expiresAtMillis,
        ActionStatus status,
        Decider decidedBy,
        Long decidedAtMillis) {

    public ApprovalRequest {
        approvalReasons = List.copyOf(approvalReasons);
    }

    public ApprovalRequest decided(ActionStatus newStatus, Decider who, long at) {
        return new ApprovalRequest(actionId, action, diagnosis, why, approvalReasons, confidence, risk,
                expectedSuccessGain, raisedAtMillis, expiresAtMillis, newStatus, who, at);
    }
}
