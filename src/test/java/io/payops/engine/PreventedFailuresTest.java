package io.payops.engine;

import io.payops.domain.Frame;
import io.payops.domain.SimTotals;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Failed payments prevented so far" (a console KPI) is static's excess minus the routing in force's. */
class PreventedFailuresTest {
    private static SimTotals totals(String scenario, String policy) {
        Scenario s = ScenarioLoader.builtIn(scenario).withSeed(7);
        AtomicReference<Frame> last = new AtomicReference<>();
        ScenarioRunner.run(s, RunSettings.of(policy), null, last::set);
        return last.get().totals();
    }

    @Test
    void staticPreventsNothingAndItsCounterfactualIsItsOwnExcess() {
        SimTotals t = totals("stripe-outage", "static");
        assertTrue(t.excessFailures() > 500, "the outage costs static payments: " + t);
        assertEquals(t.excessFailures(), t.staticExcessFailures(), 1e-6);
        assertEquals(0, t.preventedFailures(), 1e-6);
    }

    @Test
    void theAgentPreventsMostOfTheOutageLossAndTheCounterfactualMatchesAStaticRun() {
        SimTotals agent = totals("stripe-outage", "agent");
        SimTotals stat = totals("stripe-outage", "static");
        // same seed, same payments up to routing: the counterfactual is close to what static really lost
        assertEquals(stat.excessFailures(), agent.staticExcessFailures(), stat.excessFailures() * 0.05);
        assertTrue(agent.preventedFailures() > 0.7 * agent.staticExcessFailures(), agent.toString());
    }

    @Test
    void quietTrafficHasNothingToPrevent() {
        SimTotals t = totals("quiet", "agent");
        assertEquals(0, t.staticExcessFailures(), 1e-9);
    }
}
