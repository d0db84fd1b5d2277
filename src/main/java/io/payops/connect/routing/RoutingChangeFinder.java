package io.payops.connect.routing;

import io.payops.common.BoundedMaps;
import io.payops.connect.ConnectorSession;
import io.payops.domain.Action;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActionType;
import io.payops.domain.Approval;
import io.payops.domain.ApprovalEnd;
import io.payops.domain.Frame;
import io.payops.domain.RoutingState;
import io.payops.domain.Target;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds one session's routing changes in its frames: every routing action the agent executed (alone or approved),
 * every rollback and every recovery, each once, as the {@link RoutingDocument} the router receives. The frames publish
 * a record again whenever it changes (its outcome measured, the router's acknowledgement): a change is a record's
 * new status, so a record is turned into a document only when its status is one not sent before. Engine thread.
 */
final class RoutingChangeFinder {
    /**
     * Action ids remembered with the status last sent. A session makes a handful of routing changes an hour and a
     * record's later versions come within minutes: a thousand back is plenty, and bounds a console left open.
     */
    static final int REMEMBERED = 1_000;

    private final ConnectorSession session;
    private final Clock clock;
    private final long startedAtMillis;
    private final Map<Long, ActionStatus> sent = BoundedMaps.keepingNewest(REMEMBERED);
    /** The routing after the previous frame: in force before this frame's changes. */
    private RoutingState before;

    RoutingChangeFinder(ConnectorSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.startedAtMillis = clock.millis();
    }

    ConnectorSession session() {
        return session;
    }

    /**
     * The key a receiver drops repeats by: the same for every delivery of one change. The session's start (wall
     * clock) is in it because a run that is not recorded is named by its scenario and seed alone, and running it again
     * makes the same changes under the same ids: those are new changes for the router, not repeats.
     */
    static String idempotencyKey(String sessionId, long sessionStartMillis, long actionId, ActionStatus status) {
        return sessionId + "/" + sessionStartMillis + "/" + actionId + "/" + status.key();
    }

    /** The routing changes this frame shows, oldest first; none on most frames. */
    List<RoutingDocument> find(Frame f) {
        RoutingState prior = before == null ? f.routing() : before;
        before = f.routing();
        List<RoutingDocument> out = List.of();
        for (ActionRecord r : f.step().actions()) {
            if (!r.action().type().changesRouting()
                    || r.status() != ActionStatus.EXECUTED && r.status() != ActionStatus.ROLLED_BACK
                    || sent.get(r.id()) == r.status()) {
                continue;
            }
            sent.remove(r.id());
            sent.put(r.id(), r.status());
            if (out.isEmpty()) {
                out = new ArrayList<>();
            }
            out.add(new RoutingDocument(RoutingDocument.SCHEMA,
                    idempotencyKey(session.sessionId(), startedAtMillis, r.id(), r.status()), session.sessionId(),
                    session.scenario(), session.openLoop(), f.simMillis(), Instant.ofEpochMilli(clock.millis()).toString(),
                    f.routing(), change(r, approver(f, r.id()), prior, f.routing())));
        }
        return out;
    }

    private static String approver(Frame f, long actionId) {
        for (ApprovalEnd e : f.step().approvalEnds()) {
            if (e.actionId() == actionId && e.kind() == ApprovalEnd.Kind.APPROVED) {
                return e.by();
            }
        }
        return null;
    }

    static RoutingChange change(ActionRecord r, String approvedBy, RoutingState before, RoutingState after) {
        Action a = r.action();
        boolean rollback = r.status() == ActionStatus.ROLLED_BACK;
        boolean byAgent = rollback || r.recovery() || r.approval() == Approval.NONE;
        return new RoutingChange(r.id(), a.type().key(), a.target(), a.describe(), r.status().key(), rollback,
                r.recovery(), byAgent ? "agent" : "operator", r.approval().key(), byAgent ? null : approvedBy,
                why(r, rollback, byAgent, approvedBy), part(a, before), part(a, after));
    }

    /** One sentence: what was done, by whom, and the record's own reason. */
    static String why(ActionRecord r, boolean rollback, boolean byAgent, String approvedBy) {
        String what = r.action().describe();
        String note = r.note() == null ? "" : r.note().strip();
        if (note.endsWith(".")) {
            note = note.substring(0, note.length() - 1);
        }
        String sentence;
        if (rollback) {
            sentence = "Rolled back " + what + " because it made things worse: " + after(note, "rolled back: ");
        } else if (r.recovery()) {
            // a recovery's action is the undoing itself (closing a circuit) or the change it undoes (a shift)
            String done = r.action().type() == ActionType.CLOSE_CIRCUIT ? "Closed the circuit on " + r.action().target()
                    : "Undid " + what;
            sentence = done + " because the trouble it answered is gone: "
                    + after(after(note, "restored routing: "), "closed: ");
        } else if (byAgent) {
            sentence = "The agent took " + what + " alone, within its guardrails: " + note;
        } else {
            sentence = "The agent took " + what + " once " + (approvedBy == null ? "an operator" : approvedBy)
                    + " approved it: " + note;
        }
        return sentence + ".";
    }

    private static String after(String note, String prefix) {
        return note.startsWith(prefix) ? note.substring(prefix.length()) : note;
    }

    /** The part of {@code routing} that {@code a} touches. */
    static RoutingPart part(Action a, RoutingState routing) {
        return switch (a.type()) {
            case SHIFT_TRAFFIC -> new RoutingPart(routing.weights(), null, null, null);
            case OPEN_CIRCUIT, CLOSE_CIRCUIT -> new RoutingPart(null, a.target(), circuitState(a.target(), routing),
                    null);
            case ADJUST_RETRY_POLICY -> new RoutingPart(null, null, null, routing.retryPolicy());
            default -> new RoutingPart(null, null, null, null);
        };
    }

    private static String circuitState(Target circuit, RoutingState routing) {
        if (routing.halfOpenCircuits().contains(circuit)) {
            return "half_open";
        }
        return routing.openCircuits().contains(circuit) ? "open" : "closed";
    }
}
