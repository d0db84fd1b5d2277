package io.payops.ui.dashboard;

import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.Frame;
import io.payops.domain.Incident;
import io.payops.domain.Status;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.TestFrames;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The charts' data on real frames: the Stripe outage (seed 7) runs 1,250 s here: outage from 300 s to 780 s, the
 * incident closes some time after, and the run goes on past the 900 s history.
 */
class ChartsViewModelTest {
    private static List<Frame> frames;

    @BeforeAll
    static void run() {
        frames = TestFrames.run("stripe-outage", 7, 1250);
    }

    private static ChartsViewModel fed(List<Frame> frames, String scenario) {
        ChartsViewModel vm = new ChartsViewModel();
        vm.onSessionStart(TestFrames.session(scenario, 7));
        feed(vm, frames);
        return vm;
    }

    /** As the pump would at ×5 speed: batches of five frames. */
    private static void feed(ChartsViewModel vm, List<Frame> frames) {
        for (int i = 0; i < frames.size(); i += 5) {
            vm.onFrames(FrameBatch.of(frames.subList(i, Math.min(frames.size(), i + 5))));
        }
    }

    private static double meanY(List<XYChart.Data<Number, Number>> points, double from, double to) {
        return points.stream().filter(d -> d.getXValue().doubleValue() >= from && d.getXValue().doubleValue() < to)
                .mapToDouble(d -> d.getYValue().doubleValue()).average().orElseThrow();
    }

    @Test
    void successRateDropsDuringTheOutage() {
        ChartsViewModel vm = fed(frames.subList(0, 420), "stripe-outage");
        assertEquals(420, vm.successPoints().size(), "one point per frame");
        assertEquals(420.0, vm.successPoints().get(419).getXValue().doubleValue());
        double before = meanY(vm.successPoints(), 100, 300);
        double during = meanY(vm.successPoints(), 320, 420);
        assertTrue(before > 90, "before " + before);
        assertTrue(during < 85, "during " + during);
        // the baseline window does not follow the drop within a minute; it is kept as steps, up to now
        List<XYChart.Data<Number, Number>> baseline = vm.successBaselinePoints();
        assertEquals(420.0, baseline.get(baseline.size() - 1).getXValue().doubleValue());
        assertTrue(baseline.get(baseline.size() - 1).getYValue().doubleValue() > 90);
        assertTrue(baseline.size() < 100, "steps, not a point per frame: " + baseline.size());
        for (int i = 1; i < baseline.size(); i++) {
            assertTrue(baseline.get(i).getXValue().doubleValue() > baseline.get(i - 1).getXValue().doubleValue());
        }
        assertTrue(vm.latencyPoints().size() == 420 && meanY(vm.latencyPoints(), 100, 300) > 100);
        assertTrue(vm.successLowerProperty().get() <= during - 2, "the success axis shows the dip");
    }

    @Test
    void anIncidentBandStartsWhenTheIncidentOpensAndEndsWhenItCloses() {
        Incident first = frames.stream().flatMap(f -> f.step().incidents().stream()).findFirst().orElseThrow();
        ChartsViewModel vm = fed(frames.subList(0, 420), "stripe-outage");
        assertEquals(1, vm.incidentBands().size());
        IncidentBand band = vm.incidentBands().get(0);
        assertEquals(first.openedAtMillis() / 1000.0, band.startSeconds());
        assertTrue(band.startSeconds() >= 300 && band.startSeconds() < 310, "detected within seconds: " + band);
        assertTrue(band.open());
        assertEquals(420.0, band.endSeconds());
        assertTrue(band.description().contains("gateway_outage on gateway=stripe"), band.description());

        // it disappears from the open list at some frame: the band closes at that frame's time
        Frame closedAt = null;
        for (Frame f : frames) {
            if (f.simSeconds() > band.startSeconds() && f.step().incidents().isEmpty()) {
                closedAt = f;
                break;
            }
        }
        assertNotNull(closedAt, "the incident closes within the run");
        feed(vm, frames.subList(420, (int) closedAt.tick() + 40));
        IncidentBand closed = vm.incidentBands().get(0);
        assertFalse(closed.open());
        assertEquals(closedAt.simSeconds(), closed.endSeconds());
        assertEquals(band.startSeconds(), closed.startSeconds());
        assertTrue(closed.description().contains("closed "), closed.description());
    }

