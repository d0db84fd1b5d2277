package io.payops.policy;

import io.payops.domain.ActionRecord;
import io.payops.domain.ActionType;
import io.payops.domain.Dimension;
import io.payops.domain.PolicyStep;
import io.payops.domain.RetryPolicy;
import io.payops.domain.RoutingState;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;
import io.payops.engine.RunSettings;
import io.payops.report.RunReport;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Routing;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.sim.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BanditPolicyTest {
    private static final World WORLD = World.defaultWorld();

    // ---- blocks of 5 -----------------------------------------------------------------------------------------

    @Test
    void blocksCountOnlyFullBlocksAndKeepTheLastForty() {
        BanditPolicy.Blocks b = new BanditPolicy.Blocks();
        b.add(3, 2);
        assertEquals(0, b.attempts());
        assertTrue(Double.isNaN(b.rate()));
        b.add(4, 4); // 2 of these fill the first block (2 + 2 successes), 2 start the next
        assertEquals(5, b.attempts());
        assertEquals(0.8, b.rate(), 1e-9);
        b.add(100, 0);
        assertEquals(40, b.attempts(), "only the last 8 blocks of 5 are kept");
        assertEquals(0.0, b.rate(), 1e-9);
        b.add(10, 10); // 3 complete the open block (2 failures before them), 5 fill the next, 2 stay open
        assertEquals(40, b.attempts());
        assertEquals((3 + 5) / 40.0, b.rate(), 1e-9);
        b.clear();
        assertEquals(0, b.attempts());
    }

    // ---- hand-made per-second snapshots ----------------------------------------------------------------------

    private static SegmentStats stats(Target t, long attempts, long successes) {
        return new SegmentStats(t, attempts, attempts, successes, attempts == 0 ? 1 : (double) successes / attempts,
                300, 800, 1200, 1.0, attempts, Map.of());
    }

    private static Target path(String g, String i) {
        return Target.of(Dimension.GATEWAY, g, Dimension.ISSUER, i);
    }

    /**
     * One second of traffic: every gateway × issuer path gets {@code perPath} attempts, all succeeding except the
     * paths in {@code badRate}, which succeed at the given rate.
     */
    private static Snapshot second(long atMillis, int perPath, Map<Target, Double> badRate) {
        List<SegmentStats> recent = new ArrayList<>();
        long all = 0;
        long ok = 0;
        for (String g : WORLD.names(Dimension.GATEWAY)) {
            for (String i : WORLD.names(Dimension.ISSUER)) {
                Target t = path(g, i);
                long s = Math.round(perPath * badRate.getOrDefault(t, 1.0));
                recent.add(stats(t, perPath, s));
                all += perPath;
                ok += s;
            }
        }
        SegmentStats total = stats(Target.ALL, all, ok);
        return new Snapshot(atMillis, 60, 900, total, List.of(), total, List.of(), total, recent);
    }

    private static PolicyStep tick(BanditPolicy p, Routing r, Snapshot s) {
        return p.onTick(new PolicyContext(s.atMillis(), s, r));
    }

    @Test
    void opensACircuitOnAPathFarBelowTheIssuersBestAndClosesItAfterAMinute() {
        Routing routing = new Routing(WORLD, RetryPolicy.DEFAULT);
        BanditPolicy bandit = new BanditPolicy();
        Target bad = path("razorpay", "SBI");
        Map<Target, Double> fault = Map.of(bad, 0.5);
        List<ActionRecord> records = new ArrayList<>();
        long openedAt = -1;
        for (long t = 1000; t <= 90_000; t += 1000) {
            PolicyStep step = tick(bandit, routing, second(t, 5, fault));
            records.addAll(step.actions());
            if (openedAt < 0 && routing.state().openCircuits().contains(bad)) {
                openedAt = t;
            }
        }
        assertFalse(bandit.usedWindowFallback());
        assertEquals(10_000, openedAt, "40 attempts after 8 s; the first check after that is at 10 s");
        ActionRecord open = records.stream().filter(r -> r.action().type() == ActionType.OPEN_CIRCUIT).findFirst()
                .orElseThrow();
        assertEquals(bad, open.action().target());
        assertFalse(open.recovery());
        ActionRecord close = records.stream().filter(r -> r.action().type() == ActionType.CLOSE_CIRCUIT).findFirst()
                .orElseThrow();
        assertEquals(bad, close.action().target());
        assertEquals(70_000, close.atMillis());
        assertTrue(close.recovery());
        // after closing, the path is judged on 40 fresh attempts (8 s at 5/s), so it is open again at 80 s
        assertTrue(routing.state().openCircuits().contains(bad));
        assertEquals(1, routing.state().openCircuits().size(), "no other path is touched");
        // a bad path on one issuer costs razorpay a little weight, but not 5 points, so weights stay as they were
        assertTrue(records.stream().noneMatch(r -> r.action().type() == ActionType.SHIFT_TRAFFIC), records.toString());
        assertEquals(routing.initialState().weights(), routing.state().weights());
    }

    @Test
    void aFailingGatewayLosesWeightButKeepsItsExplorationShare() {
        Routing routing = new Routing(WORLD, RetryPolicy.DEFAULT);
        BanditPolicy bandit = new BanditPolicy();
        Map<Target, Double> fault = new java.util.HashMap<>();
        for (String i : WORLD.names(Dimension.ISSUER)) {
            fault.put(path("stripe", i), 0.2);
        }
        List<ActionRecord> records = new ArrayList<>();
        for (long t = 1000; t <= 30_000; t += 1000) {
            records.addAll(tick(bandit, routing, second(t, 3, fault)).actions());
        }
        RoutingState state = routing.state();
        assertEquals(0.05, state.share("stripe"), 0.005, "stripe keeps only the 20%/4 exploration share");
        ActionRecord shift = records.stream().filter(r -> r.action().type() == ActionType.SHIFT_TRAFFIC).findFirst()
                .orElseThrow();
        assertEquals(Target.gateway("stripe"), shift.action().target());
        assertTrue(shift.action().fraction() > 0.5);
        assertTrue(state.openCircuits().size() >= 5, "every stripe path is far below the issuer's best: " + state);
        for (Target t : state.openCircuits()) {
            assertEquals("stripe", t.get(Dimension.GATEWAY));
        }
    }

    @Test
    void withoutPerSecondDataItReadsTheWindow() {
        Snapshot windowOnly = new Snapshot(5_000, 60, 900, stats(Target.ALL, 10, 10), List.of(),
                stats(Target.ALL, 10, 10), List.of());
        assertFalse(BanditPolicy.hasPerSecondData(windowOnly));
        SegmentStats busy = stats(Target.ALL, 10, 10);
        assertFalse(BanditPolicy.hasPerSecondData(new Snapshot(5_000, 60, 900, busy, List.of(), busy, List.of(), busy,
                List.of())), "attempts in the last second but no per-segment breakdown: not filled");
        SegmentStats idle = stats(Target.ALL, 0, 0);
        assertTrue(BanditPolicy.hasPerSecondData(new Snapshot(5_000, 60, 900, idle, List.of(), idle, List.of(), idle,
                List.of())), "an idle second is real data");
        BanditPolicy bandit = new BanditPolicy();
        tick(bandit, new Routing(WORLD, RetryPolicy.DEFAULT), windowOnly);
        assertTrue(bandit.usedWindowFallback());
    }

    // ---- whole scenarios -------------------------------------------------------------------------------------

    @Test
    void onStripeOutageItPreventsMostOfTheLoss() {
        Scenario scenario = ScenarioLoader.builtIn("stripe-outage").withDuration(900);
        RunReport stat = ScenarioRunner.run(scenario, RunSettings.of("static"));
        RunReport bandit = ScenarioRunner.run(scenario, RunSettings.of("bandit"));
        assertTrue(bandit.excessFailures() < 0.5 * stat.excessFailures(),
                "bandit " + bandit.excessFailures() + " static " + stat.excessFailures());
        assertTrue(bandit.actions().stream().anyMatch(a -> a.type().equals("open_circuit")
                && "stripe".equals(a.target().get(Dimension.GATEWAY))));
    }

    static Stream<Arguments> scenariosAndSeeds() {
        return Stream.of("quiet", "stripe-outage", "sbi-degradation", "icici-down-everywhere")
                .flatMap(name -> Stream.of(Arguments.of(name, 1L), Arguments.of(name, 2L)));
    }

    /** One case per scenario and seed, so one failure hides no other. */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("scenariosAndSeeds")
    void neverLeavesTrafficWithoutARoute(String name, long seed) {
        Scenario scenario = ScenarioLoader.builtIn(name).withSeed(seed).withDuration(600);
        List<RoutingState> bad = new ArrayList<>();
        RunReport report = ScenarioRunner.run(scenario, RunSettings.of("bandit"), null, frame -> {
            RoutingState r = frame.routing();
            if (r.totalWeight() <= 0 || r.weights().values().stream().anyMatch(w -> !(w >= 0))) {
                bad.add(r);
            }
        });
        assertTrue(bad.isEmpty(), name + " seed " + seed + ": " + bad);
        Map<String, Double> w = report.finalRouting().weights();
        assertTrue(w.values().stream().allMatch(v -> v >= 0), w.toString());
        double sum = w.values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(sum > 0, w.toString());
        for (double v : w.values()) {
            assertTrue(v / sum >= 0.05 - 1e-3, "every gateway keeps being explored: " + w);
        }
    }
}
