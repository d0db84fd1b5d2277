package io.payops.ingest;

import io.payops.domain.Detection;
import io.payops.engine.EventLogSession;
import io.payops.engine.RunSettings;
import io.payops.report.IncidentReport;
import io.payops.report.IngestIncident;
import io.payops.report.IngestReport;
import io.payops.report.RunReport;
import io.payops.run.EventLogRunner;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #7's round trip: a simulated run exported as an event log and ingested back over the same world gives the
 * same diagnoses at the same times. The traffic in the file already carries the simulated run's routing changes, so
 * the open-loop agent sees exactly the snapshots the closed-loop one saw, and must decide alike.
 */
class EventLogRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"stripe-outage, jsonl", "sbi-degradation, csv", "paypal-latency-spike, jsonl", "adyen-retry-storm, csv", "quiet, csv"})
    void anExportedRunIngestedBackGivesTheSameDiagnosesAndDetectionTimes(String name, String format) throws Exception {
        Scenario scenario = ScenarioLoader.builtIn(name);
        Path log = dir.resolve(name + "." + format);
        List<Detection> simulated = new ArrayList<>();
        RunReport run;
        try (EventLogWriter writer = new EventLogWriter(log, EventLogFormat.of(format), EventLogWriter.DEFAULT_START)) {
            run = ScenarioRunner.run(scenario, RunSettings.of("agent"), writer, f -> simulated.addAll(f.step().detections()));
            writer.commit();
        }

        List<Detection> ingested = new ArrayList<>();
        EventLogSession session = EventLogSession.open(log, null, scenario, false, () -> false);
        IngestReport report = EventLogRunner.run(session, RunSettings.of("agent"), f -> ingested.addAll(f.step().detections()),
                () -> false);

        assertEquals(0, report.input().badLines());
        assertTrue(session.scenario().eventLog() && !scenario.eventLog(), "the log's run is marked as one");
        assertEquals(0, report.input().outOfOrder());
        assertEquals(run.attempts(), report.attempts());
        assertEquals(simulated, ingested, "every detection: same time, diagnosis, target and confidence");
        for (IncidentReport fault : run.incidents()) {
            if (fault.detectedAtSecond() == null) {
                continue;
            }
            // the log's incident on that traffic opened no later than the run's first detection of the fault
            IngestIncident found = report.incidents().stream()
                    .filter(i -> i.target().overlaps(fault.target()))
                    .filter(i -> i.detectedAtSecond().doubleValue() <= fault.detectedAtSecond().doubleValue())
                    .findFirst().orElse(null);
            assertNotNull(found, "the incident detected at " + fault.detectedAtSecond() + " s is found by then in "
                    + report.incidents());
        }
        if (name.equals("quiet")) {
            assertTrue(report.incidents().isEmpty(), "no fault, no incident: " + report.incidents());
        } else {
            assertFalse(report.incidents().isEmpty());
        }
        assertTrue(report.actions().stream().allMatch(a -> Boolean.FALSE.equals(a.applied())), "all are recommendations");
        assertEquals(run.actions().size(), report.actions().size());
    }
}
