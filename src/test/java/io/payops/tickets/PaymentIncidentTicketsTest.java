package io.payops.tickets;

import io.payops.domain.ActionStatus;
import io.payops.domain.ActiveFault;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Incident;
import io.payops.domain.RootCause;
import io.payops.domain.Target;
import io.payops.domain.Ticket;
import io.payops.domain.TicketAction;
import io.payops.domain.TicketActionType;
import io.payops.domain.TicketCluster;
import io.payops.domain.TicketSettings;
import io.payops.domain.TriageStep;
import io.payops.sim.World;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentIncidentTicketsTest {
    private static final FaultSpec STRIPE_OUTAGE = new FaultSpec(FaultType.GATEWAY_OUTAGE, Target.gateway("stripe"),
            300, 1800, 0.6, 1, 0);

    /** The payment side as the engine would show it: the fault acts from 300 s, the agent opens incidents. */
    private static TicketFixtures.RunWorld world(FaultSpec fault, List<Incident> incidentsOnceDetected) {
        return new TicketFixtures.RunWorld() {
            @Override
            public List<ActiveFault> faultsAt(long millis) {
                return TicketFixtures.faultsAt(fault, millis);
            }

            @Override
            public List<Incident> incidentsAt(long millis) {
                return millis >= 310_000 ? incidentsOnceDetected : List.of();
            }
        };
    }

    private static List<TriageStep> run(long seed, FaultSpec fault, List<Incident> incidents) {
        TicketGenerator generator = new TicketGenerator(TicketSettings.DEFAULT, seed, World.defaultWorld().merchants());
        TicketTriage triage = new TicketTriage(TriageSettings.DEFAULT.withApprovalMode(ApprovalMode.MANUAL),
                World.defaultWorld().names(Dimension.MERCHANT));
        return TicketFixtures.run(generator, triage, 40 * 60_000, 1_000, world(fault, incidents));
    }

    @Test
    void aGatewayOutagesTicketsFormAClusterLinkedToThatIncident() {
        Incident stripe = new Incident(7, Diagnosis.GATEWAY_OUTAGE, Target.gateway("stripe"), 310_000, null, 0.9);
        Incident sbi = new Incident(8, Diagnosis.ISSUER_DEGRADATION,
                Target.of(Dimension.GATEWAY, "razorpay", Dimension.ISSUER, "SBI"), 305_000, null, 0.8);
        for (long seed = 1; seed <= 5; seed++) {
            List<TriageStep> steps = run(seed, STRIPE_OUTAGE, List.of(sbi, stripe));
            List<Ticket> paymentTickets = steps.stream().flatMap(s -> s.newTickets().stream())
                    .filter(t -> t.signature().equals("payment_gateway:gateway=stripe:GATEWAY_ERROR")).toList();
            assertTrue(paymentTickets.size() >= 3, "seed " + seed + ": " + paymentTickets.size());
            assertTrue(paymentTickets.stream().allMatch(t -> t.atMillis() >= 300_000
                    && Target.gateway("stripe").equals(t.paymentTarget())));

            List<TicketCluster> linked = TicketFixtures.distinctClusters(steps).stream()
                    .filter(c -> c.rootCause() == RootCause.PAYMENT_INCIDENT).toList();
            assertEquals(1, linked.size(), "seed " + seed + ": " + linked);
            TicketCluster c = linked.get(0);
            assertEquals("payment_gateway:gateway=stripe:GATEWAY_ERROR", c.signature());
            assertEquals(7L, c.linkedIncidentId());
            assertTrue(c.merchants().size() >= 3);
            assertTrue(c.evidence().stream().anyMatch(e -> e.contains("incident #7")), c.evidence().toString());
            // the payment agent owns the response: the triage adds no escalation of its own
            assertTrue(TicketFixtures.finalActions(steps).stream().noneMatch(a -> a.clusterId().equals(c.id())));
        }
    }

    @Test
    void paymentTicketsNobodyOnThePaymentSideSawAreEscalatedForApproval() {
        List<TriageStep> steps = run(3, STRIPE_OUTAGE, List.of());
        TicketCluster c = TicketFixtures.distinctClusters(steps).stream()
                .filter(x -> x.rootCause() == RootCause.PAYMENT_INCIDENT).findFirst().orElseThrow();
        assertEquals(null, c.linkedIncidentId());
        TicketAction escalation = TicketFixtures.finalActions(steps).stream()
                .filter(a -> a.clusterId().equals(c.id())).findFirst().orElseThrow();
        assertEquals(TicketActionType.ESCALATE_ENGINEERING, escalation.type());
        assertEquals(ActionStatus.PENDING, escalation.status());
        assertTrue(escalation.atMillis() - c.formedAtMillis() >= TriageSettings.DEFAULT.paymentLinkGraceMillis());
    }

    @Test
    void aMerchantFaultHitsOnlyThatMerchantAndAUserDeclineSurgeBringsNoTickets() {
        FaultSpec merchantFault = new FaultSpec(FaultType.NETWORK_ERRORS, Target.of(Dimension.MERCHANT, "streamly"),
                300, 1800, 0.8, 1, 0);
        List<Ticket> tickets = new ArrayList<>();
        run(4, merchantFault, List.of()).forEach(s -> tickets.addAll(s.newTickets()));
        List<Ticket> payment = tickets.stream().filter(t -> t.signature().contains("NETWORK_ERROR")).toList();
        assertFalse(payment.isEmpty());
        assertTrue(payment.stream().allMatch(t -> t.merchant().equals("streamly")));

        FaultSpec declines = new FaultSpec(FaultType.USER_DECLINES, Target.gateway("stripe"), 300, 1800, 0.8, 1, 0);
        List<Ticket> none = new ArrayList<>();
        run(4, declines, List.of()).forEach(s -> none.addAll(s.newTickets()));
        assertTrue(none.stream().noneMatch(t -> t.signature().contains("USER_DECLINED")));
    }
}
