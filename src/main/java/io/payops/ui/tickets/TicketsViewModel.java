package io.payops.ui.tickets;

import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.domain.Incident;
import io.payops.domain.Ticket;
import io.payops.domain.TicketAction;
import io.payops.domain.TicketAssignment;
import io.payops.domain.TicketCategory;
import io.payops.domain.TicketCluster;
import io.payops.domain.TriageStep;
import io.payops.ui.approvals.ApprovalAnswers;
import io.payops.ui.approvals.ApprovalItemViewModel;
import io.payops.ui.approvals.ApprovalsViewModel;
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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Tickets tab (issue #8): the support-ticket triage as frames show it. The queue (newest tickets first, bounded,
 * with counts by category over the session), the clusters (open ones, then recently closed) with root cause,
 * confidence and evidence, the decisions with their status, the escalations waiting for a human (answered with the
 * same {@link Command.Decide} as the approvals pane), and each payment incident with the merchants and tickets it
 * touched. Frames without tickets ({@code tickets == null}) mean the world has none: the tab says so.
 * <p>
 * The state comes from every frame of a batch (tickets, assignments, changed clusters and actions) plus the newest
 * frame's full lists (open clusters, pending escalations, open incidents), so a replay that starts mid-session still
 * shows the clusters and escalations of that moment; the queue and decisions then hold what its lead-in carried.
 * Ticket text is merchant-written: it is copied into rows to be read, and nothing here looks inside it.
 */
public final class TicketsViewModel implements FrameListener, ApprovalAnswers {
    public static final String NO_TICKETS_TEXT = "This scenario has no support tickets";
    public static final String WHO = ApprovalsViewModel.WHO;
    static final int MAX_QUEUE = 200;
    static final int MAX_CLOSED_CLUSTERS = 20;
    static final int MAX_DECISIONS = 200;
    static final int MAX_INCIDENTS = 20;

    private final CommandSink sink;
    private final ObservableList<TicketRow> queue = FXCollections.observableArrayList();
    private final ObservableList<ClusterRow> clusters = FXCollections.observableArrayList();
    private final ObservableList<DecisionRow> decisions = FXCollections.observableArrayList();
    private final ObservableList<IncidentTicketsRow> incidents = FXCollections.observableArrayList();
    private final ObservableList<ApprovalItemViewModel> pending = FXCollections.observableArrayList();
    private final ObservableList<String> evidence = FXCollections.observableArrayList();
    private final ObservableList<TicketRow> queueView = FXCollections.unmodifiableObservableList(queue);
    private final ObservableList<ClusterRow> clustersView = FXCollections.unmodifiableObservableList(clusters);
    private final ObservableList<DecisionRow> decisionsView = FXCollections.unmodifiableObservableList(decisions);
    private final ObservableList<IncidentTicketsRow> incidentsView = FXCollections.unmodifiableObservableList(incidents);
    private final ObservableList<ApprovalItemViewModel> pendingView = FXCollections.unmodifiableObservableList(pending);
    private final ObservableList<String> evidenceView = FXCollections.unmodifiableObservableList(evidence);
    private final ReadOnlyBooleanWrapper hasTickets = new ReadOnlyBooleanWrapper(this, "hasTickets", false);
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live", true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper categoryCounts = new ReadOnlyStringWrapper(this, "categoryCounts", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<ClusterRow> shownCluster = new ReadOnlyObjectWrapper<>(this, "shownCluster");
    private final ReadOnlyStringWrapper clusterTitle = new ReadOnlyStringWrapper(this, "clusterTitle", "");
    private final ReadOnlyStringWrapper clusterFacts = new ReadOnlyStringWrapper(this, "clusterFacts", "");
    private final ReadOnlyStringWrapper ticketText = new ReadOnlyStringWrapper(this, "ticketText", "");

