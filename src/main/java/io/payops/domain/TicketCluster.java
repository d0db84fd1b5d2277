package io.payops.domain;

import java.util.List;

/**
 * Tickets from several merchants with the same error signature, and what the triage makes of them: the root cause
 * with its confidence and evidence (sentences built from counts, merchants and times, never from ticket text), and
 * the payment incident it belongs to ({@code linkedIncidentId}, null when none). {@code open} turns false once no
 * ticket with the signature came in for a while; a later one starts a new cluster.
 */
public record TicketCluster(
        String id,
        String signature,
        TicketCategory category,
        MigrationStage stage,
        List<String> merchants,
        List<String> ticketIds,
        long firstSeenMillis,
        long lastSeenMillis,
        long formedAtMillis,
        int checkoutFailures,
        int affectedCustomers,
        RootCause rootCause,
        double confidence,
        List<String> evidence,
        Long linkedIncidentId,
        boolean open) {

    public TicketCluster {
        merchants = List.copyOf(merchants);
        ticketIds = List.copyOf(ticketIds);
        evidence = List.copyOf(evidence);
    }
}
