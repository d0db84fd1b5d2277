package io.payops.engine;

import io.payops.domain.ApprovalRequest;
import io.payops.domain.Frame;
import io.payops.domain.TicketAction;

import java.util.function.Predicate;

/**
 * True for a frame that shows an approval request no earlier frame showed, for routing or for a support ticket
 * (engine thread only). Request ids grow
 * with each action the agent proposes, so the highest id seen is enough to tell a new one.
 */
final class NewApprovalRequest implements Predicate<Frame> {
    private long highestSeen = Long.MIN_VALUE;
    /** Support-ticket actions (an escalation to engineering, say) number apart from routing actions. */
    private long highestTicketSeen = Long.MIN_VALUE;

    @Override
    public boolean test(Frame frame) {
        boolean fresh = false;
        if (frame.step() != null) {
            for (ApprovalRequest r : frame.step().pendingApprovals()) {
                if (r.actionId() > highestSeen) {
                    highestSeen = r.actionId();
                    fresh = true;
                }
            }
        }
        if (frame.tickets() != null) {
            for (TicketAction t : frame.tickets().pendingApprovals()) {
                if (t.id() > highestTicketSeen) {
                    highestTicketSeen = t.id();
                    fresh = true;
                }
            }
        }
        return fresh;
    }
}