    private final Map<String, TicketRow> ticketsById = new HashMap<>();
    private final EnumMap<TicketCategory, Integer> counts = new EnumMap<>(TicketCategory.class);
    private int totalTickets;
    private final Map<String, TicketCluster> clusterById = new LinkedHashMap<>();
    private final Map<Long, TicketAction> actionById = new HashMap<>();
    private final Map<Long, ApprovalItemViewModel> pendingById = new HashMap<>();
    /** Payment incidents seen this session, with the frame time they were last seen open. */
    private final Map<Long, Incident> incidentById = new LinkedHashMap<>();
    private final Map<Long, Long> incidentClosedAt = new HashMap<>();
    private String selectedClusterId;

    public TicketsViewModel(CommandSink sink) {
        this.sink = sink;
    }

    @Override
    public void onSessionStart(SessionInfo session) {
        queue.clear();
        clusters.clear();
        decisions.clear();
        incidents.clear();
        pending.clear();
        ticketsById.clear();
        counts.clear();
        totalTickets = 0;
        clusterById.clear();
        actionById.clear();
        pendingById.clear();
        incidentById.clear();
        incidentClosedAt.clear();
        selectedClusterId = null;
        ticketText.set("");
        message.set("");
        live.set(session.live());
        hasTickets.set(session.scenario() != null && session.scenario().tickets() != null);
        showCluster();
        refreshSummary();
    }

    @Override
    public void onFrames(FrameBatch batch) {
        Frame latest = batch.latest();
        hasTickets.set(latest.tickets() != null);
        if (latest.tickets() == null) {
            refreshSummary();
            return;
        }
        List<TicketRow> arrived = new ArrayList<>();
        boolean decisionsChanged = false;
        boolean clustersChanged = false;
        for (Frame f : batch.frames()) {
            noticeRefusedAnswers(f);
            TriageStep step = f.tickets();
            if (step == null) {
                continue;
            }
            for (Ticket t : step.newTickets()) {
                TicketRow row = TicketRow.of(t);
                ticketsById.put(t.id(), row);
                arrived.add(row);
                counts.merge(t.category(), 1, Integer::sum);
                totalTickets++;
            }
            for (TicketAssignment a : step.assignments()) {
                assign(a, arrived);
            }
            for (TicketCluster c : step.clusters()) {
                clusterById.put(c.id(), c);
                clustersChanged = true;
            }
            for (TicketAction a : step.actions()) {
                actionById.put(a.id(), a);
                decisionsChanged = true;
            }
        }
        TriageStep now = latest.tickets();
        for (TicketCluster c : now.openClusters()) {
            clustersChanged |= !c.equals(clusterById.put(c.id(), c));
        }
        for (TicketAction a : now.pendingApprovals()) {
            decisionsChanged |= !a.equals(actionById.put(a.id(), a));
        }
        addToQueue(arrived);
        boolean incidentsChanged = followIncidents(latest);
        if (clustersChanged) {
            refreshClusters();
        }
        if (clustersChanged || incidentsChanged) {
            refreshIncidents();
        }
        if (decisionsChanged) {
            refreshDecisions();
        }
        refreshPending(now.pendingApprovals(), latest.simMillis());
        refreshSummary();
    }

    /** A ticket joins a cluster: its row in the queue (or still in this batch's arrivals) shows the cluster id. */
    private void assign(TicketAssignment a, List<TicketRow> arrived) {
        TicketRow row = ticketsById.get(a.ticketId());
        if (row == null) {
            return;
        }
        TicketRow moved = row.inCluster(a.clusterId());
        ticketsById.put(a.ticketId(), moved);
        int i = arrived.indexOf(row);
        if (i >= 0) {
            arrived.set(i, moved);
            return;
        }
        int q = queue.indexOf(row);
        if (q >= 0) {
            queue.set(q, moved);
        }
    }

