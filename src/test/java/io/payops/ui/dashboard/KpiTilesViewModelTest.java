package io.payops.ui.dashboard;

import io.payops.domain.Frame;
import io.payops.domain.SimTotals;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.SessionInfo;
import io.payops.ui.fx.TestFrames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The KPI tiles' numbers on real frames of the Stripe outage (seed 7; the outage starts at 300 s). */
class KpiTilesViewModelTest {
    private static List<Frame> frames;

    @BeforeAll
    static void run() {
        frames = TestFrames.run("stripe-outage", 7, 420);
    }

    private static KpiTilesViewModel fedUpTo(int seconds) {
        KpiTilesViewModel vm = new KpiTilesViewModel();
        vm.onSessionStart(TestFrames.session("stripe-outage", 7));
        for (int i = 0; i < seconds; i += 5) {
            vm.onFrames(FrameBatch.of(frames.subList(i, Math.min(seconds, i + 5))));
        }
        return vm;
    }

    @Test
    void beforeTheOutageAllIsQuietAndHealthy() {
        KpiTilesViewModel vm = fedUpTo(290);
        Frame f = frames.get(289);
        assertEquals(f.snapshot().total().successRate() * 100, vm.successRate().getValue(), 1e-9);
        assertTrue(vm.successRate().getValue() > 90);
        assertEquals(HealthLevel.HEALTHY, vm.successRate().getLevel());
        assertTrue(vm.successRate().getCaption().startsWith("baseline 9"), vm.successRate().getCaption());
        assertEquals(0, vm.openIncidents().getValue());
        assertEquals("none open", vm.openIncidents().getCaption());
        assertEquals(0, vm.pendingApprovals().getValue());
        assertEquals(0, vm.preventedFailures().getValue());
        assertEquals(HealthLevel.NEUTRAL, vm.preventedFailures().getLevel());
    }

    @Test
    void theOutageShowsOnEveryTile() {
        KpiTilesViewModel vm = fedUpTo(420);
        Frame f = frames.get(419);
        double baseline = f.snapshot().baselineTotal().successRate() * 100;

        assertTrue(vm.successRate().getValue() < 85, "success " + vm.successRate().getValue());
        assertTrue(baseline - vm.successRate().getValue() >= KpiTilesViewModel.DOWN_DROP_POINTS);
        assertEquals(HealthLevel.DOWN, vm.successRate().getLevel());
        assertTrue(vm.successRate().getCaption().contains("\u2212"),
                "a drop is signed: " + vm.successRate().getCaption());

        // payments/s is payments over the seconds the window covers: about the scenario's 40 payments/s
        assertEquals(40, vm.paymentsPerSecond().getValue(), 5);
        assertTrue(vm.paymentsPerSecond().getCaption().matches("\\d+\\.\\d attempts/s \\(\u00d71\\.\\d\\d\\)"),
                vm.paymentsPerSecond().getCaption());
        assertEquals(f.snapshot().total().p95(), vm.p95Latency().getValue(), 1e-9);
        assertTrue(vm.p95Latency().getCaption().matches("(baseline|held) .*"), vm.p95Latency().getCaption());

        assertEquals(f.step().incidents().size(), (int) vm.openIncidents().getValue());
        assertEquals(1, vm.openIncidents().getValue());
        assertEquals("gateway_outage \u00b7 gateway=stripe", vm.openIncidents().getCaption());
        assertEquals(HealthLevel.DOWN, vm.openIncidents().getLevel());

        assertEquals(f.step().pendingApprovals().size(), (int) vm.pendingApprovals().getValue());
        assertEquals(1, vm.pendingApprovals().getValue());
        assertTrue(vm.pendingApprovals().getCaption().startsWith("next expires in "));
        assertEquals(HealthLevel.DEGRADED, vm.pendingApprovals().getLevel());

        assertEquals(Math.round(f.totals().preventedFailures()), vm.preventedFailures().getValue());
        assertTrue(vm.preventedFailures().getValue() > 0);
        assertEquals(HealthLevel.HEALTHY, vm.preventedFailures().getLevel());
    }

    @Test
    void onlyTheNewestFrameOfABatchCounts() {
        KpiTilesViewModel oneByOne = new KpiTilesViewModel();
        frames.subList(0, 400).forEach(f -> oneByOne.onFrames(FrameBatch.of(f)));
        KpiTilesViewModel batched = new KpiTilesViewModel();
        batched.onFrames(FrameBatch.of(frames.subList(0, 400)));
        for (int i = 0; i < 6; i++) {
            assertEquals(oneByOne.kpis().get(i).getValue(), batched.kpis().get(i).getValue(), 1e-9);
            assertEquals(oneByOne.kpis().get(i).getCaption(), batched.kpis().get(i).getCaption());
        }
    }

    @Test
    void changesThatMadeThingsWorseShowAsANegativeRedNumber() {
        Frame f = frames.get(419);
        Frame worse = new Frame(f.tick(), f.simMillis(), f.finished(), f.snapshot(), f.routing(), f.faults(), f.step(),
                new SimTotals(1000, 1100, 900, 100, 30.4, 12.0), f.commands(), f.commandErrors());
        KpiTilesViewModel vm = new KpiTilesViewModel();
        vm.onFrames(FrameBatch.of(worse));
        assertEquals(-18, vm.preventedFailures().getValue());
        assertEquals(HealthLevel.DOWN, vm.preventedFailures().getLevel());
    }

    @Test
    void overAnEventLogNoFailuresArePreventedBecauseNothingWasApplied() {
        KpiTilesViewModel vm = new KpiTilesViewModel();
        SessionInfo live = TestFrames.session("stripe-outage", 7);
        vm.onSessionStart(new SessionInfo(live.scenario(), live.policy(), true, true));
        Frame f = frames.get(419);
        vm.onFrames(FrameBatch.of(new Frame(f.tick(), f.simMillis(), f.finished(), f.snapshot(), f.routing(), f.faults(),
                f.step(), new SimTotals(1000, 1100, 900, 100, 30.4, 12.0), f.commands(), f.commandErrors())));
        assertEquals(KpiTilesViewModel.OPEN_LOOP, vm.preventedFailures().getCaption());
        assertEquals(0, vm.preventedFailures().getValue());
        assertEquals(HealthLevel.NEUTRAL, vm.preventedFailures().getLevel());
    }

    @Test
    void aNewSessionStartsFromNothing() {
        KpiTilesViewModel vm = fedUpTo(420);
        vm.onSessionStart(TestFrames.session("quiet", 3));
        for (Kpi k : vm.kpis()) {
            assertEquals(0, k.getValue(), k.title());
            assertEquals(HealthLevel.NEUTRAL, k.getLevel(), k.title());
        }
        assertEquals(KpiTilesViewModel.WAITING, vm.successRate().getCaption());
    }

    @Test
    void noTrafficYetWaits() {
        KpiTilesViewModel vm = new KpiTilesViewModel();
        vm.onFrames(FrameBatch.of(frames.get(0)));
        // the first tick already has traffic at 40 payments/s; the baseline does not exist yet
        assertEquals("no baseline yet", vm.successRate().getCaption());
        assertEquals(HealthLevel.NEUTRAL, vm.successRate().getLevel());
    }
}
