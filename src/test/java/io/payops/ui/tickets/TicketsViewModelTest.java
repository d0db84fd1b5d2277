package io.payops.ui.tickets;

import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.domain.Ticket;
import io.payops.domain.TicketCluster;
import io.payops.engine.Engine;
import io.payops.ui.approvals.ApprovalItemViewModel;
import io.payops.ui.approvals.ApprovalsViewModel;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.RecordingSink;
import io.payops.ui.fx.TestFrames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Tickets tab's ViewModel without a stage, fed real frames. checkout-migration (seed 11): an inventory-sync
 * burst forms C-1 (migration issue, a guide sent alone) at 457 s; Stripe fails from 600 s, the agent opens an
 * outage incident at 601 s and the Stripe merchants' tickets form C-2, linked to it, at 700 s.
 */
class TicketsViewModelTest {
    private static final String SCENARIO = "checkout-migration";
    private static final long SEED = 11;
    private static List<Frame> frames;

    @BeforeAll
    static void run() {
        frames = TestFrames.run(SCENARIO, SEED, 1_300);
    }

    private static TicketsViewModel fed(List<Frame> list, boolean live) {
        TicketsViewModel vm = new TicketsViewModel(new RecordingSink(null));
        vm.onSessionStart(TicketRuns.session(SCENARIO, SEED, live));
        feed(vm, list);
        return vm;
    }

    /** The Stripe outage's incident, found by what it says: other incidents (a short false alarm) may come first. */
    private static IncidentTicketsRow outageRow(TicketsViewModel vm) {
        return vm.incidents().stream().filter(r -> r.incident().matches("#\\d+ gateway outage on gateway=stripe.*"))
                .findFirst().orElseThrow(() -> new AssertionError("no outage incident in " + vm.incidents()));
    }

    private static void feed(TicketsViewModel vm, List<Frame> list) {
        for (int i = 0; i < list.size(); i += 5) {
            vm.onFrames(FrameBatch.of(list.subList(i, Math.min(list.size(), i + 5))));
        }
    }

    @Test
    void theQueueShowsEveryTicketNewestFirstWithItsClusterAndTheCountsByCategory() {
        TicketsViewModel vm = fed(frames, true);
        List<Ticket> all = frames.stream().flatMap(f -> f.tickets().newTickets().stream()).toList();
        assertFalse(all.isEmpty());
        assertTrue(vm.hasTicketsProperty().get());
        assertEquals(Math.min(all.size(), TicketsViewModel.MAX_QUEUE), vm.queue().size());
        Ticket newest = all.get(all.size() - 1);
        TicketRow top = vm.queue().get(0);
        assertEquals(newest.id(), top.id());
        assertEquals(newest.merchant(), top.merchant());
        assertEquals(newest.subject(), top.subject());
        for (int i = 1; i < vm.queue().size(); i++) {
            assertTrue(vm.queue().get(i - 1).atMillis() >= vm.queue().get(i).atMillis(), "newest first");
        }
        TicketCluster c2 = lastVersion("C-2");
        for (TicketRow row : vm.queue()) {
            assertEquals(c2.ticketIds().contains(row.id()), "C-2".equals(row.clusterId()), row.toString());
        }
        assertTrue(vm.summaryProperty().get().startsWith(all.size() + " tickets · 2 open clusters"),
                vm.summaryProperty().get());
        long payment = all.stream().filter(t -> t.category().key().equals("payment_gateway")).count();
        assertTrue(vm.categoryCountsProperty().get().contains("payment gateway " + payment),
                vm.categoryCountsProperty().get());
    }

