package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;
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

    private Path foreign() throws IOException {
        StringBuilder b = new StringBuilder("t_ms,route,res,rt,shard\n");
        for (int i = 0; i < 400; i++) {
            String res = i % 10 == 0 ? "E10" : i % 37 == 0 ? "ZZ9" : "A00";
            b.append(1772528400000L + i * 250L).append(",r").append(i % 2).append(',').append(res).append(",120,s1\n");
        }
        Path p = dir.resolve("foreign.csv");
        Files.writeString(p, b, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aForeignLogIsReadWithMapsEveryUnmappedWordIsSaidLoudlyAndNothingIsDropped() throws IOException {
        Path log = foreign();
        Path report = dir.resolve("f.json");
        var r = run("ingest", "--events", log.toString(), "--report", report.toString(), "--map", "ts=t_ms",
                "--map", "gateway=route", "--map", "status=res", "--map", "latencyMs=rt", "--status-map", "A00=SUCCESS",
                "--status-map", "E10=ISSUER_DOWN");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("WARNING") && r.err().contains("status 'ZZ9' (9 lines, first line 39) read as "
                + "OTHER_FAILURE"), r.err());
        assertTrue(r.err().contains("column 'shard' is not an event log field"), r.err());
        JsonNode json = Json.mapper().readTree(report.toFile());
        JsonNode in = json.get("input");
        assertEquals(400, in.get("events").asInt());
        assertEquals("ZZ9", in.get("unmappedStatuses").get(0).get("value").asText());
        assertEquals(9, in.get("unmappedStatuses").get(0).get("count").asInt());
        assertEquals("route", in.get("fields").get("gateway").asText());
        // 40 E10 and 9 ZZ9 (multiples of 37 that are not of 10): every failure kept
        assertEquals(351.0 / 400, json.get("successRate").asDouble(), 0.0001);

        var strict = run("ingest", "--events", log.toString(), "--report", dir.resolve("s.json").toString(), "--strict",
                "--map", "ts=t_ms", "--map", "gateway=route", "--map", "status=res", "--map", "latencyMs=rt",
                "--status-map", "A00=SUCCESS", "--status-map", "E10=ISSUER_DOWN");
        assertEquals(2, strict.code(), strict.err());
        assertTrue(strict.err().contains("--strict") && strict.err().contains("ZZ9") && strict.err().contains("shard"),
                strict.err());
        assertFalse(Files.exists(dir.resolve("s.json")), "no report under --strict");
    }

    @Test
    void aLogWithoutItsFieldsSaysEveryOneAndTheFixAndInspectShowsHowItWouldRead() throws IOException {
        Path log = foreign();
        var r = run("ingest", "--events", log.toString(), "--report", dir.resolve("x.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no column holds ts, status (or success), latencyMs, a dimension"), r.err());
        assertTrue(r.err().contains("Columns found: t_ms, route, res, rt, shard"), r.err());
        assertTrue(r.err().contains("--map ts=t_ms"), r.err());

        var inspect = run("ingest", "--inspect", log.toString(), "--map", "ts=t_ms", "--map", "gateway=route",
                "--map", "status=res", "--map", "latencyMs=rt");
        assertEquals(0, inspect.code(), inspect.err());
        assertTrue(inspect.out().contains("gateway      <- route"), inspect.out());
        assertTrue(inspect.out().contains("A00") && inspect.out().contains("UNMAPPED"), inspect.out());
        assertTrue(inspect.out().contains("events/s"), inspect.out());

        var neither = run("ingest");
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--events FILE is required"), neither.err());
        var badMap = run("ingest", "--events", log.toString(), "--map", "colour=route");
        assertEquals(2, badMap.code());
        assertTrue(badMap.err().contains("--map colour=route: 'colour' is not a field"), badMap.err());
    }

    @Test
    void anIssuerColumnHoldingCardNetworksIsSaid() throws IOException {
        StringBuilder b = new StringBuilder("timestamp,gateway,issuer,status,latency_ms\n");
        for (int i = 0; i < 300; i++) {
            b.append(String.format("2026-03-02 10:%02d:%02d,stripe,%s,Success,100%n", i / 60, i % 60,
                    i % 2 == 0 ? "VISA" : "Mastercard"));
        }
        Path log = dir.resolve("networks.csv");
        Files.writeString(log, b, StandardCharsets.UTF_8);
        var r = run("ingest", "--events", log.toString(), "--report", dir.resolve("n.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("column 'issuer' read as the issuer holds card networks")
                && r.err().contains("--map network=issuer"), r.err());
    }
}