    private void addToQueue(List<TicketRow> arrived) {
        if (arrived.isEmpty()) {
            return;
        }
        List<TicketRow> newestFirst = new ArrayList<>(arrived);
        java.util.Collections.reverse(newestFirst);
        if (newestFirst.size() > MAX_QUEUE) {
            newestFirst = newestFirst.subList(0, MAX_QUEUE);
        }
        queue.addAll(0, newestFirst);
        if (queue.size() > MAX_QUEUE) {
            for (TicketRow gone : queue.subList(MAX_QUEUE, queue.size())) {
                ticketsById.remove(gone.id());
            }
            queue.remove(MAX_QUEUE, queue.size());
        }
    }

    /** @return whether an incident opened or closed */
    private boolean followIncidents(Frame latest) {
        boolean changed = false;
        Map<Long, Incident> open = new HashMap<>();
        for (Incident i : latest.step().incidents()) {
            open.put(i.id(), i);
            changed |= !i.equals(incidentById.put(i.id(), i));
        }
        for (Long id : incidentById.keySet()) {
            if (!open.containsKey(id) && !incidentClosedAt.containsKey(id)) {
                incidentClosedAt.put(id, latest.simMillis());
                changed = true;
            }
        }
        while (incidentById.size() > MAX_INCIDENTS) {
            Long oldest = incidentById.keySet().iterator().next();
            incidentById.remove(oldest);
            incidentClosedAt.remove(oldest);
        }
        return changed;
    }

    private void refreshClusters() {
        List<TicketCluster> closed = clusterById.values().stream().filter(c -> !c.open())
                .sorted(Comparator.comparingLong(TicketCluster::lastSeenMillis).reversed()).toList();
        for (TicketCluster gone : closed.subList(Math.min(MAX_CLOSED_CLUSTERS, closed.size()), closed.size())) {
            clusterById.remove(gone.id());
        }
        List<ClusterRow> rows = new ArrayList<>();
        clusterById.values().stream().filter(TicketCluster::open)
                .sorted(Comparator.comparingLong(TicketCluster::formedAtMillis).reversed())
                .forEach(c -> rows.add(ClusterRow.of(c)));
        closed.stream().limit(MAX_CLOSED_CLUSTERS).forEach(c -> rows.add(ClusterRow.of(c)));
        sync(clusters, rows);
        showCluster();
    }

    private void refreshIncidents() {
        Map<Long, List<TicketCluster>> linked = new LinkedHashMap<>();
        for (TicketCluster c : clusterById.values()) {
            if (c.linkedIncidentId() != null) {
                linked.computeIfAbsent(c.linkedIncidentId(), k -> new ArrayList<>()).add(c);
            }
        }
        TreeSet<Long> ids = new TreeSet<>(Comparator.reverseOrder());
        ids.addAll(incidentById.keySet());
        ids.addAll(linked.keySet());
        List<IncidentTicketsRow> rows = new ArrayList<>();
        for (Long id : ids) {
            Incident i = incidentById.get(id);
            List<TicketCluster> cs = linked.getOrDefault(id, List.of());
            TreeSet<String> merchants = new TreeSet<>();
            int tickets = 0;
            for (TicketCluster c : cs) {
                merchants.addAll(c.merchants());
                tickets += c.ticketIds().size();
            }
            String what = i == null ? "#" + id
                    : "#" + id + " " + TicketWords.key(i.diagnosis().key()) + " on " + i.target();
            Long closedAt = incidentClosedAt.get(id);
            String state = i == null ? "closed" : closedAt != null ? "closed by " + TicketWords.time(closedAt)
                    : "open since " + TicketWords.time(i.openedAtMillis());
            rows.add(new IncidentTicketsRow(id, what, state,
                    cs.isEmpty() ? "no tickets linked" : cs.stream().map(TicketCluster::id).collect(Collectors.joining(", ")),
                    merchants.size(), merchants.isEmpty() ? "—" : TicketWords.names(List.copyOf(merchants)), tickets));
        }
        sync(incidents, rows);
    }

