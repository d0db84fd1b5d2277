package io.payops.tickets;

import io.payops.domain.ActionStatus;
import io.payops.domain.Approval;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Decider;
import io.payops.domain.MigrationStage;
import io.payops.domain.RootCause;
import io.payops.domain.Ticket;
import io.payops.domain.TicketAction;
import io.payops.domain.TicketActionType;
import io.payops.domain.TicketCategory;
import io.payops.domain.TicketCluster;
import io.payops.domain.TicketSettings;
import io.payops.domain.TicketSeverity;
import io.payops.domain.TriageStep;
import io.payops.sim.World;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.payops.tickets.TicketFixtures.MERCHANTS;
import static io.payops.tickets.TicketFixtures.wave;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketTriageTest {
    private static final String CART_BUG = "cart_session:checkout_session:lost:b0001";

    private static TicketTriage triage(ApprovalMode mode) {
        return new TicketTriage(TriageSettings.DEFAULT.withApprovalMode(mode), MERCHANTS);
    }

    /** Three merchants on a settled storefront lose checkout sessions: the same bug, ours. */
    private static TriageStep platformBug(TicketTriage triage) {
        List<Ticket> tickets = wave("T-", 0, MERCHANTS.subList(0, 3), TicketCategory.CART_SESSION,
                MigrationStage.POST_LAUNCH, CART_BUG, TicketSeverity.HIGH, 12);
        return triage.onTick(180_000, tickets, List.of());
    }

    /** The step formed one cluster with this root cause and decided one action of this type and status. */
    private static void assertDecided(TriageStep step, RootCause cause, TicketActionType type, ActionStatus status) {
        assertEquals(1, step.clusters().size(), step.clusters().toString());
        assertEquals(cause, step.clusters().get(0).rootCause());
        assertEquals(1, step.actions().size(), step.actions().toString());
        assertEquals(type, step.actions().get(0).type());
        assertEquals(status, step.actions().get(0).status());
    }

    @Test
    void aWebhookBurstFromFiveMerchantsIsOneClusterWithAGuideSentAlone() {
        TicketGenerator generator = new TicketGenerator(TicketSettings.noiseOnly(2, MigrationStage.STOREFRONT_CUTOVER),
                7, World.defaultWorld().merchants());
        String signature = generator.injectBurst(TicketCategory.WEBHOOK_TIMEOUT, 120_000, 5, true);
        List<TriageStep> steps = TicketFixtures.run(generator, triage(ApprovalMode.MANUAL), 30 * 60_000, 1_000,
                TicketFixtures.QUIET);

        List<TicketCluster> clusters = TicketFixtures.distinctClusters(steps);
        assertEquals(1, clusters.size(), clusters.toString());
        TicketCluster c = clusters.get(0);
        assertEquals(signature, c.signature());
        assertEquals(RootCause.WEBHOOK_CONFIGURATION, c.rootCause());
        assertEquals(5, c.merchants().size());
        assertTrue(c.evidence().get(0).startsWith("5 merchants"), c.evidence().toString());

        List<TicketAction> actions = TicketFixtures.finalActions(steps);
        assertEquals(1, actions.size(), actions.toString());
        TicketAction guide = actions.get(0);
        assertEquals(TicketActionType.SEND_CONFIGURATION_GUIDE, guide.type());
        assertEquals(ActionStatus.EXECUTED, guide.status());
        assertEquals(Approval.NONE, guide.approval());
        assertEquals("low", guide.risk());
        assertTrue(steps.stream().allMatch(s -> s.pendingApprovals().isEmpty()));
    }

    @Test
    void aPlatformBugWaitsForApprovalBeforeEscalationAndRunsOnlyOnceApproved() {
        TicketTriage triage = triage(ApprovalMode.MANUAL);
        TriageStep first = platformBug(triage);
        assertEquals(RootCause.PLATFORM_BUG, first.clusters().get(0).rootCause());
        TicketAction asked = first.actions().get(0);
        assertEquals(TicketActionType.ESCALATE_ENGINEERING, asked.type());
        assertEquals(ActionStatus.PENDING, asked.status());
        assertEquals("high", asked.risk());
        assertEquals(List.of(asked), first.pendingApprovals());
        assertTrue(asked.approvalReasons().size() >= 1);

        // time alone does not carry it out, nor does the cluster growing
        TriageStep later = triage.onTick(240_000, wave("U-", 200_000, MERCHANTS.subList(3, 5),
                TicketCategory.CART_SESSION, MigrationStage.POST_LAUNCH, CART_BUG, TicketSeverity.HIGH, 5), List.of());
        assertTrue(later.actions().isEmpty(), later.actions().toString());
        assertEquals(5, later.clusters().get(0).merchants().size());
        assertEquals(1, later.pendingApprovals().size());

        assertNull(triage.approve(asked.id(), "asha", 250_000));
        TriageStep done = triage.onTick(251_000, List.of(), List.of());
        TicketAction executed = done.actions().get(0);
        assertEquals(asked.id(), executed.id());
        assertEquals(ActionStatus.EXECUTED, executed.status());
        assertEquals(Approval.OPERATOR, executed.approval());
        assertEquals(Decider.named("asha"), executed.decidedBy());
        assertTrue(done.pendingApprovals().isEmpty());

        assertEquals("ticket action " + asked.id() + " is no longer pending (executed)",
                triage.approve(asked.id(), "asha", 252_000));
        assertEquals("no pending ticket action with id 42", triage.approve(42, "asha", 252_000));
        assertEquals("no pending ticket action with id 42", triage.reject(42, "asha", 252_000));
    }

    @Test
    void aRejectedEscalationIsNeverCarriedOutNorAskedAgain() {
        TicketTriage triage = triage(ApprovalMode.MANUAL);
        TicketAction asked = platformBug(triage).actions().get(0);
        assertTrue(triage.approve(asked.id(), " ", 190_000).contains("needs the name"));
        assertNull(triage.reject(asked.id(), "ravi", 190_000));
        TriageStep step = triage.onTick(191_000, wave("U-", 185_000, MERCHANTS.subList(3, 5),
                TicketCategory.CART_SESSION, MigrationStage.POST_LAUNCH, CART_BUG, TicketSeverity.HIGH, 5), List.of());
        assertEquals(1, step.actions().size());
        assertEquals(ActionStatus.REJECTED, step.actions().get(0).status());
        assertEquals(Decider.named("ravi"), step.actions().get(0).decidedBy());
        assertTrue(step.pendingApprovals().isEmpty());
        assertTrue(triage.onTick(400_000, List.of(), List.of()).actions().isEmpty());
    }

    @Test
    void theClockAnswersLikeForPaymentsAutoNeverAndExpiry() {
        TicketTriage auto = triage(ApprovalMode.parse("auto:60"));
        TicketAction a = platformBug(auto).actions().get(0);
        assertTrue(auto.onTick(239_000, List.of(), List.of()).actions().isEmpty());
        TicketAction approved = auto.onTick(240_000, List.of(), List.of()).actions().get(0);
        assertEquals(a.id(), approved.id());
        assertEquals(ActionStatus.EXECUTED, approved.status());
        assertEquals(Approval.AUTO, approved.approval());

        TicketTriage never = triage(ApprovalMode.parse("never"));
        platformBug(never);
        assertEquals(ActionStatus.REJECTED, never.onTick(181_000, List.of(), List.of()).actions().get(0).status());

        TicketTriage manual = triage(ApprovalMode.MANUAL);
        TicketAction m = platformBug(manual).actions().get(0);
        assertTrue(manual.onTick(m.expiresAtMillis() - 1, List.of(), List.of()).actions().isEmpty());
        assertEquals(ActionStatus.EXPIRED, manual.onTick(m.expiresAtMillis(), List.of(), List.of()).actions().get(0).status());
        assertTrue(manual.pendingApprovals().isEmpty());
    }

    @Test
    void aPlatformBugWithCriticalImpactAsksForAP0() {
        TicketTriage triage = triage(ApprovalMode.MANUAL);
        TriageStep step = triage.onTick(300_000, wave("T-", 0, MERCHANTS.subList(0, 3), TicketCategory.INVENTORY_SYNC,
                MigrationStage.POST_LAUNCH, "inventory_sync:sync_job:failed:b0002", TicketSeverity.CRITICAL, 200),
                List.of());
        assertDecided(step, RootCause.PLATFORM_BUG, TicketActionType.P0_ESCALATION, ActionStatus.PENDING);
    }

    @Test
    void questionsWithoutBreakageAreADocumentationGapAndMigrationErrorsGetAChecklist() {
        TicketTriage triage = triage(ApprovalMode.MANUAL);
        TriageStep docs = triage.onTick(300_000, wave("T-", 0, MERCHANTS.subList(0, 4), TicketCategory.AUTHENTICATION,
                MigrationStage.STOREFRONT_CUTOVER, "authentication:storefront_token:401:b0003", TicketSeverity.LOW, 0),
                List.of());
        assertDecided(docs, RootCause.DOCUMENTATION_GAP, TicketActionType.UPDATE_DOCS, ActionStatus.EXECUTED);

        TriageStep migration = triage.onTick(600_000, wave("U-", 400_000, MERCHANTS.subList(1, 4),
                TicketCategory.IMAGE_CDN_404, MigrationStage.DATA_MIGRATION, "image_cdn_404:product_image:404:b0004",
                TicketSeverity.MEDIUM, 8), List.of());
        assertDecided(migration, RootCause.MIGRATION_ISSUE, TicketActionType.SEND_CONFIGURATION_GUIDE,
                ActionStatus.EXECUTED);
    }

    @Test
    void oneMerchantWritingOftenOrMerchantsFarApartInTimeMakeNoCluster() {
        TicketTriage triage = triage(ApprovalMode.MANUAL);
        String sig = "shipping_calculation:rate_lookup:zero_rate:b0005";
        List<Ticket> oneMerchant = List.of(
                TicketFixtures.ticket("A1", 0, "shopkart", TicketCategory.SHIPPING_CALCULATION,
                        MigrationStage.POST_LAUNCH, sig, TicketSeverity.HIGH, 9),
                TicketFixtures.ticket("A2", 10_000, "shopkart", TicketCategory.SHIPPING_CALCULATION,
                        MigrationStage.POST_LAUNCH, sig, TicketSeverity.HIGH, 9),
                TicketFixtures.ticket("A3", 20_000, "quickbite", TicketCategory.SHIPPING_CALCULATION,
                        MigrationStage.POST_LAUNCH, sig, TicketSeverity.HIGH, 9));
        TriageStep s = triage.onTick(30_000, oneMerchant, List.of());
        assertTrue(s.clusters().isEmpty() && s.actions().isEmpty());
        // a third merchant, but after the first two left the 15-minute window
        TriageStep late = triage.onTick(20 * 60_000 + 1, List.of(TicketFixtures.ticket("A4", 20 * 60_000,
                "edulearn", TicketCategory.SHIPPING_CALCULATION, MigrationStage.POST_LAUNCH, sig,
                TicketSeverity.HIGH, 9)), List.of());
        assertTrue(late.clusters().isEmpty(), late.clusters().toString());
        assertTrue(late.openClusters().isEmpty());
    }

    @Test
    void aQuietClusterClosesAndALaterWaveStartsAFreshOne() {
        TicketTriage triage = triage(ApprovalMode.MANUAL);
        TicketCluster first = platformBug(triage).clusters().get(0);
        TriageStep closed = triage.onTick(first.lastSeenMillis() + TriageSettings.DEFAULT.closeAfterMillis(),
                List.of(), List.of());
        assertEquals(List.of(first.id()), closed.clusters().stream().map(TicketCluster::id).toList());
        assertTrue(!closed.clusters().get(0).open());
        assertTrue(closed.openClusters().isEmpty());
    }
}
