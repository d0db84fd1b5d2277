package io.payops.agent;

import io.payops.domain.FaultSpec;
import io.payops.report.ActionReport;
import io.payops.report.BuiltInRuns;
import io.payops.report.IncidentReport;
import io.payops.report.RunReport;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's bars on the built-in scenarios (DESIGN §9), at each scenario's own fixed seed. */
class AgentScenarioTest {
    /** Scenarios built to test something other than diagnosis of every fault (the agent's own action misleads it). */
    private static final Set<String> NOT_DIAGNOSIS_SCENARIOS = Set.of("hdfc-trouble-spreads");
    private static final Set<String> ROUTING_MUST_NOT_CHANGE = Set.of("quiet", "diurnal-quiet", "user-decline-surge",
            "icici-down-everywhere", "network-errors-everywhere");

    /** Runs are shared with the other tests of the built-in scenarios: each is deterministic. */
    private static RunReport run(String name, String policy) {
        return BuiltInRuns.of(name, policy);
    }

    /** The built-in scenarios with faults to diagnose. */
    static Stream<String> diagnosisScenarios() {
        return ScenarioLoader.builtIns().stream()
                .filter(s -> !s.faults().isEmpty() && !NOT_DIAGNOSIS_SCENARIOS.contains(s.name()))
                .map(Scenario::name);
    }

    static Stream<String> routingMustNotChange() {
        return ROUTING_MUST_NOT_CHANGE.stream().sorted();
    }

    /** One case per scenario, so one scenario's failure hides no other's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("diagnosisScenarios")
    void diagnosesEveryFaultWithTheRightTypeAndTarget(String name) {
        RunReport r = run(name, "agent");
        for (IncidentReport i : r.incidents()) {
            String what = name + " " + i.faultId() + ": " + i;
            assertNotNull(i.detectedAtSecond(), what);
            assertEquals(i.fault(), i.diagnosis(), what);
            assertEquals(i.target(), i.diagnosisTarget(), what);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routingMustNotChange")
    void changesNoRoutingWhereRoutingCannotHelp(String name) {
        RunReport r = run(name, "agent");
        List<ActionReport> changes = r.actions().stream()
                .filter(a -> !a.type().equals("alert") && a.status().equals("executed")).toList();
        assertTrue(changes.isEmpty(), name + ": " + changes);
        assertEquals(0, r.falseActions(), name);
    }

    @Test
    void alertsWhenAnIssuerIsDownEverywhere() {
        RunReport icici = run("icici-down-everywhere", "agent");
        assertTrue(icici.actions().stream().anyMatch(a -> a.type().equals("alert")
                && a.target().toString().equals("issuer=ICICI")), icici.actions().toString());
    }

    @Test
    void preventsMostOfThePreventableLossAndBeatsTheBaselines() {
        double sumShare = 0;
        int n = 0;
        double agentTotal = 0;
        double rulesTotal = 0;
        double banditTotal = 0;
        StringBuilder table = new StringBuilder();
        for (Scenario s : ScenarioLoader.builtIns()) {
            if (!s.routingCanHelp() || NOT_DIAGNOSIS_SCENARIOS.contains(s.name())) {
                continue;
            }
            double stat = run(s.name(), "static").excessFailures();
            double oracle = run(s.name(), "oracle").excessFailures();
            double agent = run(s.name(), "agent").excessFailures();
            double share = (stat - agent) / (stat - oracle);
            table.append(String.format("%s static %.1f oracle %.1f agent %.1f share %.3f%n", s.name(), stat, oracle, agent, share));
            sumShare += share;
            n++;
            agentTotal += agent;
            rulesTotal += run(s.name(), "rules").excessFailures();
            banditTotal += run(s.name(), "bandit").excessFailures();
        }
        double mean = sumShare / n;
        assertTrue(mean >= 0.85, "mean share prevented " + mean + "\n" + table);
        assertTrue(agentTotal < rulesTotal, "agent " + agentTotal + " rules " + rulesTotal);
        assertTrue(agentTotal < banditTotal, "agent " + agentTotal + " bandit " + banditTotal);
    }

    @Test
    void rollsBackAnActionThatMadeThingsWorseAndLearnsThatItHurt() {
        RunReport r = run("hdfc-trouble-spreads", "agent");
        ActionReport first = r.actions().stream().filter(a -> a.type().equals("open_circuit")).findFirst().orElseThrow();
        assertEquals("gateway=razorpay issuer=HDFC", first.target().toString());
        assertTrue(first.rolledBack(), r.actions().toString());
        assertEquals("rolled_back", first.status());
        assertEquals("hurt", first.outcome());
        assertTrue(r.rollbacks() >= 1);
        assertFalse(r.finalRouting().openCircuits().contains(first.target()));
    }

    @Test
    void faultSpecsOfTheScenariosAreWhatTheTestsAssume() {
        FaultSpec f = ScenarioLoader.builtIn("hdfc-trouble-spreads").faults().get(0);
        assertEquals("gateway=razorpay issuer=HDFC", f.target().toString());
    }
}
