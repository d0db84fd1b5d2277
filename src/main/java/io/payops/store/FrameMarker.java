package io.payops.store;

import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Frame;
import io.payops.domain.Incident;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells, frame after frame, what happened that a person may want to jump to in a replay. It remembers the incidents
 * and approval requests already seen, so it must see every frame of a session in order.
 */
public final class FrameMarker {
    private final Set<Long> incidents = new HashSet<>();
    private final Set<Long> requests = new HashSet<>();

    public Set<FrameMark> marks(Frame f) {
        EnumSet<FrameMark> out = EnumSet.noneOf(FrameMark.class);
        for (Incident i : f.step().incidents()) {
            if (incidents.add(i.id())) {
                out.add(FrameMark.INCIDENT);
            }
        }
        for (ApprovalRequest r : f.step().pendingApprovals()) {
            if (requests.add(r.actionId())) {
                out.add(FrameMark.APPROVAL);
            }
        }
        for (ActionRecord a : f.step().actions()) {
            out.add(FrameMark.ACTION);
            if (a.status() == ActionStatus.APPROVED || a.status() == ActionStatus.REJECTED
                    || a.status() == ActionStatus.EXPIRED || a.status() == ActionStatus.PENDING) {
                out.add(FrameMark.APPROVAL);
            }
        }
        if (!f.commands().isEmpty()) {
            out.add(FrameMark.COMMAND);
        }
        if (f.step().cycle() != null) {
            out.add(FrameMark.CYCLE);
        }
        return out;
    }
}
