package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The life of one non-no_op decision as the frames see it: a new version of the record is published whenever
 * its status changes. {@code approval} says whether it was taken alone or answered by someone ({@link Approval});
 * {@code outcome} what it did, once measured ({@link ActionOutcome}). {@code recovery} marks an
 * action that undoes an earlier one once its fault is gone (closing a circuit, restoring weights).
 * {@code applied} (issue #19): over an event log or a topic, the real router acknowledged the change this version
 * stands for (its execution, or its rollback), so it is no longer only a recommendation; always false over the
 * simulator, which applies routing itself. Left out of JSON when false, so frames, state files and reports of runs
 * without a routing webhook are written exactly as before.
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
        boolean recovery,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean applied) {

    /** The canonical constructor, named for Jackson: the one below is for the policies, which never apply. */
    @JsonCreator
    public ActionRecord {
    }

    /** A record not (yet) acknowledged by a router: every policy's. */
    public ActionRecord(long id, long atMillis, Action action, ActionStatus status, Approval approval,
                        ActionOutcome outcome, boolean rolledBack, long updatedAtMillis, String note, boolean recovery) {
        this(id, atMillis, action, status, approval, outcome, rolledBack, updatedAtMillis, note, recovery, false);
    }

    /** A new status is a new change: no router has acknowledged it yet. */
    public ActionRecord withStatus(ActionStatus newStatus, long at, String newNote) {
        return new ActionRecord(id, atMillis, action, newStatus, approval, outcome,
                rolledBack || newStatus == ActionStatus.ROLLED_BACK, at, newNote, recovery,
                applied && newStatus == status);
    }

    public ActionRecord withOutcome(ActionOutcome newOutcome, long at) {
        return new ActionRecord(id, atMillis, action, status, approval, newOutcome, rolledBack, at, note, recovery,
                applied);
    }

    /** This version, acknowledged by the router at {@code at}. */
    public ActionRecord withApplied(long at) {
        return new ActionRecord(id, atMillis, action, status, approval, outcome, rolledBack, at, note, recovery, true);
    }
}
