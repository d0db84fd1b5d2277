package io.payops.ui.approvals;

import io.payops.domain.Command;
import io.payops.ui.fx.CommandSink;
import javafx.beans.property.StringProperty;

/**
 * Where an approval card sends the operator's clicks: the approvals pane, or the Tickets tab for its own
 * escalation cards. Each answers with a {@code Command.Decide} through the console's command sink, by {@link #send}.
 */
public interface ApprovalAnswers {
    /** @return false when the request is unknown or already answered (nothing is sent) */
    boolean approve(long actionId);

    /** @return false when the request is unknown or already answered (nothing is sent) */
    boolean reject(long actionId);

    /** The card was clicked. */
    void select(long actionId);

    /**
     * How both panes answer a request: its card shows "sent…" and cannot be answered again, the last refusal
     * message goes, and a {@link Command.Decide} from {@value ApprovalsViewModel#WHO} goes to the engine.
     *
     * @param item    the request's item, or null when the pane does not know it
     * @param refusal the pane's "answer refused" message, cleared
     * @return false, sending nothing, when the item is null or cannot be answered now
     */
    static boolean send(ApprovalItemViewModel item, boolean approve, CommandSink sink, StringProperty refusal) {
        if (item == null || !item.isAnswerable()) {
            return false;
        }
        item.markAnswered(approve ? ApprovalItemViewModel.Answer.APPROVE : ApprovalItemViewModel.Answer.REJECT);
        refusal.set("");
        sink.submit(new Command.Decide(item.actionId(), approve, ApprovalsViewModel.WHO));
        return true;
    }
}
