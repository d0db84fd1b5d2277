package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static io.payops.cli.AnalyzeCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ingest} and {@code run --export-events} in-process: exit statuses, messages and the open-loop report. */
class IngestCommandTest {
    @TempDir
    Path dir;

    private static final String LINE = "{\"ts\":\"2026-11-21T10:00:%02dZ\",\"status\":\"SUCCESS\",\"latencyMs\":100,\"gateway\":\"stripe\"}\n";

    private Path lines(int good, int bad) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < good; i++) {
            b.append(String.format(LINE, i % 60));
        }
        for (int i = 0; i < bad; i++) {
            b.append("{\"ts\":\"2026-11-21T10:00:00Z\",\"status\":\"SUCCESS\",\"latencyMs\":true,\"gateway\":\"x\"}\n");
        }
        Path p = dir.resolve("log-" + good + "-" + bad + ".jsonl");
        Files.writeString(p, b, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void anExportedRunIngestsOpenLoopIntoTheReportWithoutSimulatorFields() throws IOException {
        Path log = dir.resolve("so.csv");
        var exported = run("run", "--scenario", "stripe-outage", "--duration", "600", "--export-events", log.toString(),
                "--report", dir.resolve("run.json").toString());
        assertEquals(0, exported.code(), exported.err());
        assertTrue(exported.out().contains("events: " + log), exported.out());
        assertTrue(Files.readString(log).startsWith("ts,paymentId,attempt,gateway"), "a CSV file for a .csv name");

        Path report = dir.resolve("ingest.json");
        var r = run("ingest", "--events", log.toString(), "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("recommendations"), r.out());
        JsonNode json = Json.mapper().readTree(report.toFile());
        assertEquals("open_loop", json.get("mode").asText());
        assertTrue(json.get("note").asText().contains("none was applied"));
        for (String simulatorOnly : new String[]{"seed", "excessFailures", "falseActions", "finalRouting", "scenario"}) {
            assertFalse(json.has(simulatorOnly), simulatorOnly + " is the simulator's");
        }
        assertTrue(json.has("recommendedRouting"));
        assertEquals(0, json.get("input").get("badLines").asInt());
        assertTrue(json.get("world").asText().startsWith("inferred from the first"), json.get("world").asText());
        JsonNode incident = json.get("incidents").get(0);
        assertEquals("gateway_outage", incident.get("diagnosis").asText());
        assertEquals("stripe", incident.get("target").get("gateway").asText());
        assertTrue(json.get("actions").size() > 0);
        json.get("actions").forEach(a -> {
            assertFalse(a.get("applied").asBoolean(true), "every action is a recommendation: " + a);
            assertFalse(a.get("status").asText().equals("executed"), "nothing is executed over a log: " + a);
        });
    }

    @Test
    void aFewBadLinesAreWarnedAboutWithTheirNumbersAndTheRunGoesOn() throws IOException {
        Path log = lines(30, 12);
        var r = run("ingest", "--events", log.toString(), "--report", dir.resolve("r.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("12 of 42 lines were not events and were skipped; the first 10:"), r.err());
        assertTrue(r.err().contains("line 31: latencyMs: expected a number, was a boolean"), r.err());
        assertFalse(r.err().contains("line 41:"), "only the first ten are listed: " + r.err());
        assertTrue(Files.exists(dir.resolve("r.json")));
    }

    @Test
    void moreThanHalfBadIsExitTwoNamingTheFileAndTheFirstBadLinesAndWritesNoReport() throws IOException {
        Path log = lines(10, 11);
        var r = run("ingest", "--events", log.toString(), "--report", dir.resolve("r.json").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("payops: event log '" + log + "': 11 of 21 lines are bad, more than half"), r.err());
        assertTrue(r.err().contains("line 11: latencyMs"), r.err());
        assertFalse(Files.exists(dir.resolve("r.json")), "bad input writes no report");
    }

    @Test
    void exactlyHalfBadStillRuns() throws IOException {
        var r = run("ingest", "--events", lines(10, 10).toString(), "--report", dir.resolve("r.json").toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void anEmptyFileABinaryFileAndAMissingFileAreExitTwoWithOneMessage() throws IOException {
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        var r = run("ingest", "--events", empty.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has no events (it is empty"), r.err());

        byte[] noise = new byte[100_000];
        new SplittableRandom(5).nextBytes(noise);
        Path binary = dir.resolve("noise.jsonl");
        Files.write(binary, noise);
        r = run("ingest", "--events", binary.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("noise.jsonl") && r.err().contains("no valid event"), r.err());

        r = run("ingest", "--events", dir.resolve("missing.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing.csv' does not exist"), r.err());
        assertFalse(r.err().contains("at io.payops"), "no stack trace");
    }

    @Test
    void badOptionValuesNameTheOptionAndWhatWasExpected() throws IOException {
        Path log = lines(5, 0);
        var r = run("ingest", "--events", log.toString(), "--format", "xml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format: 'xml' is not a format (expected jsonl or csv)"), r.err());
        r = run("ingest", "--events", log.toString(), "--world", "atlantis");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("atlantis"), r.err());
        r = run("run", "--scenario", "quiet", "--export-events", dir.resolve("x.log").toString(), "--export-format", "parquet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--export-format: 'parquet'"), r.err());
        r = run("run", "--scenario", "quiet", "--export-events", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is a folder"), r.err());
        r = run("run", "--scenario", "quiet", "--export-events", dir.resolve("y.jsonl").toString(), "--export-start", "noon");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--export-start: 'noon' is not a time"), r.err());
        assertFalse(Files.exists(dir.resolve("y.jsonl")), "nothing half-written is left");
    }
}
