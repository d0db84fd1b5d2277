package io.payops.ui.tickets;

import io.payops.domain.TicketCluster;

import java.util.List;
import java.util.Locale;

/**
 * One cluster as the Tickets tab shows it: what it is, how big, the root cause with its confidence and the evidence
 * sentences (built by the triage from counts and times, never from ticket text), and the payment incident it belongs
 * to ({@code incident} is "—" when none).
 */
public record ClusterRow(String id, String signature, String category, String stage, List<String> merchantList,
                         String merchants, int tickets, int checkoutFailures, int affectedCustomers, String rootCause,
                         double confidence, String rootCauseText, List<String> evidence, Long linkedIncidentId,
                         String incident, boolean open, String state, long formedAtMillis, long lastSeenMillis) {

    public ClusterRow {
        merchantList = List.copyOf(merchantList);
        evidence = List.copyOf(evidence);
    }

    static ClusterRow of(TicketCluster c) {
        String cause = TicketWords.key(c.rootCause().key());
        return new ClusterRow(c.id(), c.signature(), TicketWords.key(c.category().key()), TicketWords.key(c.stage().key()),
                c.merchants(), TicketWords.names(c.merchants()), c.ticketIds().size(), c.checkoutFailures(),
                c.affectedCustomers(), c.rootCause().key(), c.confidence(),
                String.format(Locale.ROOT, "%s (%.0f%%)", cause, c.confidence() * 100), c.evidence(),
                c.linkedIncidentId(), c.linkedIncidentId() == null ? "—" : "#" + c.linkedIncidentId(), c.open(),
                c.open() ? "open" : "closed", c.formedAtMillis(), c.lastSeenMillis());
    }
}