    private void refreshDecisions() {
        List<DecisionRow> rows = actionById.values().stream()
                .sorted(Comparator.comparingLong(TicketAction::id).reversed())
                .limit(MAX_DECISIONS).map(DecisionRow::of).toList();
        if (actionById.size() > MAX_DECISIONS) {
            actionById.keySet().retainAll(rows.stream().map(DecisionRow::id).toList());
        }
        sync(decisions, rows);
    }

    /** The escalation cards: one per pending ticket action, oldest first, kept by id across pulses. */
    private void refreshPending(List<TicketAction> now, long simMillis) {
        Map<Long, TicketAction> byId = new LinkedHashMap<>();
        now.forEach(a -> byId.put(a.id(), a));
        pending.removeIf(item -> !byId.containsKey(item.actionId()));
        pendingById.keySet().retainAll(byId.keySet());
        for (TicketAction a : byId.values()) {
            ApprovalItemViewModel item = pendingById.get(a.id());
            if (item == null) {
                item = new ApprovalItemViewModel(a, simMillis, live.get());
                pendingById.put(a.id(), item);
                pending.add(item);
            } else {
                item.update(a, simMillis);
            }
        }
    }

    /** Our answer reached a frame but the escalation is still pending there: the engine refused it. */
    private void noticeRefusedAnswers(Frame f) {
        if (f.commands().isEmpty() || f.tickets() == null) {
            return;
        }
        for (Command c : f.commands()) {
            if (c instanceof Command.Decide d && WHO.equals(d.who())) {
                ApprovalItemViewModel item = pendingById.get(d.actionId());
                boolean stillPending = f.tickets().pendingApprovals().stream().anyMatch(a -> a.id() == d.actionId());
                if (item != null && stillPending && item.answerProperty().get() != ApprovalItemViewModel.Answer.NONE) {
                    item.markAnswered(ApprovalItemViewModel.Answer.NONE);
                    message.set("Answer to escalation " + d.actionId() + " refused: "
                            + (f.commandErrors().isEmpty() ? "no reason given" : String.join("; ", f.commandErrors())));
                }
            }
        }
    }

    private void refreshSummary() {
        if (!hasTickets.get()) {
            summary.set(NO_TICKETS_TEXT);
            categoryCounts.set("");
            return;
        }
        long open = clusterById.values().stream().filter(TicketCluster::open).count();
        int waiting = pending.size();
        summary.set(plural(totalTickets, "ticket") + " · " + plural(open, "open cluster") + " · "
                + (waiting == 0 ? "no escalation waiting" : plural(waiting, "escalation") + " waiting"));
        categoryCounts.set(counts.entrySet().stream()
                .sorted(Map.Entry.<TicketCategory, Integer>comparingByValue().reversed())
                .map(e -> TicketWords.key(e.getKey().key()) + " " + e.getValue())
                .collect(Collectors.joining(" · ")));
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** The cluster the detail shows: the selected one while it is listed, else the newest. */
    private void showCluster() {
        ClusterRow row = clusters.stream().filter(c -> c.id().equals(selectedClusterId)).findFirst()
                .orElse(clusters.isEmpty() ? null : clusters.get(0));
        if (row != null && row.equals(shownCluster.get())) {
            return;
        }
        shownCluster.set(row);
        if (row == null) {
            clusterTitle.set(hasTickets.get() ? "No cluster yet: a cluster forms when 3 merchants report the same error"
                    : "");
            clusterFacts.set("");
            evidence.clear();
            return;
        }
        clusterTitle.set("Cluster " + row.id() + " (" + row.state() + "): root cause " + row.rootCauseText());
        clusterFacts.set(row.merchantList().size() + " merchants (" + String.join(", ", row.merchantList()) + ") · "
                + plural(row.tickets(), "ticket") + " · " + row.checkoutFailures() + " failed checkouts · "
                + row.affectedCustomers() + " customers · payment incident " + row.incident() + " · " + row.signature());
        evidence.setAll(row.evidence());
    }

    /** Shows a cluster in the detail (a row was selected); null goes back to the newest. */
    public void selectCluster(String clusterId) {
        selectedClusterId = clusterId;
        showCluster();
    }

    /** Shows what the merchant wrote, as plain text (a queue row was selected); null clears it. */
    public void selectTicket(String ticketId) {
        TicketRow t = ticketId == null ? null : ticketsById.get(ticketId);
        ticketText.set(t == null ? "" : t.id() + " from " + t.merchant() + " — " + t.subject() + ": " + t.message());
    }

    @Override
    public boolean approve(long actionId) {
        return ApprovalAnswers.send(pendingById.get(actionId), true, sink, message);
    }

    @Override
    public boolean reject(long actionId) {
        return ApprovalAnswers.send(pendingById.get(actionId), false, sink, message);
    }

    @Override
    public void select(long actionId) {
        TicketAction a = actionById.get(actionId);
        if (a != null) {
            selectCluster(a.clusterId());
        }
    }

    /** Brings {@code list} to {@code rows} with as few changes as possible, so table selections survive a pulse. */
    private static <T> void sync(ObservableList<T> list, List<T> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (i < list.size()) {
                if (!list.get(i).equals(rows.get(i))) {
                    list.set(i, rows.get(i));
                }
            } else {
                list.addAll(rows.subList(i, rows.size()));
                break;
            }
        }
        if (list.size() > rows.size()) {
            list.remove(rows.size(), list.size());
        }
    }

