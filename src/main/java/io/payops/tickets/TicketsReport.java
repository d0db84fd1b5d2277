package io.payops.tickets;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.domain.TriageStep;

import java.util.List;
import java.util.Map;

/**
 * The run report's {@code tickets} section: how many tickets of each category came in, the clusters with their root
 * cause, merchants and linked payment incident, every ticket action with its final status, and the approvals asked
 * for and how they were answered. Built from frames' {@link TriageStep}s by {@link TicketsReportBuilder}.
 */
@JsonPropertyOrder({"tickets", "clusteredTickets", "byCategory", "clusters", "actions", "approvalsRequested",
        "approvalsApproved", "approvalsRejected", "approvalsExpired", "approvalsPending"})
public record TicketsReport(
        int tickets,
        int clusteredTickets,
        Map<String, Integer> byCategory,
        List<Cluster> clusters,
        List<Action> actions,
        int approvalsRequested,
        int approvalsApproved,
        int approvalsRejected,
        int approvalsExpired,
        int approvalsPending) {

    public TicketsReport {
        // sorted by category key, so the section reads the same run after run
        byCategory = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byCategory));
        clusters = List.copyOf(clusters);
        actions = List.copyOf(actions);
    }

    @JsonPropertyOrder({"id", "signature", "category", "rootCause", "confidence", "merchants", "tickets",
            "checkoutFailures", "firstSeenSecond", "lastSeenSecond", "linkedIncidentId", "open"})
    public record Cluster(String id, String signature, String category, String rootCause, double confidence,
                          List<String> merchants, int tickets, int checkoutFailures, double firstSeenSecond,
                          double lastSeenSecond, Long linkedIncidentId, boolean open) {
        public Cluster {
            merchants = List.copyOf(merchants);
        }
    }

    @JsonPropertyOrder({"id", "atSecond", "type", "risk", "clusterId", "rootCause", "merchants", "status", "approval",
            "decidedBy", "note"})
    public record Action(long id, double atSecond, String type, String risk, String clusterId, String rootCause,
                         List<String> merchants, String status, String approval, String decidedBy, String note) {
        public Action {
            merchants = List.copyOf(merchants);
        }
    }
}