    @Test
    void markersSitWhereRoutingChangesWereExecutedOnceEach() {
        // expected: the first EXECUTED version of every routing change, at the time it was executed
        Map<Long, Double> executed = new LinkedHashMap<>();
        for (Frame f : frames.subList(0, 900)) {
            for (ActionRecord a : f.step().actions()) {
                if (a.status() == ActionStatus.EXECUTED && a.action().type().changesRouting()) {
                    executed.putIfAbsent(a.id(), a.updatedAtMillis() / 1000.0);
                }
            }
        }
        assertTrue(executed.size() >= 2, "the agent shifted traffic and opened a circuit: " + executed);
        ChartsViewModel vm = fed(frames.subList(0, 900), "stripe-outage");
        Map<Long, Double> marked = new LinkedHashMap<>();
        for (ActionMarker m : vm.actionMarkers()) {
            assertEquals(ActionMarker.Kind.EXECUTED, m.kind());
            assertEquals(null, marked.put(m.actionId(), m.atSeconds()), "one marker per execution: " + m);
        }
        assertEquals(executed, marked);
        ActionMarker shift = vm.actionMarkers().get(0);
        assertTrue(shift.description().contains("executed: shift 50% of stripe's traffic away"), shift.description());
    }

    @Test
    void rollbacksGetTheirOwnMarker() {
        List<Frame> hdfc = TestFrames.run("hdfc-trouble-spreads", 7, 400);
        ActionRecord rolledBack = hdfc.stream().flatMap(f -> f.step().actions().stream())
                .filter(a -> a.status() == ActionStatus.ROLLED_BACK).findFirst().orElseThrow();
        ChartsViewModel vm = fed(hdfc, "hdfc-trouble-spreads");
        List<ActionMarker> forIt = vm.actionMarkers().stream().filter(m -> m.actionId() == rolledBack.id()).toList();
        assertEquals(2, forIt.size(), "executed, then rolled back: " + forIt);
        assertEquals(ActionMarker.Kind.EXECUTED, forIt.get(0).kind());
        ActionMarker rollback = forIt.get(1);
        assertEquals(ActionMarker.Kind.ROLLED_BACK, rollback.kind());
        assertEquals(rolledBack.updatedAtMillis() / 1000.0, rollback.atSeconds());
        assertTrue(rollback.description().contains("rolled back: " + rolledBack.action().describe()));
        assertTrue(rollback.atSeconds() > forIt.get(0).atSeconds());
    }

    @Test
    void historyStaysBoundedToNineHundredSeconds() {
        ChartsViewModel vm = fed(frames, "stripe-outage");
        double now = frames.get(frames.size() - 1).simSeconds();
        for (List<XYChart.Data<Number, Number>> series : List.of(vm.successPoints(), vm.successBaselinePoints(),
                vm.latencyPoints(), vm.latencyBaselinePoints())) {
            assertTrue(series.size() <= ChartsViewModel.HISTORY_SECONDS + 1, "size " + series.size());
            assertTrue(series.get(0).getXValue().doubleValue() >= now - ChartsViewModel.HISTORY_SECONDS);
            assertEquals(now, series.get(series.size() - 1).getXValue().doubleValue());
        }
        for (ActionMarker m : vm.actionMarkers()) {
            assertTrue(m.atSeconds() >= now - ChartsViewModel.HISTORY_SECONDS, "old marker kept: " + m);
        }
        for (IncidentBand b : vm.incidentBands()) {
            assertTrue(b.endSeconds() >= now - ChartsViewModel.HISTORY_SECONDS, "old band kept: " + b);
        }
        // the time axes end at now or a few seconds after (they move in steps), and span the history exactly
        double upper = vm.timeUpperProperty().get();
        assertTrue(upper >= now && upper < now + 11, "upper " + upper);
        assertEquals(upper - ChartsViewModel.HISTORY_SECONDS, vm.timeLowerProperty().get());
        // the shift at 302 s has left the window; the circuit opened at 423 s and the recovery near 800 s remain
        assertTrue(vm.actionMarkers().stream().noneMatch(m -> m.atSeconds() < 350), vm.actionMarkers().toString());
        assertTrue(vm.actionMarkers().size() >= 2, vm.actionMarkers().toString());
    }

    @Test
    void issuerBarsAreTheWorldsFiveIssuersUpdatedInPlace() {
        ChartsViewModel vm = fed(frames.subList(0, 290), "stripe-outage");
        assertEquals(List.of("HDFC", "ICICI", "SBI", "AXIS", "KOTAK"),
                vm.issuerSuccess().stream().map(XYChart.Data::getXValue).toList());
        assertEquals(5, vm.issuerBaseline().size());
        List<XYChart.Data<String, Number>> before = new ArrayList<>(vm.issuerSuccess());
        double hdfcBefore = before.get(0).getYValue().doubleValue();
        assertTrue(hdfcBefore > 90, "HDFC before " + hdfcBefore);
        assertEquals(HealthLevel.HEALTHY, before.get(0).getExtraValue());

        feed(vm, frames.subList(290, 420));
        for (int i = 0; i < 5; i++) {
            assertSame(before.get(i), vm.issuerSuccess().get(i), "bars are updated, not replaced");
            // the outage is on a gateway, so every issuer's traffic suffers
            double rate = vm.issuerSuccess().get(i).getYValue().doubleValue();
            double base = vm.issuerBaseline().get(i).getYValue().doubleValue();
            assertTrue(rate < 85);
            // the baseline is the agent's reference for the issuer, which stays where it was before the outage
            assertTrue(base > 90, "the baseline holds: " + base);
            assertEquals(base - rate >= KpiTilesViewModel.DOWN_DROP_POINTS ? HealthLevel.DOWN : HealthLevel.DEGRADED,
                    vm.issuerSuccess().get(i).getExtraValue());
        }
    }