    @Test
    void clustersShowRootCauseConfidenceEvidenceAndTheLinkedIncident() {
        TicketsViewModel vm = fed(frames, true);
        assertEquals(List.of("C-2", "C-1"), vm.clusters().stream().map(ClusterRow::id).toList(), "newest first");

        ClusterRow c1 = vm.cluster("C-1");
        assertEquals("migration_issue", c1.rootCause());
        assertEquals(lastVersion("C-1").evidence(), c1.evidence());
        assertFalse(c1.evidence().isEmpty());
        assertTrue(c1.rootCauseText().matches("migration issue \\(\\d+%\\)"), c1.rootCauseText());
        assertEquals("—", c1.incident());

        ClusterRow c2 = vm.cluster("C-2");
        assertEquals("payment_incident", c2.rootCause());
        long outage = outageRow(vm).incidentId();
        assertEquals(outage, c2.linkedIncidentId());
        assertEquals("#" + outage, c2.incident());
        assertEquals(5, c2.merchantList().size());
        assertTrue(c2.evidence().stream().anyMatch(e -> e.contains("incident #" + outage)), c2.evidence().toString());

        // the detail shows the newest cluster until one is picked
        assertEquals(c2, vm.shownClusterProperty().get());
        assertEquals(c2.evidence(), vm.evidence());
        vm.selectCluster("C-1");
        assertEquals(c1.evidence(), vm.evidence());
        assertTrue(vm.clusterTitleProperty().get().startsWith("Cluster C-1 (open): root cause migration issue"),
                vm.clusterTitleProperty().get());
    }

    @Test
    void aPaymentIncidentListsTheMerchantsAndTicketsItTouched() {
        TicketsViewModel vm = fed(frames, true);
        IncidentTicketsRow row = outageRow(vm);
        TicketCluster c2 = lastVersion("C-2");
        assertEquals(c2.linkedIncidentId(), row.incidentId(), "the cluster links the outage's incident");
        assertTrue(row.state().startsWith("closed by "),
                "the outage ended at 1080 s and stripe's routing was restored by 1121 s: " + row.state());
        assertEquals("open since 0:10:01", outageRow(fed(frames.subList(0, 1_000), true)).state());
        assertEquals("C-2", row.clusters());
        assertEquals(c2.merchants().size(), row.merchantCount());
        assertEquals(c2.ticketIds().size(), row.tickets());
    }

    @Test
    void decisionsShowStatusRiskAndWhy() {
        TicketsViewModel vm = fed(frames, true);
        DecisionRow guide = vm.decision(TicketRuns.FIRST_ESCALATION);
        assertNotNull(guide);
        assertEquals("send configuration guide", guide.type());
        assertEquals("C-1", guide.clusterId());
        assertEquals("done alone", guide.status());
        assertEquals("low", guide.risk());
        assertFalse(guide.why().isEmpty());
        assertTrue(vm.pending().isEmpty());
    }

    @Test
    void aWorldWithoutTicketsSaysSo() {
        TicketsViewModel vm = new TicketsViewModel(new RecordingSink(null));
        vm.onSessionStart(TestFrames.session("stripe-outage", 7));
        assertFalse(vm.hasTicketsProperty().get(), "known from the scenario before any frame");
        feed(vm, TestFrames.run("stripe-outage", 7, 60));
        assertFalse(vm.hasTicketsProperty().get());
        assertEquals(TicketsViewModel.NO_TICKETS_TEXT, vm.summaryProperty().get());
        assertTrue(vm.queue().isEmpty());
        assertTrue(vm.clusters().isEmpty());
    }

    @Test
    void aReplayStartingMidSessionShowsTheClustersAndIncidentOfThatMoment() {
        // a replay seek feeds the target frame after a lead-in of 60 frames
        TicketsViewModel vm = fed(frames.subList(1_040, 1_100), false);
        assertEquals(List.of("C-2", "C-1"), vm.clusters().stream().map(ClusterRow::id).toList());
        assertEquals("#" + outageRow(vm).incidentId(), vm.cluster("C-2").incident());
        assertEquals("C-2", outageRow(vm).clusters());
        // and an earlier moment shows the earlier state
        TicketsViewModel before = fed(frames.subList(600, 660), false);
        assertEquals(List.of("C-1"), before.clusters().stream().map(ClusterRow::id).toList());
    }

