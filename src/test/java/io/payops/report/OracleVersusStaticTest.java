package io.payops.report;

import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The oracle bounds what routing can prevent, on every built-in scenario (one case each, so one failure hides no
 * other): never above static, far below it where routing helps, equal to it and idle where routing cannot help.
 */
class OracleVersusStaticTest {
    static Stream<String> builtIns() {
        return ScenarioLoader.builtIns().stream().map(Scenario::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtIns")
    void boundsWhatRoutingCanPrevent(String name) {
        Scenario s = ScenarioLoader.builtIn(name);
        // shared with AgentScenarioTest's prevented share, which divides by the same two runs
        RunReport stat = BuiltInRuns.of(name, "static");
        RunReport oracle = BuiltInRuns.of(name, "oracle");
        String what = s.name() + ": static " + stat.excessFailures() + " oracle " + oracle.excessFailures();
        // excess failures are reported to 0.1: half a step is rounding, more is a loss
        assertTrue(oracle.excessFailures() <= stat.excessFailures() + 0.05, what);
        if (s.routingCanHelp()) {
            // "far fewer": at least 65% of static's loss (or of 5 payments, where retries rescue most of a small fault) avoided
            assertTrue(stat.excessFailures() - oracle.excessFailures() >= 0.65 * Math.max(5, stat.excessFailures()), what);
        } else {
            assertEquals(stat.excessFailures(), oracle.excessFailures(), 1e-9, what);
            assertTrue(oracle.actions().isEmpty(), what);
        }
    }
}
