package io.payops.report;

import io.payops.engine.RunSettings;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The oracle bounds what routing can prevent: far below static where routing helps, equal where it cannot. */
class OracleVersusStaticTest {
    @Test
    void overEveryBuiltInScenario() {
        for (Scenario s : ScenarioLoader.builtIns()) {
            RunReport stat = ScenarioRunner.run(s, RunSettings.of("static"));
            RunReport oracle = ScenarioRunner.run(s, RunSettings.of("oracle"));
            String what = s.name() + ": static " + stat.excessFailures() + " oracle " + oracle.excessFailures();
            if (s.routingCanHelp()) {
                // "far fewer": at least 65% of static's loss (or of 5 payments, where retries rescue most of a small fault) avoided
                assertTrue(stat.excessFailures() - oracle.excessFailures() >= 0.65 * Math.max(5, stat.excessFailures()), what);
            } else {
                assertEquals(stat.excessFailures(), oracle.excessFailures(), 1e-9, what);
                assertTrue(oracle.actions().isEmpty(), what);
            }
        }
    }
}
