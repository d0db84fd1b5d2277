package io.payops.tickets;

import io.payops.domain.MigrationStage;
import io.payops.domain.RootCause;
import io.payops.domain.TicketActionType;
import io.payops.domain.TicketCategory;
import io.payops.domain.TicketCluster;
import io.payops.domain.TicketFacts;
import io.payops.domain.TicketSeverity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A cluster while the triage works on it (mutable, owned by the engine thread). Built from {@link TicketFacts} only,
 * so everything it knows was measured or machine-made.
 */
final class ClusterState {
    final String id;
    final String signature;
    final TicketCategory category;
    final long formedAtMillis;
    final Set<String> merchants = new TreeSet<>();
    final List<String> ticketIds = new ArrayList<>();
    final Set<TicketActionType> actionsRaised = EnumSet.noneOf(TicketActionType.class);
    MigrationStage stage;
    long firstSeenMillis = Long.MAX_VALUE;
    long lastSeenMillis = Long.MIN_VALUE;
    int tickets;
    int checkoutFailures;
    int affectedCustomers;
    int criticalTickets;
    TicketSeverity worstSeverity = TicketSeverity.LOW;
    RootCause rootCause;
    double confidence;
    List<String> evidence = List.of();
    /** The payment incident the cluster belongs to, kept once found even after the incident closes. */
    io.payops.domain.Incident linkedIncident;
    boolean open = true;

    ClusterState(String id, String signature, TicketCategory category, long formedAtMillis) {
        this.id = id;
        this.signature = signature;
        this.category = category;
        this.formedAtMillis = formedAtMillis;
    }

    void add(TicketFacts t) {
        merchants.add(t.merchant());
        ticketIds.add(t.id());
        tickets++;
        // the stage of the newest ticket: a stage change mid-cluster is what the merchants live in now
        if (t.atMillis() >= lastSeenMillis) {
            stage = t.stage();
        }
        firstSeenMillis = Math.min(firstSeenMillis, t.atMillis());
        lastSeenMillis = Math.max(lastSeenMillis, t.atMillis());
        checkoutFailures += t.checkoutFailures();
        affectedCustomers += t.affectedCustomers();
        if (t.severity() == TicketSeverity.CRITICAL) {
            criticalTickets++;
        }
        if (t.severity().compareTo(worstSeverity) > 0) {
            worstSeverity = t.severity();
        }
    }

    TicketCluster snapshot() {
        return new TicketCluster(id, signature, category, stage, List.copyOf(merchants), ticketIds, firstSeenMillis,
                lastSeenMillis, formedAtMillis, checkoutFailures, affectedCustomers, rootCause, confidence, evidence,
                linkedIncident == null ? null : linkedIncident.id(), open);
    }
}
