package io.payops.engine;

import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.AgentCycle;
import io.payops.domain.ApprovalEnd;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Command;
import io.payops.domain.Decider;
import io.payops.domain.Frame;
import io.payops.domain.Lesson;
import io.payops.domain.SegmentStats;
import io.payops.domain.TicketAction;
import io.payops.store.StateFiles;
import io.payops.store.StateStore;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns frames into the state files of DESIGN §5.6: it follows every frame (cheaply, in memory, with bounded
 * histories) and writes the files when asked, so the caller decides how often the disk is touched. Audit lines are
 * collected per frame and kept until {@link #auditWritten} says they are on disk. One thread only.
 */
public final class StateRecorder {
    static final int TREND_POINTS = 3600;
    static final int HISTORY = 200;
    static final int ACTIONS = 500;
    static final int LESSONS = 500;
    static final int MAX_PENDING_AUDIT = 100_000;

    private final String session;
    private final Clock clock;
    private final Deque<StateFiles.TrendPoint> trend = new ArrayDeque<>();
    private final Deque<StateFiles.CycleHypotheses> hypotheses = new ArrayDeque<>();
    private final Deque<StateFiles.DecisionEntry> decisions = new ArrayDeque<>();
    private final Map<Long, ActionRecord> actions = new LinkedHashMap<>();
    private final Map<Long, ApprovalRequest> pending = new LinkedHashMap<>();
    private final Deque<ApprovalRequest> decided = new ArrayDeque<>();
    private final Deque<Lesson> lessons = new ArrayDeque<>();
    private final List<StateFiles.AuditEntry> audit = new ArrayList<>();
    /** Support-ticket actions by id, newest state, bounded like the payment actions. */
    private final Map<Long, TicketAction> ticketActions = new LinkedHashMap<>();
    private Frame last;
    private List<io.payops.domain.Hypothesis> latestHypotheses = List.of();
    private StateFiles.DecisionEntry latestDecision;
    private final NewLessons newLessons;

    public StateRecorder(String session, List<Lesson> earlierLessons, Clock clock) {
        this.session = session;
        this.clock = clock;
        earlierLessons.forEach(this::addLesson);
        // the policy starts from the same lessons, so the frames' newest lesson is, at first, the last of these
        newLessons = new NewLessons(earlierLessons);
    }

    public void accept(Frame f) {
        last = f;
        SegmentStats total = f.snapshot().total();
        add(trend, new StateFiles.TrendPoint(f.simMillis(), total.successRate(), total.p95(), total.attemptsPerSecond()),
                TREND_POINTS);
        AgentCycle c = f.step().cycle();
        if (c != null) {
            latestHypotheses = c.hypotheses();
            add(hypotheses, new StateFiles.CycleHypotheses(c.atMillis(), c.hypotheses()), HISTORY);
            if (c.decision() != null) {
                latestDecision = new StateFiles.DecisionEntry(c.atMillis(), c.decision(), c.verdict(), c.actionTaken(),
                        c.explanation());
                add(decisions, latestDecision, HISTORY);
            }
        }
        String at = clock.instant().toString();
        for (ActionRecord a : f.step().actions()) {
            actions.remove(a.id());
            actions.put(a.id(), a);
            if (actions.size() > ACTIONS) {
                actions.remove(actions.keySet().iterator().next());
            }
            audit.add(new StateFiles.AuditEntry(at, session, f.simMillis(), "action", a.id(), a.action().describe(),
                    a.action().target(), a.status().key(), a.approval().key(), a.outcome().key(), a.note(), null, null));
        }
        for (ApprovalEnd e : f.step().approvalEnds()) {
            // how the request ended, in its own line: a withdrawn request's action line reads "executed", not why
            audit.add(new StateFiles.AuditEntry(at, session, f.simMillis(), "approval_request", e.actionId(),
                    e.request().action().describe(), e.request().action().target(), e.kind().key(), e.by(), null,
                    e.reason(), null, null));
        }
        followApprovals(f);
        if (f.tickets() != null) {
            for (TicketAction t : f.tickets().actions()) {
                ticketActions.remove(t.id());
                ticketActions.put(t.id(), t);
                if (ticketActions.size() > ACTIONS) {
                    ticketActions.remove(ticketActions.keySet().iterator().next());
                }
                audit.add(new StateFiles.AuditEntry(at, session, f.simMillis(), "ticket_action", t.id(),
                        t.type().key() + " for ticket cluster " + t.clusterId() + " (" + t.signature() + ")", null,
                        t.status().key(), t.approval().key(), null, t.note() != null ? t.note() : t.why(), null, null));
            }
        }
        for (int i = 0; i < f.commands().size(); i++) {
            Command cmd = f.commands().get(i);
            audit.add(new StateFiles.AuditEntry(at, session, f.simMillis(), "command", null, null, null, null, null, null,
                    null, cmd, null));
        }
        for (io.payops.domain.TestPayment t : f.testPayments()) {
            if (t.finished()) {
                audit.add(new StateFiles.AuditEntry(at, session, f.simMillis(), "test_payment", null,
                        "test payment " + t.id() + ": " + t.describe(), null, t.outcome().success() ? "succeeded" : "failed",
                        null, null, t.result(), null, null));
            }
        }
        for (String error : f.commandErrors()) {
            audit.add(new StateFiles.AuditEntry(at, session, f.simMillis(), "command_refused", null, null, null, null,
                    null, null, null, null, error));
        }
        newLessons.in(f.step().learning().recent()).forEach(this::addLesson);
        if (audit.size() > MAX_PENDING_AUDIT) {
            audit.subList(0, audit.size() - MAX_PENDING_AUDIT).clear();
        }
    }

    /**
     * A request that leaves the pending list was answered, expired or withdrawn: its end says how and by whom (frames
     * recorded before requests said so: its action record, else expired).
     */
    private void followApprovals(Frame f) {
        Map<Long, ApprovalRequest> now = new LinkedHashMap<>();
        for (ApprovalRequest r : f.step().pendingApprovals()) {
            now.put(r.actionId(), r);
        }
        Map<Long, ApprovalEnd> ends = new LinkedHashMap<>();
        for (ApprovalEnd e : f.step().approvalEnds()) {
            ends.put(e.actionId(), e);
        }
        for (ApprovalRequest r : pending.values()) {
            if (!now.containsKey(r.actionId())) {
                ActionRecord a = actions.get(r.actionId());
                ApprovalEnd end = ends.get(r.actionId());
                ActionStatus status = end != null && end.kind() == ApprovalEnd.Kind.EXPIRED ? ActionStatus.EXPIRED
                        : a == null ? ActionStatus.EXPIRED : a.status();
                // the frames carry the action record, not the request's answerer: name it as the record says
                Decider who = end != null ? Decider.parse(end.by())
                        : Decider.named(a == null ? "unknown" : a.approval().key());
                long at = end != null ? end.atMillis() : a == null ? f.simMillis() : a.updatedAtMillis();
                add(decided, r.decided(status, who, at), HISTORY);
            }
        }
        pending.clear();
        pending.putAll(now);
    }

    private void addLesson(Lesson l) {
        add(lessons, l, LESSONS);
    }

    private static <T> void add(Deque<T> q, T item, int max) {
        q.addLast(item);
        if (q.size() > max) {
            q.removeFirst();
        }
    }

    /** The audit lines not yet written (bounded: a disk that stays full for long loses the oldest). */
    public List<StateFiles.AuditEntry> pendingAudit() {
        return List.copyOf(audit);
    }

    /** The first {@code n} pending lines are on disk. */
    public void auditWritten(int n) {
        audit.subList(0, n).clear();
    }

    /** Writes the six JSON files from what the frames said so far (nothing before the first frame). */
    public void writeFiles(StateStore store) throws IOException {
        if (last == null) {
            return;
        }
        int v = StateFiles.FORMAT;
        long t = last.simMillis();
        store.write(StateStore.METRICS, new StateFiles.Metrics(v, session, t, last.snapshot(), List.copyOf(trend)));
        store.write(StateStore.HYPOTHESES, new StateFiles.Hypotheses(v, session, t, latestHypotheses, List.copyOf(hypotheses)));
        store.write(StateStore.ACTIONS, new StateFiles.Actions(v, session, t, latestDecision, List.copyOf(decisions),
                List.copyOf(actions.values())));
        store.write(StateStore.APPROVALS, new StateFiles.Approvals(v, session, t, List.copyOf(pending.values()),
                List.copyOf(decided), last.tickets() == null ? null : List.copyOf(ticketActions.values())));
        store.write(StateStore.ROUTING, new StateFiles.Routing(v, session, t, last.routing()));
        store.write(StateStore.LESSONS, new StateFiles.Lessons(v, List.copyOf(lessons)));
    }
}
