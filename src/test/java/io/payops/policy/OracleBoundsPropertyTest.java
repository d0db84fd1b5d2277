package io.payops.policy;

import io.payops.engine.RunSettings;
import io.payops.report.RunReport;
import io.payops.run.ScenarioRunner;
import io.payops.sim.RandomScenarios;
import io.payops.sim.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The oracle is what bench divides by (prevented share = (static − policy) / (static − oracle)), so it must never
 * lose more payments than leaving routing alone. Checked on random worlds (every fault type on every target shape,
 * barely visible to total, sudden or ramped, alone or overlapping, and worlds with no fault), one case per fixed
 * seed, at their full length so late faults and their ends are in.
 */
class OracleBoundsPropertyTest {
    private static final int WORLDS = 100;
    /** Excess failures are reported to 0.1: half a step is rounding, more is a loss (bench's own test). */
    private static final double ROUNDING = 0.05;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, WORLDS);
    }

    @ParameterizedTest(name = "random world {0}")
    @MethodSource("seeds")
    void neverLosesMoreThanStatic(long seed) {
        Scenario s = RandomScenarios.generate(seed);
        RunReport stat = ScenarioRunner.run(s, RunSettings.of("static"));
        RunReport oracle = ScenarioRunner.run(s, RunSettings.of("oracle"));
        assertTrue(oracle.excessFailures() <= stat.excessFailures() + ROUNDING, () -> "seed " + seed + " ("
                + s.description() + ", faults " + s.faults() + "): oracle lost " + oracle.excessFailures()
                + " payments beyond the fault-free reference, static " + stat.excessFailures()
                + "; oracle actions " + oracle.actions());
    }
}
