package io.payops.engine;

import io.payops.domain.ApprovalRequest;
import io.payops.domain.Frame;

import java.util.function.Predicate;

/**
 * True for a frame that shows an approval request no earlier frame showed (engine thread only). Request ids grow
 * with each action the agent proposes, so the highest id seen is enough to tell a new one.
 */
final class NewApprovalRequest implements Predicate<Frame> {
    private long highestSeen = Long.MIN_VALUE;

    @Override
    public boolean test(Frame frame) {
        boolean fresh = false;
        if (frame.step() == null) {
            return false;
        }
        for (ApprovalRequest r : frame.step().pendingApprovals()) {
            if (r.actionId() > highestSeen) {
                highestSeen = r.actionId();
                fresh = true;
            }
        }
        return fresh;
    }
}
