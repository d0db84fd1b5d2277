package io.payops.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.Json;
import io.payops.engine.RunSettings;
import io.payops.report.IncidentReport;
import io.payops.report.RunReport;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioRunnerTest {

    private static String reportJsonWithoutWallTime(Scenario s, String policy) throws Exception {
        RunReport r = ScenarioRunner.run(s, RunSettings.of(policy));
        ObjectNode node = Json.mapper().valueToTree(r);
        node.remove("wallMillis");
        return Json.pretty().writeValueAsString(node);
    }

    @Test
    void sameScenarioAndSeedGiveByteIdenticalReports() throws Exception {
        Scenario s = ScenarioLoader.builtIn("overlapping-faults").withDuration(1300);
        for (String policy : new String[]{"static", "oracle"}) {
            String a = reportJsonWithoutWallTime(s, policy);
            String b = reportJsonWithoutWallTime(s, policy);
            assertEquals(a, b, policy);
        }
        assertTrue(!reportJsonWithoutWallTime(s.withSeed(8), "static").equals(reportJsonWithoutWallTime(s, "static")));
    }

    @Test
    void quietTrafficUnderStaticHasNoExcessFailures() {
        RunReport r = ScenarioRunner.run(ScenarioLoader.builtIn("quiet").withDuration(600), RunSettings.of("static"));
        assertEquals(0.0, r.excessFailures(), 1e-9);
        assertTrue(r.incidents().isEmpty());
        assertTrue(r.successRate() > 0.9 && r.successRate() < 0.99, "success " + r.successRate());
        assertEquals(600, r.simulatedSeconds());
    }

    @Test
    void oracleRoutesAroundTheSbiPathAndTheReportListsTheIncident() {
        Scenario s = ScenarioLoader.builtIn("sbi-degradation");
        RunReport stat = ScenarioRunner.run(s, RunSettings.of("static"));
        RunReport oracle = ScenarioRunner.run(s, RunSettings.of("oracle"));
        assertEquals(1, stat.incidents().size());
        IncidentReport i = stat.incidents().get(0);
        assertEquals("issuer_degradation", i.fault());
        assertEquals(300L, i.startSecond());
        assertEquals(900L, i.endSecond());
        assertNull(i.detectedAtSecond());
        assertNull(i.mitigatedAtSecond());
        assertTrue(stat.actions().isEmpty());
        IncidentReport oi = oracle.incidents().get(0);
        assertNotNull(oi.mitigatedAtSecond());
        assertEquals(2, oracle.actions().size()); // open at the start, close at the end
        assertEquals("open_circuit", oracle.actions().get(0).type());
        assertEquals(0, oracle.falseActions());
        assertTrue(oracle.finalRouting().openCircuits().isEmpty());
        assertTrue(oracle.excessFailures() < 0.3 * stat.excessFailures(),
                "oracle " + oracle.excessFailures() + " static " + stat.excessFailures());
    }
}
