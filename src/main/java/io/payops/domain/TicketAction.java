package io.payops.domain;


import java.util.List;

/**
 * One ticket decision, in the version current at {@code updatedAtMillis}; a new version is published whenever its
 * status changes. A low-risk action is {@code executed} at once with approval {@code none}; a high-risk one waits
 * {@code pending} until {@code expiresAtMillis}, and then is executed (approval {@code operator} or {@code auto}), rejected or
 * expired. {@code merchants} are the ones it reaches (the cluster's merchants when it was decided).
 */
public record TicketAction(
        long id,
        long atMillis,
        String clusterId,
        TicketActionType type,
        RootCause rootCause,
        String signature,
        List<String> merchants,
        ActionStatus status,
        Approval approval,
        String why,
        List<String> approvalReasons,
        Long expiresAtMillis,
        Decider decidedBy,
        Long decidedAtMillis,
        long updatedAtMillis,
        String note) {

    public TicketAction {
        merchants = List.copyOf(merchants);
        approvalReasons = List.copyOf(approvalReasons);
    }

    public String risk() {
        return type.risk();
    }

    /** The version after a human's (or the clock's) answer; its approval is the answerer's. */
    public TicketAction decided(ActionStatus newStatus, Decider who, long at, String newNote) {
        return new TicketAction(id, atMillis, clusterId, type, rootCause, signature, merchants, newStatus, who.approval(),
                why, approvalReasons, expiresAtMillis, who, at, at, newNote);
    }
}