    /** The newest tickets, newest first (at most {@value #MAX_QUEUE}). */
    public ObservableList<TicketRow> queue() {
        return queueView;
    }

    /** Open clusters (newest first), then recently closed ones. */
    public ObservableList<ClusterRow> clusters() {
        return clustersView;
    }

    /** Ticket decisions in their latest version, newest first. */
    public ObservableList<DecisionRow> decisions() {
        return decisionsView;
    }

    /** Payment incidents of the session, newest first, with the merchants and tickets linked to them. */
    public ObservableList<IncidentTicketsRow> incidents() {
        return incidentsView;
    }

    /** Escalations waiting for a human, oldest first. */
    public ObservableList<ApprovalItemViewModel> pending() {
        return pendingView;
    }

    /** The evidence sentences of the cluster in the detail. */
    public ObservableList<String> evidence() {
        return evidenceView;
    }

    public ApprovalItemViewModel pendingItem(long actionId) {
        return pendingById.get(actionId);
    }

    public DecisionRow decision(long actionId) {
        return decisions.stream().filter(d -> d.id() == actionId).findFirst().orElse(null);
    }

    public ClusterRow cluster(String id) {
        return clusters.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** False for a world without support tickets: the tab shows {@link #NO_TICKETS_TEXT}. */
    public ReadOnlyBooleanProperty hasTicketsProperty() {
        return hasTickets.getReadOnlyProperty();
    }

    /** False in a replay: escalations are shown but cannot be answered. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** "48 tickets · 3 open clusters · 1 escalation waiting", or {@link #NO_TICKETS_TEXT}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Tickets per category over the session, most first: "webhook timeout 12 · cart session 3". */
    public ReadOnlyStringProperty categoryCountsProperty() {
        return categoryCounts.getReadOnlyProperty();
    }

    /** Why the engine refused an answer, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClusterRow> shownClusterProperty() {
        return shownCluster.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clusterTitleProperty() {
        return clusterTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clusterFactsProperty() {
        return clusterFacts.getReadOnlyProperty();
    }

    /** The selected ticket's subject and message, as the merchant wrote them. */
    public ReadOnlyStringProperty ticketTextProperty() {
        return ticketText.getReadOnlyProperty();
    }
}
