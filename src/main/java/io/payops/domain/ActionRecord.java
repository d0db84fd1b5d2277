package io.payops.domain;

/**
 * The life of one non-no_op decision as the frames see it: a new version of the record is published whenever
 * its status changes. {@code approval} says whether it was taken alone or answered by someone ({@link Approval});
 * {@code outcome} what it did, once measured ({@link ActionOutcome}). {@code recovery} marks an
 * action that undoes an earlier one once its fault is gone (closing a circuit, restoring weights).
 */
public record ActionRecord(
        long id,
        long atMillis,
        Action action,
        ActionStatus status,
        Approval approval,
        ActionOutcome outcome,
        boolean rolledBack,
        long updatedAtMillis,
        String note,
        boolean recovery) {

    public ActionRecord withStatus(ActionStatus newStatus, long at, String newNote) {
        return new ActionRecord(id, atMillis, action, newStatus, approval, outcome,
                rolledBack || newStatus == ActionStatus.ROLLED_BACK, at, newNote, recovery);
    }

    public ActionRecord withOutcome(ActionOutcome newOutcome, long at) {
        return new ActionRecord(id, atMillis, action, status, approval, newOutcome, rolledBack, at, note, recovery);
    }
}
