package io.payops.tickets;

import io.payops.domain.ActionStatus;
import io.payops.domain.Ticket;
import io.payops.domain.TicketAction;
import io.payops.domain.TicketCategory;
import io.payops.domain.TicketCluster;
import io.payops.domain.TriageStep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds the triage steps of a run (one per frame, in order) into its {@link TicketsReport}: the latest version of each
 * cluster and action wins, so the report shows final statuses.
 */
public final class TicketsReportBuilder {
    private final Map<String, Integer> byCategory = new TreeMap<>();
    private final Map<String, TicketCluster> clusters = new LinkedHashMap<>();
    private final Map<Long, TicketAction> actions = new LinkedHashMap<>();
    private int tickets;

    public TicketsReportBuilder() {
        for (TicketCategory c : TicketCategory.values()) {
            byCategory.put(c.key(), 0);
        }
    }

    public TicketsReportBuilder accept(TriageStep step) {
        for (Ticket t : step.newTickets()) {
            tickets++;
            byCategory.merge(t.category().key(), 1, Integer::sum);
        }
        step.clusters().forEach(c -> clusters.put(c.id(), c));
        step.actions().forEach(a -> actions.put(a.id(), a));
        return this;
    }

    public TicketsReport build() {
        int clustered = clusters.values().stream().mapToInt(c -> c.ticketIds().size()).sum();
        List<TicketsReport.Cluster> cs = clusters.values().stream().map(c -> new TicketsReport.Cluster(c.id(),
                c.signature(), c.category().key(), c.rootCause() == null ? null : c.rootCause().key(),
                Math.round(c.confidence() * 1000) / 1000.0, c.merchants(), c.ticketIds().size(), c.checkoutFailures(),
                c.firstSeenMillis() / 1000.0, c.lastSeenMillis() / 1000.0, c.linkedIncidentId(), c.open())).toList();
        List<TicketsReport.Action> as = actions.values().stream().map(a -> new TicketsReport.Action(a.id(),
                a.atMillis() / 1000.0, a.type().key(), a.risk(), a.clusterId(), a.rootCause().key(), a.merchants(),
                a.status().key(), a.approval().key(), a.decidedBy() == null ? null : a.decidedBy().text(), a.note())).toList();
        List<TicketAction> asked = actions.values().stream().filter(a -> a.type().needsApproval()).toList();
        return new TicketsReport(tickets, clustered, byCategory, cs, as, asked.size(),
                count(asked, ActionStatus.EXECUTED), count(asked, ActionStatus.REJECTED),
                count(asked, ActionStatus.EXPIRED), count(asked, ActionStatus.PENDING));
    }

    private static int count(List<TicketAction> actions, ActionStatus status) {
        return (int) actions.stream().filter(a -> a.status() == status).count();
    }
}
