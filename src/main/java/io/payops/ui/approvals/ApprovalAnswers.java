package io.payops.ui.approvals;

/**
 * Where an approval card sends the operator's clicks: the approvals pane, or the Tickets tab for its own
 * escalation cards. Each answers with a {@code Command.Decide} through the console's command sink.
 */
public interface ApprovalAnswers {
    /** @return false when the request is unknown or already answered (nothing is sent) */
    boolean approve(long actionId);

    /** @return false when the request is unknown or already answered (nothing is sent) */
    boolean reject(long actionId);

    /** The card was clicked. */
    void select(long actionId);
}
