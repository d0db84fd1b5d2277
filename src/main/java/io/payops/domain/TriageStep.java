package io.payops.domain;

import java.util.List;

/**
 * What the triage did in one tick, for the frame: the tickets that came in, tickets that joined a cluster, clusters
 * that are new or changed (grew, got a root cause or a link, closed), ticket actions that are new or changed, sentences
 * a person reads, and the state a view needs without history: the escalations still waiting for a human and the open
 * clusters.
 */
public record TriageStep(
        long atMillis,
        List<Ticket> newTickets,
        List<TicketAssignment> assignments,
        List<TicketCluster> clusters,
        List<TicketAction> actions,
        List<String> explanation,
        List<TicketAction> pendingApprovals,
        List<TicketCluster> openClusters) {

    public TriageStep {
        newTickets = List.copyOf(newTickets);
        assignments = List.copyOf(assignments);
        clusters = List.copyOf(clusters);
        actions = List.copyOf(actions);
        explanation = List.copyOf(explanation);
        pendingApprovals = List.copyOf(pendingApprovals);
        openClusters = List.copyOf(openClusters);
    }

    /** True when nothing happened this tick (the pending and open lists may still hold earlier state). */
    public boolean quiet() {
        return newTickets.isEmpty() && assignments.isEmpty() && clusters.isEmpty() && actions.isEmpty()
                && explanation.isEmpty();
    }
}