    @Test
    void gatewayErrorsDominateTheErrorMixDuringTheOutage() {
        ChartsViewModel vm = fed(frames.subList(0, 290), "stripe-outage");
        assertEquals(Status.values().length - 1, vm.errorMix().size(), "a bar per failure status, OTHER_FAILURE too");
        assertTrue(largest(vm) != Status.GATEWAY_ERROR, "before the outage declines lead");
        List<XYChart.Data<Number, String>> bars = new ArrayList<>(vm.errorMix());

        feed(vm, frames.subList(290, 420));
        assertEquals(Status.GATEWAY_ERROR, largest(vm));
        double gatewayShare = share(vm, Status.GATEWAY_ERROR);
        assertTrue(gatewayShare > 50, "gateway errors " + gatewayShare + "% of failures");
        double sum = vm.errorMix().stream().mapToDouble(d -> d.getXValue().doubleValue()).sum();
        assertEquals(100, sum, 1e-6, "shares of failed attempts add up");
        for (int i = 0; i < bars.size(); i++) {
            assertSame(bars.get(i), vm.errorMix().get(i));
        }
        assertEquals(Boolean.TRUE, vm.errorMix().stream().filter(d -> d.getYValue().equals("USER_DECLINED"))
                .findFirst().orElseThrow().getExtraValue(), "declines are customer-side");
    }

    private static Status largest(ChartsViewModel vm) {
        XYChart.Data<Number, String> top = vm.errorMix().get(0);
        for (XYChart.Data<Number, String> d : vm.errorMix()) {
            if (d.getXValue().doubleValue() > top.getXValue().doubleValue()) {
                top = d;
            }
        }
        return Status.valueOf(top.getYValue());
    }

    private static double share(ChartsViewModel vm, Status s) {
        return vm.errorMix().stream().filter(d -> d.getYValue().equals(s.name())).findFirst().orElseThrow()
                .getXValue().doubleValue();
    }

    @Test
    void aNewSessionClearsEverything() {
        ChartsViewModel vm = fed(frames.subList(0, 500), "stripe-outage");
        assertFalse(vm.successPoints().isEmpty());
        assertFalse(vm.incidentBands().isEmpty());
        assertFalse(vm.actionMarkers().isEmpty());

        vm.onSessionStart(TestFrames.session("quiet", 3));
        assertTrue(vm.successPoints().isEmpty());
        assertTrue(vm.successBaselinePoints().isEmpty());
        assertTrue(vm.latencyPoints().isEmpty());
        assertTrue(vm.latencyBaselinePoints().isEmpty());
        assertTrue(vm.incidentBands().isEmpty());
        assertTrue(vm.actionMarkers().isEmpty());
        assertEquals(5, vm.issuerSuccess().size());
        assertTrue(vm.issuerSuccess().stream().allMatch(d -> d.getYValue().doubleValue() == 0));
        assertTrue(vm.errorMix().stream().allMatch(d -> d.getXValue().doubleValue() == 0));
        assertEquals(0, vm.timeLowerProperty().get());

        // and the same frames again give the same markers: nothing remembered from the old session
        feed(vm, frames.subList(0, 500));
        assertEquals(fed(frames.subList(0, 500), "stripe-outage").actionMarkers(), vm.actionMarkers());
    }

    @Test
    void axesFollowTheData() {
        assertEquals(60, ChartsViewModel.timeTick(420));
        assertEquals(120, ChartsViewModel.timeTick(900));
        assertEquals(15, ChartsViewModel.timeTick(120));
        assertEquals(75, ChartsViewModel.percentLower(78.2));
        assertEquals(90, ChartsViewModel.percentLower(99.5));
        assertEquals(250, ChartsViewModel.niceStep(230));
        ChartsViewModel vm = fed(frames.subList(0, 60), "stripe-outage");
        assertEquals(0, vm.timeLowerProperty().get());
        assertEquals(ChartsViewModel.MIN_SPAN_SECONDS, vm.timeUpperProperty().get(),
                "the first minute is not stretched");
        assertTrue(vm.latencyUpperProperty().get() >= vm.latencyPoints().stream()
                .mapToDouble(d -> d.getYValue().doubleValue()).max().orElseThrow());
    }
}
