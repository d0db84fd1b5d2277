package io.payops.domain;

/**
 * The life of one non-no_op decision as the frames see it: a new version of the record is published whenever
 * its status changes. {@code approval} is "none" (acted alone), "auto" (simulated operator), "operator" or
 * "policy"; {@code outcome} is helped / hurt / neutral / inconclusive / pending / n/a. {@code recovery} marks an
 * action that undoes an earlier one once its fault is gone (closing a circuit, restoring weights).
 */
public record ActionRecord(
        long id,
        long atMillis,
        Action action,
        ActionStatus status,
        String approval,
        String outcome,
        boolean rolledBack,
        long updatedAtMillis,
        String note,
        boolean recovery) {

    public ActionRecord withStatus(ActionStatus newStatus, long at, String newNote) {
        return new ActionRecord(id, atMillis, action, newStatus, approval, outcome,
                rolledBack || newStatus == ActionStatus.ROLLED_BACK, at, newNote, recovery);
    }

    public ActionRecord withApproval(String newApproval) {
        return new ActionRecord(id, atMillis, action, status, newApproval, outcome, rolledBack, updatedAtMillis, note, recovery);
    }

    public ActionRecord withOutcome(String newOutcome, long at) {
        return new ActionRecord(id, atMillis, action, status, approval, newOutcome, rolledBack, at, note, recovery);
    }
}
