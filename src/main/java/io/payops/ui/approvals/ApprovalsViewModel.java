package io.payops.ui.approvals;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The approval requests waiting for a human, from the newest frame's {@code step().pendingApprovals()} (the full
 * current set), oldest first. Items are kept by action id and updated in place on every pulse. {@link #approve} and
 * {@link #reject} send a {@link Command.Decide}; the item then shows "sent…" and cannot be answered again until the
 * engine drops it from the pending set. A request that leaves without our answer (expired, withdrawn) just goes.
 * Support-ticket escalations waiting for a human ({@code tickets().pendingApprovals()}, issue #8) join the same queue
 * after the payment requests, labelled as such; they are answered with the same command (their ids never collide).
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

    public ApprovalsViewModel(CommandSink sink) {
        this.sink = sink;
    }

    @Override
    public void onSessionStart(SessionInfo session) {
        items.clear();
        byId.clear();
        selected.set(null);
        message.set("");
        live.set(session.live());
        refreshSummary();
    }

    @Override
    public void onFrames(FrameBatch batch) {
        for (Frame f : batch.frames()) {
            noticeRefusedAnswers(f);
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
        if (!items.isEmpty()) {
            items.removeIf(item -> !now.containsKey(item.actionId()) && !tickets.containsKey(item.actionId()));
            byId.keySet().removeIf(id -> !now.containsKey(id) && !tickets.containsKey(id));
        }
        List<ApprovalItemViewModel> arrived = new ArrayList<>();
        for (ApprovalRequest r : now.values()) {
            ApprovalItemViewModel item = byId.get(r.actionId());
            if (item == null) {
                item = new ApprovalItemViewModel(r, latest.simMillis(), live.get());
                // payment requests come before the ticket escalations
                items.add(paymentCount(), item);
                byId.put(r.actionId(), item);
                arrived.add(item);
            } else {
                item.update(r, latest.simMillis());
            }
        }
        for (TicketAction a : tickets.values()) {
            ApprovalItemViewModel item = byId.get(a.id());
            if (item == null) {
                item = new ApprovalItemViewModel(a, latest.simMillis(), live.get());
                items.add(item);
                byId.put(a.id(), item);
                arrived.add(item);
            } else {
                item.update(a, latest.simMillis());
            }
        }
        ApprovalItemViewModel sel = selected.get();
        if (sel != null && !byId.containsKey(sel.actionId())) {
            selected.set(null);
        }
        refreshSummary();
        if (live.get()) {
            for (ApprovalItemViewModel item : arrived) {
                for (Consumer<ApprovalItemViewModel> l : arrivalListeners) {
                    l.accept(item);
                }
            }
        }
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
        int n = items.size();
        summary.set(n == 0 ? "none waiting" : n == 1 ? "1 waiting" : n + " waiting");
    }

    /** Approves a pending request; false when it is unknown or already answered (nothing is sent). */
    @Override
    public boolean approve(long actionId) {
        return ApprovalAnswers.send(byId.get(actionId), true, sink, message);
    }

    /** Rejects a pending request; false when it is unknown or already answered (nothing is sent). */
    @Override
    public boolean reject(long actionId) {
        return ApprovalAnswers.send(byId.get(actionId), false, sink, message);
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

    /** The pending requests, oldest first (unmodifiable; at most {@value #MAX_SHOWN}). */
    public ObservableList<ApprovalItemViewModel> items() {
        return itemsView;
    }

    /** The item for a pending request, or null. */
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
