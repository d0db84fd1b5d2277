package io.payops.tickets;

import io.payops.domain.MigrationStage;
import io.payops.domain.Target;
import io.payops.domain.Ticket;
import io.payops.domain.TicketAction;
import io.payops.domain.TicketCategory;
import io.payops.domain.TicketCluster;
import io.payops.domain.TicketSeverity;
import io.payops.domain.TriageStep;

import java.util.ArrayList;
import java.util.List;

/** Hand-made tickets and a small driver that feeds generated tickets to a triage tick by tick. */
final class TicketFixtures {
    static final List<String> MERCHANTS = List.of("shopkart", "quickbite", "travelnest", "streamly", "edulearn");

    private TicketFixtures() {
    }

    static Ticket ticket(String id, long at, String merchant, TicketCategory category, MigrationStage stage,
                         String signature, TicketSeverity severity, int failures) {
        return new Ticket(id, at, merchant, category, stage, "subject", "message from " + merchant, signature,
                severity, failures, failures, null);
    }

    static Ticket ticket(String id, long at, String merchant, TicketCategory category, MigrationStage stage,
                         String signature, TicketSeverity severity, int failures, Target paymentTarget) {
        return new Ticket(id, at, merchant, category, stage, "subject", "message from " + merchant, signature,
                severity, failures, failures, paymentTarget);
    }

    /** The same error from each merchant, one minute apart starting at {@code at}. */
    static List<Ticket> wave(String idPrefix, long at, List<String> merchants, TicketCategory category,
                             MigrationStage stage, String signature, TicketSeverity severity, int failures) {
        List<Ticket> out = new ArrayList<>();
        for (int i = 0; i < merchants.size(); i++) {
            out.add(ticket(idPrefix + i, at + i * 60_000L, merchants.get(i), category, stage, signature, severity,
                    failures));
        }
        return out;
    }

    /** Every step of a run that ticks every {@code tickMillis} from 0 to {@code untilMillis}. */
    static List<TriageStep> run(TicketGenerator generator, TicketTriage triage, long untilMillis, long tickMillis,
                                RunWorld world) {
        List<TriageStep> steps = new ArrayList<>();
        for (long t = 0; t < untilMillis; t += tickMillis) {
            long until = t + tickMillis;
            List<Ticket> tickets = world.rewrite(generator.advance(t, until, world.faultsAt(t)));
            steps.add(triage.onTick(until, tickets, world.incidentsAt(until)));
        }
        return steps;
    }

    /** What the payment side looks like during a test run. */
    interface RunWorld {
        List<io.payops.domain.ActiveFault> faultsAt(long millis);

        List<io.payops.domain.Incident> incidentsAt(long millis);

        default List<Ticket> rewrite(List<Ticket> tickets) {
            return tickets;
        }
    }

    /** The fault as the simulator reports it at a moment: active with its intensity, or absent. */
    static List<io.payops.domain.ActiveFault> faultsAt(io.payops.domain.FaultSpec fault, long millis) {
        double intensity = fault.intensityAt(millis / 1000.0);
        return intensity > 0 ? List.of(new io.payops.domain.ActiveFault("f1", fault, intensity)) : List.of();
    }

    static final RunWorld QUIET = new RunWorld() {
        @Override
        public List<io.payops.domain.ActiveFault> faultsAt(long millis) {
            return List.of();
        }

        @Override
        public List<io.payops.domain.Incident> incidentsAt(long millis) {
            return List.of();
        }
    };

    static List<TicketCluster> distinctClusters(List<TriageStep> steps) {
        java.util.Map<String, TicketCluster> latest = new java.util.LinkedHashMap<>();
        steps.forEach(s -> s.clusters().forEach(c -> latest.put(c.id(), c)));
        return List.copyOf(latest.values());
    }

    static List<TicketAction> finalActions(List<TriageStep> steps) {
        java.util.Map<Long, TicketAction> latest = new java.util.LinkedHashMap<>();
        steps.forEach(s -> s.actions().forEach(a -> latest.put(a.id(), a)));
        return List.copyOf(latest.values());
    }
}