    @Test
    void approvingAnEscalationSendsOneDecideAndTheDecisionShowsItApproved() {
        Engine engine = TicketRuns.engine(TicketRuns.platformBugBurst().toString(), TicketRuns.BURST_SEED);
        RecordingSink sink = new RecordingSink(engine);
        TicketsViewModel vm = new TicketsViewModel(sink);
        vm.onSessionStart(TicketRuns.session(TicketRuns.platformBugBurst().toString(), TicketRuns.BURST_SEED, true));
        vm.onFrames(FrameBatch.of(TicketRuns.untilEscalation(engine)));

        long id = TicketRuns.FIRST_ESCALATION;
        assertEquals(1, vm.pending().size());
        ApprovalItemViewModel item = vm.pendingItem(id);
        assertTrue(item.isAnswerable());
        assertEquals("escalate engineering for cluster C-1", item.whatProperty().get());
        assertEquals("platform bug", item.diagnosisProperty().get());
        DecisionRow waiting = vm.decision(id);
        assertEquals("waiting for approval", waiting.status());
        assertEquals("high", waiting.risk());
        assertTrue(waiting.pending());

        assertTrue(vm.approve(id));
        assertFalse(vm.approve(id), "no double submit");
        assertEquals(List.of(new Command.Decide(id, true, "operator")), sink.sent);
        assertFalse(item.isAnswerable());

        vm.onFrames(FrameBatch.of(TestFrames.step(engine, 1)));
        assertTrue(vm.pending().isEmpty());
        assertEquals("approved by operator", vm.decision(id).status());
        assertFalse(vm.decision(id).pending());
    }

    @Test
    void theApprovalsQueueShowsTicketEscalationsLabelledAndAnswersThem() {
        Engine engine = TicketRuns.engine(TicketRuns.platformBugBurst().toString(), TicketRuns.BURST_SEED);
        RecordingSink sink = new RecordingSink(engine);
        ApprovalsViewModel approvals = new ApprovalsViewModel(sink);
        approvals.onSessionStart(TicketRuns.session(TicketRuns.platformBugBurst().toString(), TicketRuns.BURST_SEED, true));
        approvals.onFrames(FrameBatch.of(TicketRuns.untilEscalation(engine)));

        long id = TicketRuns.FIRST_ESCALATION;
        ApprovalItemViewModel item = approvals.item(id);
        assertNotNull(item);
        assertTrue(item.isTicketEscalation());
        assertEquals(TicketWords.ESCALATION_KIND, item.kindProperty().get());
        assertNull(item.request());
        assertEquals("1 waiting", approvals.summaryProperty().get());

        assertTrue(approvals.reject(id));
        assertEquals(List.of(new Command.Decide(id, false, "operator")), sink.sent);
        approvals.onFrames(FrameBatch.of(TestFrames.step(engine, 1)));
        assertNull(approvals.item(id), "gone once the engine applied the answer");
        assertEquals("REJECTED", engine.lastFrame().tickets().actions().stream()
                .filter(a -> a.id() == id).map(a -> a.status().name()).findFirst().orElse("?"));
    }

    @Test
    void aReplayShowsEscalationsButCannotAnswerThem() {
        Engine engine = TicketRuns.engine(TicketRuns.platformBugBurst().toString(), TicketRuns.BURST_SEED);
        RecordingSink sink = new RecordingSink(null);
        TicketsViewModel vm = new TicketsViewModel(sink);
        vm.onSessionStart(TicketRuns.session(TicketRuns.platformBugBurst().toString(), TicketRuns.BURST_SEED, false));
        vm.onFrames(FrameBatch.of(TicketRuns.untilEscalation(engine)));
        assertEquals(1, vm.pending().size());
        assertFalse(vm.pending().get(0).isAnswerable());
        assertFalse(vm.approve(TicketRuns.FIRST_ESCALATION));
        assertTrue(sink.sent.isEmpty());
    }

    private static TicketCluster lastVersion(String id) {
        TicketCluster last = null;
        for (Frame f : frames) {
            for (TicketCluster c : f.tickets().clusters()) {
                if (c.id().equals(id)) {
                    last = c;
                }
            }
        }
        return Objects.requireNonNull(last, id);
    }
}
