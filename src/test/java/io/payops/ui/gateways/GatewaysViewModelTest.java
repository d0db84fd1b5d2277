package io.payops.ui.gateways;

import io.payops.domain.ActionType;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.domain.SegmentStats;
import io.payops.domain.Target;
import io.payops.engine.Engine;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.TestFrames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewaysViewModelTest {
    private static final String SCENARIO = "stripe-outage";
    private static final long SEED = 7;

    private GatewaysViewModel vm;
    private Engine engine;
    private Frame latest;

    @BeforeEach
    void start() {
        vm = new GatewaysViewModel();
        vm.onSessionStart(TestFrames.session(SCENARIO, SEED));
        engine = TestFrames.engine(SCENARIO, SEED);
    }

    /** Steps the engine and feeds the frames in batches of five, as at ×100 speed. */
    private void advance(int seconds) {
        List<Frame> frames = TestFrames.step(engine, seconds);
        for (int i = 0; i < frames.size(); i += 5) {
            vm.onFrames(FrameBatch.of(frames.subList(i, Math.min(frames.size(), i + 5))));
        }
        latest = frames.get(frames.size() - 1);
    }

    @Test
    void oneCardPerGatewayAllHealthyBeforeTheOutage() {
        assertEquals(List.of("stripe", "adyen", "razorpay", "paypal"),
                vm.cards().stream().map(GatewayCardViewModel::gateway).toList());
        advance(290);
        for (GatewayCardViewModel card : vm.cards()) {
            assertEquals(GatewayHealth.HEALTHY, card.getHealth(), card.gateway() + ": " + card.healthReasonProperty().get());
            assertEquals("closed", card.circuitTextProperty().get());
            assertEquals("paths: none open", card.pathsTextProperty().get());
            assertTrue(card.successTextProperty().get().matches("\\d{2}\\.\\d%"), card.successTextProperty().get());
            assertTrue(card.p95TextProperty().get().matches("\\d+ ms"), card.p95TextProperty().get());
            assertTrue(card.rateTextProperty().get().matches("\\d+\\.\\d/s"), card.rateTextProperty().get());
        }
        Map<String, String> weights = Map.of("stripe", "40%", "adyen", "30%", "razorpay", "20%", "paypal", "10%");
        weights.forEach((g, w) -> assertEquals(w, vm.card(g).weightTextProperty().get(), g));
        assertEquals(0.40, vm.card("stripe").weightShareProperty().get(), 1e-9);
    }

    @Test
    void outageDegradesStripeAndApprovingOpensItsCircuit() {
        advance(300);
        GatewayCardViewModel stripe = vm.card("stripe");
        assertEquals(GatewayHealth.HEALTHY, stripe.getHealth());

        // the agent shifts traffic away on its own and asks to open the circuit; leave the request pending a while
        advance(40);
        assertTrue(stripe.weightShareProperty().get() < 0.40, "weight " + stripe.weightTextProperty().get());
        assertTrue(stripe.getHealth() == GatewayHealth.DEGRADED || stripe.getHealth() == GatewayHealth.DOWN,
                stripe.getHealth() + ": " + stripe.healthReasonProperty().get());
        assertEquals("closed", stripe.circuitTextProperty().get());
        assertTrue(vm.card("adyen").weightShareProperty().get() > 0.30, "adyen takes over some of stripe's traffic");

        ApprovalRequest open = latest.step().pendingApprovals().stream()
                .filter(a -> a.action().type() == ActionType.OPEN_CIRCUIT
                        && a.action().target().equals(Target.gateway("stripe")))
                .findFirst().orElseThrow();
        engine.submit(new Command.Decide(open.actionId(), true, "test"));
        advance(5);
        assertEquals("open", stripe.circuitTextProperty().get());
        assertEquals("0%", stripe.weightTextProperty().get());
        assertEquals(0.0, stripe.weightShareProperty().get());
        assertEquals(GatewayHealth.DOWN, stripe.getHealth());
        assertTrue(stripe.healthReasonProperty().get().startsWith("circuit open"));

        // once the window holds no stripe traffic (a minute of open circuit between probes) the numbers read "—"
        // rather than stale or zero values; the agent probes an open circuit well within a minute, so the frame is
        // the latest one with stripe's segments gone, as the observer would publish it then
        Frame quiet = withoutGateway(latest, "stripe");
        vm.onFrames(FrameBatch.of(List.of(quiet)));
        assertEquals(null, segmentOf(quiet, "stripe"));
        assertEquals("—", stripe.successTextProperty().get());
        assertEquals("—", stripe.p95TextProperty().get());
        assertEquals("—", stripe.rateTextProperty().get());
        assertEquals(GatewayHealth.DOWN, stripe.getHealth());
    }

    private static Frame withoutGateway(Frame f, String gateway) {
        io.payops.domain.Snapshot s = f.snapshot();
        java.util.function.Predicate<SegmentStats> keep = x -> !gateway.equals(x.target().get(io.payops.domain.Dimension.GATEWAY));
        io.payops.domain.Snapshot quiet = new io.payops.domain.Snapshot(s.atMillis() + 1000, s.windowSeconds(),
                s.baselineSeconds(), s.total(), s.segments().stream().filter(keep).toList(), s.baselineTotal(),
                s.baselineSegments(), s.recentTotal(), s.recentSegments().stream().filter(keep).toList());
        return new Frame(f.tick() + 1, f.simMillis() + 1000, false, quiet, f.routing(), f.faults(), f.step(), f.totals(),
                List.of(), List.of(), f.tickets());
    }

    private static SegmentStats segmentOf(Frame f, String gateway) {
        SegmentStats s = f.snapshot().segment(Target.gateway(gateway));
        return s == null || s.attempts() == 0 ? null : s;
    }

    @Test
    void sparklineKeepsTheLastTwoMinutesOnePointPerFrame() {
        advance(60);
        GatewayCardViewModel adyen = vm.card("adyen");
        assertEquals(60, adyen.sparkline().size());
        advance(340);
        List<SparkPoint> points = adyen.sparkline();
        assertTrue(points.size() <= GatewayCardViewModel.SPARKLINE_SECONDS + 1, "points " + points.size());
        assertTrue(points.size() >= GatewayCardViewModel.SPARKLINE_SECONDS, "points " + points.size());
        assertEquals(latest.simSeconds(), points.get(points.size() - 1).seconds());
        assertTrue(latest.simSeconds() - points.get(0).seconds() <= GatewayCardViewModel.SPARKLINE_SECONDS);
        assertTrue(points.stream().noneMatch(p -> Double.isNaN(p.success())), "adyen always has traffic");
    }

    @Test
    void newSessionStartsFromCleanCards() {
        advance(340);
        GatewayCardViewModel old = vm.card("stripe");
        assertTrue(old.sparkline().size() > 0);

        vm.onSessionStart(TestFrames.session("quiet", 3));
        GatewayCardViewModel fresh = vm.card("stripe");
        assertNotNull(fresh);
        assertNotSame(old, fresh);
        assertEquals(4, vm.cards().size());
        assertEquals(0, fresh.sparkline().size());
        assertEquals("—", fresh.successTextProperty().get());
        assertEquals("40%", fresh.weightTextProperty().get());
        assertEquals("closed", fresh.circuitTextProperty().get());
        assertEquals(GatewayHealth.HEALTHY, fresh.getHealth());
    }

    @Test
    void healthRule() {
        SegmentStats base = stats(0.95, 800, 1000);
        assertEquals(GatewayHealth.HEALTHY, judge(CircuitState.CLOSED, CircuitState.CLOSED, 0.4, stats(0.93, 900, 500), base));
        assertEquals(GatewayHealth.DOWN, judge(CircuitState.OPEN, CircuitState.CLOSED, 0, null, base));
        assertEquals(GatewayHealth.DOWN, judge(CircuitState.CLOSED, CircuitState.CLOSED, 0.4, stats(0.45, 800, 500), base));
        assertEquals(GatewayHealth.DEGRADED, judge(CircuitState.CLOSED, CircuitState.CLOSED, 0.4, stats(0.89, 800, 500), base));
        assertEquals(GatewayHealth.DEGRADED, judge(CircuitState.CLOSED, CircuitState.CLOSED, 0.4, stats(0.95, 1200, 500), base));
        assertEquals(GatewayHealth.DEGRADED, judge(CircuitState.CLOSED, CircuitState.HALF_OPEN, 0.4, stats(0.95, 800, 500), base));
        assertEquals(GatewayHealth.DEGRADED, judge(CircuitState.HALF_OPEN, CircuitState.CLOSED, 0.04, stats(0.95, 800, 30), base));
        assertEquals(GatewayHealth.DEGRADED, judge(CircuitState.CLOSED, CircuitState.CLOSED, 0.2, stats(0.95, 800, 500), base));
        // a handful of attempts (a probe) is not enough to call a gateway down
        assertEquals(GatewayHealth.HEALTHY, judge(CircuitState.CLOSED, CircuitState.CLOSED, 0.4, stats(0.2, 800, 5), base));
        // no traffic yet and normal routing: nothing says it is unwell
        assertEquals(GatewayHealth.HEALTHY, judge(CircuitState.CLOSED, CircuitState.CLOSED, 0.4, null, null));
    }

    private static GatewayHealth judge(CircuitState own, CircuitState paths, double share, SegmentStats now, SegmentStats base) {
        return GatewayCardViewModel.judge(own, paths, share, 0.4, now, base).health();
    }

    private static SegmentStats stats(double success, double p95, long attempts) {
        return new SegmentStats(Target.gateway("stripe"), attempts, attempts, Math.round(success * attempts), success,
                p95 / 2, p95, p95 * 1.2, 1.0, attempts / 60.0, Map.of());
    }
}
