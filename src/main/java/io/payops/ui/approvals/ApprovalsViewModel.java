package io.payops.ui.approvals;

import io.payops.domain.ApprovalEnd;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.domain.TicketAction;
import io.payops.ui.fx.CommandSink;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.SessionInfo;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The approval requests waiting for a human, from the newest frame's {@code step().pendingApprovals()} (the full
 * current set), oldest first. Items are kept by action id and updated in place on every pulse, their numbers measured
 * on the newest frame. {@link #approve} and {@link #reject} send a {@link Command.Decide}; the item then shows
 * "sent…" and cannot be answered again until the engine drops it from the pending set. A request that leaves is
 * {@linkplain ApprovalItemViewModel#end ended} with how and why (the frame's {@link ApprovalEnd}: approved, rejected,
 * expired, withdrawn by the agent, answered elsewhere) and stays listed for {@link #LINGER_NANOS} of wall time, counted
 * on pulses so a paused session keeps it on screen. Support-ticket escalations waiting for a human
 * ({@code tickets().pendingApprovals()}, issue #8) join the same queue after the payment requests, labelled as such;
 * they are answered with the same command (their ids never collide). {@link #noticeProperty} is the request a pop-up
 * announces: the newest arrival, until it is answered, ends or is dismissed.
 */
public final class ApprovalsViewModel implements FrameListener, ApprovalAnswers {
    public static final String EMPTY_TEXT = "No approvals waiting — the agent acts alone within its guardrails";
    public static final String NOTIFICATION_TITLE = "Approval needed";
    public static final String WHO = "operator";
    /**
     * The engine keeps its own pending set small (requests expire); this caps what the pane shows in case a policy
     * ever floods it. Oldest requests are kept: they expire first.
     */
    static final int MAX_SHOWN = 50;
    /** How long an ended request stays on screen, in wall time: long enough to read why it went, at any speed. */
    static final long LINGER_NANOS = 8_000_000_000L;

    private final CommandSink sink;
    private final ObservableList<ApprovalItemViewModel> items = FXCollections.observableArrayList();
    private final ObservableList<ApprovalItemViewModel> itemsView = FXCollections.unmodifiableObservableList(items);
    private final Map<Long, ApprovalItemViewModel> byId = new HashMap<>();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "none waiting");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live", true);
    private final ReadOnlyObjectWrapper<ApprovalItemViewModel> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final List<Consumer<ApprovalItemViewModel>> arrivalListeners = new CopyOnWriteArrayList<>();
    private final ReadOnlyObjectWrapper<ApprovalItemViewModel> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    /** Ended items still shown, with the wall time (nanos) they ended at. */
    private final Map<ApprovalItemViewModel, Long> endedAt = new IdentityHashMap<>();
    private final LongSupplier wallNanos;
    private double speed = 1;

    public ApprovalsViewModel(CommandSink sink) {
        this(sink, System::nanoTime);
    }

    /** @param wallNanos the wall clock ended requests linger by (a test's own clock) */
    public ApprovalsViewModel(CommandSink sink, LongSupplier wallNanos) {
        this.sink = sink;
        this.wallNanos = wallNanos;
    }

    /** The session's speed (simulated seconds per wall second), for each request's wall-clock expiry. */
    public void setSpeed(double x) {
        speed = x;
        items.forEach(i -> i.setSpeed(x));
    }

    @Override
    public void onSessionStart(SessionInfo session) {
        items.clear();
        byId.clear();
        endedAt.clear();
        notice.set(null);
        selected.set(null);
        message.set("");
        live.set(session.live());
        refreshSummary();
    }

    @Override
    public void onFrames(FrameBatch batch) {
        Map<Long, ApprovalEnd> ends = new HashMap<>();
        Map<Long, TicketAction> ticketNews = new HashMap<>();
        for (Frame f : batch.frames()) {
            noticeRefusedAnswers(f);
            f.step().approvalEnds().forEach(e -> ends.put(e.actionId(), e));
            if (f.tickets() != null) {
                f.tickets().actions().forEach(a -> ticketNews.put(a.id(), a));
            }
        }
        Frame latest = batch.latest();
        Map<Long, ApprovalRequest> now = new LinkedHashMap<>();
        for (ApprovalRequest r : latest.step().pendingApprovals()) {
            if (now.size() == MAX_SHOWN) {
                break;
            }
            now.put(r.actionId(), r);
        }
        Map<Long, TicketAction> tickets = new LinkedHashMap<>();
        for (TicketAction a : pendingTickets(latest)) {
            if (now.size() + tickets.size() == MAX_SHOWN) {
                break;
            }
            tickets.put(a.id(), a);
        }
        long wall = wallNanos.getAsLong();
        for (ApprovalItemViewModel item : List.copyOf(byId.values())) {
            if (!now.containsKey(item.actionId()) && !tickets.containsKey(item.actionId())) {
                byId.remove(item.actionId());
                end(item, ends.get(item.actionId()), ticketNews.get(item.actionId()));
                endedAt.put(item, wall);
            }
        }
        // ended cards go after a few seconds of wall time, or at once when their id is pending again (a replay's seek)
        items.removeIf(item -> item.isEnded() && (wall - endedAt.get(item) >= LINGER_NANOS
                || now.containsKey(item.actionId()) || tickets.containsKey(item.actionId())));
        endedAt.keySet().retainAll(new java.util.HashSet<>(items));
        List<ApprovalItemViewModel> arrived = new ArrayList<>();
        for (ApprovalRequest r : now.values()) {
            ApprovalItemViewModel item = byId.get(r.actionId());
            if (item == null) {
                item = new ApprovalItemViewModel(r, latest.simMillis(), live.get());
                item.setSpeed(speed);
                // payment requests come before the ticket escalations
                items.add(paymentCount(), item);
                byId.put(r.actionId(), item);
                arrived.add(item);
            } else {
                item.update(r, latest.simMillis());
            }
            item.measure(latest.snapshot());
        }
        for (TicketAction a : tickets.values()) {
            ApprovalItemViewModel item = byId.get(a.id());
            if (item == null) {
                item = new ApprovalItemViewModel(a, latest.simMillis(), live.get());
                item.setSpeed(speed);
                items.add(item);
                byId.put(a.id(), item);
                arrived.add(item);
            } else {
                item.update(a, latest.simMillis());
            }
        }
        ApprovalItemViewModel sel = selected.get();
        if (sel != null && !byId.containsKey(sel.actionId())) {
            sel.setSelected(false);
            selected.set(null);
        }
        refreshSummary();
        if (live.get()) {
            if (!arrived.isEmpty()) {
                notice.set(arrived.get(arrived.size() - 1));
            }
            for (ApprovalItemViewModel item : arrived) {
                for (Consumer<ApprovalItemViewModel> l : arrivalListeners) {
                    l.accept(item);
                }
            }
        }
        refreshNotice();
    }

    /**
     * Says on the item how its request left the pending list: the frames' end for a payment request, the ticket
     * action's new state for an escalation, or plainly that the frames do not say (a recording made before they did).
     */
    private void end(ApprovalItemViewModel item, ApprovalEnd e, TicketAction ticket) {
        if (e != null) {
            boolean ours = item.answerProperty().get() != ApprovalItemViewModel.Answer.NONE;
            switch (e.kind()) {
                case WITHDRAWN -> item.end("withdrawn", "withdrawn: " + e.reason());
                case EXPIRED -> item.end("expired", e.reason());
                default -> {
                    String verb = e.kind().key();
                    item.end(ours ? verb : verb + " elsewhere", ours ? e.reason()
                            : "answered elsewhere by " + e.by() + ": " + e.reason());
                }
            }
        } else if (ticket != null) {
            String status = ticket.status().key();
            item.end(status, status + (ticket.note() == null || ticket.note().isBlank() ? "" : ": " + ticket.note()));
        } else {
            item.end("gone", "no longer waiting (this recording does not say why)");
        }
    }

    /** The pop-up goes as soon as its request can no longer be answered: answered here or elsewhere, ended, gone. */
    private void refreshNotice() {
        ApprovalItemViewModel n = notice.get();
        if (n != null && (n.isEnded() || !n.isAnswerable() || byId.get(n.actionId()) != n)) {
            notice.set(null);
        }
    }

    /** The pop-up was closed (its close button, its time ran out). */
    public void dismissNotice() {
        notice.set(null);
    }

    /**
     * The pop-up's Approve: approves its request if it still waits; otherwise nothing is sent and the pane's message
     * says what became of it. The pop-up goes either way.
     */
    public boolean approveFromNotice(long actionId) {
        boolean sent = approve(actionId);
        if (!sent) {
            ApprovalItemViewModel gone = items.stream().filter(i -> i.actionId() == actionId).findFirst().orElse(null);
            message.set("Request " + actionId + (gone == null ? " is no longer waiting"
                    : gone.isEnded() ? " is gone: " + gone.endTextProperty().get() : " was already answered"));
        }
        notice.set(null);
        return sent;
    }

    private static List<TicketAction> pendingTickets(Frame f) {
        return f.tickets() == null ? List.of() : f.tickets().pendingApprovals();
    }

    private int paymentCount() {
        int n = 0;
        while (n < items.size() && !items.get(n).isTicketEscalation()) {
            n++;
        }
        return n;
    }

    /**
     * A Decide is applied at the start of a tick, so when the frame that applied ours still lists the request the
     * engine refused it (the reason is in commandErrors): the operator may answer again.
     */
    private void noticeRefusedAnswers(Frame f) {
        if (f.commands().isEmpty()) {
            return;
        }
        for (Command c : f.commands()) {
            if (c instanceof Command.Decide d && WHO.equals(d.who())) {
                ApprovalItemViewModel item = byId.get(d.actionId());
                boolean stillPending = f.step().pendingApprovals().stream().anyMatch(r -> r.actionId() == d.actionId())
                        || pendingTickets(f).stream().anyMatch(a -> a.id() == d.actionId());
                if (item != null && stillPending && item.answerProperty().get() != ApprovalItemViewModel.Answer.NONE) {
                    item.markAnswered(ApprovalItemViewModel.Answer.NONE);
                    message.set("Answer to request " + d.actionId() + " refused: "
                            + (f.commandErrors().isEmpty() ? "no reason given" : String.join("; ", f.commandErrors())));
                }
            }
        }
    }

    private void refreshSummary() {
        empty.set(items.isEmpty());
        int n = byId.size();
        summary.set(n == 0 ? "none waiting" : n == 1 ? "1 waiting" : n + " waiting");
    }

    /** Approves a pending request; false when it is unknown or already answered (nothing is sent). */
    @Override
    public boolean approve(long actionId) {
        boolean sent = ApprovalAnswers.send(byId.get(actionId), true, sink, message);
        refreshNotice();
        return sent;
    }

    /** Rejects a pending request; false when it is unknown or already answered (nothing is sent). */
    @Override
    public boolean reject(long actionId) {
        boolean sent = ApprovalAnswers.send(byId.get(actionId), false, sink, message);
        refreshNotice();
        return sent;
    }

    /** Approves the selected request, or the oldest one still answerable when none is selected. */
    public boolean approveSelected() {
        ApprovalItemViewModel t = shortcutTarget();
        return t != null && approve(t.actionId());
    }

    /** Rejects the selected request, or the oldest one still answerable when none is selected. */
    public boolean rejectSelected() {
        ApprovalItemViewModel t = shortcutTarget();
        return t != null && reject(t.actionId());
    }

    /** What the keyboard shortcuts act on: the selection if it can still be answered, else the oldest that can. */
    public ApprovalItemViewModel shortcutTarget() {
        ApprovalItemViewModel sel = selected.get();
        if (sel != null && sel.isAnswerable()) {
            return sel;
        }
        return items.stream().filter(ApprovalItemViewModel::isAnswerable).findFirst().orElse(null);
    }

    /** Selects a request (e.g. its card was clicked); an unknown id clears the selection. */
    @Override
    public void select(long actionId) {
        ApprovalItemViewModel item = byId.get(actionId);
        ApprovalItemViewModel old = selected.get();
        if (old != null) {
            old.setSelected(false);
        }
        if (item != null) {
            item.setSelected(true);
        }
        selected.set(item);
    }

    public void clearSelection() {
        select(Long.MIN_VALUE);
    }

    /** Called with each request that appears, once, after the list is updated; not in a replay. */
    public void addArrivalListener(Consumer<ApprovalItemViewModel> listener) {
        arrivalListeners.add(listener);
    }

    /** The request the pop-up announces, or null: none, or it was answered, ended or dismissed. */
    public ReadOnlyObjectProperty<ApprovalItemViewModel> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * The requests shown, oldest first (unmodifiable; at most {@value #MAX_SHOWN} pending): those pending, and for a
     * few seconds those that just ended.
     */
    public ObservableList<ApprovalItemViewModel> items() {
        return itemsView;
    }

    /** The item for a pending request, or null (also once it ended, while its card still says how). */
    public ApprovalItemViewModel item(long actionId) {
        return byId.get(actionId);
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** "none waiting", "1 waiting", "3 waiting". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the engine refused an answer, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** False in a replay: requests are shown but cannot be answered. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ApprovalItemViewModel> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public String emptyText() {
        return EMPTY_TEXT;
    }
}
