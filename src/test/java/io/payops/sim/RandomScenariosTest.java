package io.payops.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.Json;
import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Target;
import io.payops.run.RandomBench;
import io.payops.sim.RandomScenarios.TargetShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The random worlds of {@code bench --random} over seeds 1..2000: deterministic for a seed, different for neighbouring
 * seeds, covering every fault type on every target shape within the documented ranges, and each one a real scenario
 * (it survives being written as a scenario file and loaded back through the validation a user's file goes through).
 */
class RandomScenariosTest {
    private static final int FIRST = 1;
    private static final int COUNT = 2000;

    private static List<Scenario> worlds;

    @BeforeAll
    static void generate() {
        worlds = RandomScenarios.suite(FIRST, COUNT);
        assertEquals(COUNT, worlds.size());
    }

    @Test
    void theSameSeedGivesTheSameScenario() {
        for (long seed : new long[]{1, 7, 42, 1999, 123_456_789_012L, -3, 0}) {
            Scenario a = RandomScenarios.generate(seed);
            Scenario b = RandomScenarios.generate(seed);
            assertEquals(a, b, "seed " + seed);
            assertEquals("random-" + seed, a.name());
            assertEquals(seed, a.seed(), "the world's traffic is drawn with its own seed");
        }
        assertEquals(worlds.get(6), RandomScenarios.generate(7), "suite(1, n) holds the worlds of seeds 1..n");
        assertEquals(RandomScenarios.generate(7), ScenarioLoader.resolve("random-7"),
                "--scenario random-7 runs the same world");
    }

    /** What a world is, leaving out its name and seed (which always differ between seeds). */
    private static List<Object> content(Scenario s) {
        return List.of(s.tps(), s.shape(), s.shapePeriodSeconds(), s.faults());
    }

    @Test
    void neighbouringSeedsGiveDifferentAndUncorrelatedWorlds() {
        for (int k = 0; k + 1 < COUNT; k++) {
            assertNotEquals(content(worlds.get(k)), content(worlds.get(k + 1)),
                    "seeds " + (FIRST + k) + " and " + (FIRST + k + 1));
        }
        assertTrue(worlds.stream().map(RandomScenariosTest::content).distinct().count() > COUNT * 0.99,
                "nearly every world is its own");
        // neighbouring seeds must not give shifted copies of one stream: their draws are uncorrelated
        double[] x = new double[COUNT - 1];
        double[] y = new double[COUNT - 1];
        for (int k = 0; k + 1 < COUNT; k++) {
            x[k] = Math.log(worlds.get(k).tps());
            y[k] = Math.log(worlds.get(k + 1).tps());
        }
        double r = correlation(x, y);
        assertTrue(Math.abs(r) < 0.1, "tps of neighbouring seeds correlate: r = " + r);
    }

    private static double correlation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void everyFaultTypeAppearsOnEveryTargetShape() {
        Map<FaultType, Set<TargetShape>> seen = new EnumMap<>(FaultType.class);
        for (Scenario s : worlds) {
            for (FaultSpec f : s.faults()) {
                TargetShape shape = TargetShape.of(f.target());
                assertNotNull(shape, s.name() + ": a target of no known shape " + f.target());
                seen.computeIfAbsent(f.type(), t -> EnumSet.noneOf(TargetShape.class)).add(shape);
            }
        }
        for (FaultType t : FaultType.values()) {
            assertEquals(EnumSet.allOf(TargetShape.class), seen.get(t), t.key() + " on every target shape");
        }
    }

    @Test
    void trafficAndFaultsStayWithinTheirRanges() {
        Set<TrafficShape> shapes = EnumSet.noneOf(TrafficShape.class);
        boolean ramped = false;
        boolean sudden = false;
        for (Scenario s : worlds) {
            String w = s.name() + " " + s;
            assertTrue(s.tps() >= 5 && s.tps() <= 100, "tps in 5..100: " + w);
            assertEquals(RandomScenarios.DURATION_SECONDS, s.durationSeconds(), w);
            assertEquals(World.defaultWorld(), s.world(), w);
            assertTrue(s.shapePeriodSeconds() > 0, w);
            shapes.add(s.shape());
            for (FaultSpec f : s.faults()) {
                String what = s.name() + " " + f;
                assertTrue(f.startSecond() >= 300, "starts at 300 s or later: " + what);
                assertTrue(f.endSecond() <= s.durationSeconds() - 180, "ends 180 s before the world: " + what);
                assertTrue(f.durationSeconds() > 0, what);
                assertTrue(f.rampSeconds() >= 0 && f.rampSeconds() <= f.durationSeconds(), what);
                if (f.type() == FaultType.LATENCY_SPIKE) {
                    assertTrue(f.multiplier() >= 1.3 && f.multiplier() <= 12, "multiplier in [1.3, 12]: " + what);
                    assertEquals(0.0, f.severity(), "a latency spike has no severity: " + what);
                } else {
                    assertTrue(f.severity() >= 0.03 && f.severity() <= 1, "severity in [0.03, 1]: " + what);
                    assertEquals(1.0, f.multiplier(), what);
                }
                ramped |= f.rampSeconds() > 0;
                sudden |= f.rampSeconds() == 0;
            }
        }
        assertEquals(EnumSet.allOf(TrafficShape.class), shapes, "flat, diurnal and bursty worlds");
        assertTrue(ramped && sudden, "ramped and sudden onsets");
    }

    @Test
    void someWorldsHaveNoFaultSomeThreeAndSomeOverlappingFaults() {
        int none = 0;
        int three = 0;
        int overlapping = 0;
        for (Scenario s : worlds) {
            assertTrue(s.faults().size() <= 3, s.name());
            none += s.faults().isEmpty() ? 1 : 0;
            three += s.faults().size() == 3 ? 1 : 0;
            boolean any = false;
            for (int i = 0; i < s.faults().size(); i++) {
                any |= RandomBench.overlapping(s, i);
            }
            overlapping += any ? 1 : 0;
        }
        assertTrue(none > 0 && three > 0 && overlapping > 0,
                "no fault " + none + ", three " + three + ", overlapping " + overlapping);
        // and in roughly the documented proportions (10% with none; half of later faults drawn to overlap)
        assertTrue(none > COUNT * 0.05 && none < COUNT * 0.15, "worlds with no fault: " + none);
        assertTrue(overlapping > COUNT * 0.15, "worlds with overlapping faults: " + overlapping);
    }

    @Test
    void overlappingNeedsSharedTimeAndSharedTraffic() {
        Target paypal = Target.gateway("paypal");
        Target paypalAxis = Target.of(Dimension.GATEWAY, "paypal", Dimension.ISSUER, "AXIS");
        Target stripeAxis = Target.of(Dimension.GATEWAY, "stripe", Dimension.ISSUER, "AXIS");
        Target axis = Target.of(Dimension.ISSUER, "AXIS");
        FaultSpec outage = fault(paypal, 300, 600);
        assertEquals(List.of(true, true), overlaps(outage, fault(paypalAxis, 600, 600)), "nested in traffic and time");
        assertEquals(List.of(true, true), overlaps(outage, fault(axis, 899, 100)), "AXIS everywhere crosses PayPal");
        assertEquals(List.of(false, false), overlaps(outage, fault(stripeAxis, 600, 600)), "no shared traffic");
        assertEquals(List.of(false, false), overlaps(outage, fault(paypalAxis, 900, 300)), "one starts as the other ends");
        assertEquals(List.of(true, true, false), overlaps(outage, fault(Target.ALL, 100, 300), fault(stripeAxis, 1000, 60)),
                "all traffic overlaps whatever is on at the time");
    }

    private static FaultSpec fault(Target target, double start, double duration) {
        return new FaultSpec(FaultType.ISSUER_DEGRADATION, target, start, duration, 0.3, 1, 0);
    }

    private static List<Boolean> overlaps(FaultSpec... faults) {
        Scenario s = new Scenario("t", "t", 1, 1800, 10, TrafficShape.FLAT, 3600, List.of(faults),
                World.defaultWorld());
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < faults.length; i++) {
            out.add(RandomBench.overlapping(s, i));
        }
        return out;
    }

    /** The scenario as a user would write it in a file (DESIGN §5.2): only the keys that say something. */
    static String scenarioFile(Scenario s) throws Exception {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("name", s.name());
        root.put("description", s.description());
        root.put("seed", s.seed());
        root.put("durationSeconds", s.durationSeconds());
        root.put("tps", s.tps());
        root.put("shape", s.shape().key());
        if (s.shape() != TrafficShape.FLAT) {
            root.put("shapePeriodSeconds", s.shapePeriodSeconds());
        }
        ArrayNode faults = root.putArray("faults");
        for (FaultSpec f : s.faults()) {
            ObjectNode o = faults.addObject();
            o.put("type", f.type().key());
            ObjectNode target = o.putObject("target");
            f.target().toJson().forEach(target::put);
            o.put("startSecond", f.startSecond());
            o.put("durationSeconds", f.durationSeconds());
            if (f.type() == FaultType.LATENCY_SPIKE) {
                o.put("multiplier", f.multiplier());
            } else {
                o.put("severity", f.severity());
            }
            if (f.rampSeconds() > 0) {
                o.put("rampSeconds", f.rampSeconds());
            }
        }
        return Json.pretty().writeValueAsString(root);
    }

    @Test
    void everyWorldIsAValidScenarioFile(@TempDir Path dir) throws Exception {
        List<String> problems = new ArrayList<>();
        for (Scenario s : worlds) {
            Path file = dir.resolve(s.name() + ".json");
            Files.writeString(file, scenarioFile(s), StandardCharsets.UTF_8);
            try {
                Scenario loaded = ScenarioLoader.fromFile(file);
                if (!Objects.equals(s, loaded)) {
                    problems.add(s.name() + ": loaded back as a different scenario\n  " + s + "\n  " + loaded);
                }
            } catch (RuntimeException e) {
                problems.add(s.name() + ": " + e.getMessage());
            }
            if (problems.size() > 5) {
                break;
            }
        }
        assertEquals(List.of(), problems);
    }
}
