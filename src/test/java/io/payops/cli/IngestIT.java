package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code run --export-events} and {@code ingest} (plain and --follow) through the real jar, as README shows them. */
class IngestIT extends AbstractJarIT {

    @Test
    void aSimulatedRunExportedAsCsvAndIngestedBackIsDetectedAtTheSameSecond() {
        Result sim = payops("run", "--scenario", "sbi-degradation", "--export-events", "sbi.csv", "--report", "sim.json");
        assertExit(0, sim);
        assertTrue(sim.stdout().contains("events: sbi.csv"), sim.describe());
        Result ingest = payops("ingest", "--events", "sbi.csv", "--world", "sbi-degradation", "--report", "ingest.json");
        assertExit(0, ingest);
        assertNoStackTrace(ingest);
        assertTrue(ingest.stdout().contains("recommendations"), ingest.describe());

        JsonNode run = readJson(work.resolve("sim.json"));
        JsonNode log = readJson(work.resolve("ingest.json"));
        JsonNode fault = run.get("incidents").get(0);
        JsonNode found = log.get("incidents").get(0);
        assertEquals(fault.get("detectedAtSecond"), found.get("detectedAtSecond"), log.toPrettyString());
        assertEquals(fault.get("diagnosis"), found.get("diagnosis"));
        assertEquals(fault.get("diagnosisTarget"), found.get("target"));
        assertEquals(run.get("attempts"), log.get("attempts"));
        assertEquals("open_loop", log.get("mode").asText());
    }

    @Test
    void followingPicksUpAppendedLinesAndWritesTheReportOnSigterm() throws Exception {
        Result sim = payops("run", "--scenario", "stripe-outage", "--duration", "420", "--export-events", "all.jsonl",
                "--report", "sim.json");
        assertExit(0, sim);
        List<String> lines = Files.readAllLines(work.resolve("all.jsonl"));
        int half = lines.size() / 2;
        Path live = work.resolve("live.jsonl");
        Files.write(live, lines.subList(0, half), StandardCharsets.UTF_8);

        Path out = logs.resolve("follow-out.txt");
        Path err = logs.resolve("follow-err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "ingest", "--events", "live.jsonl", "--follow", "--report", "follow.json")
                .directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            waitFor(out, "following live.jsonl", p);
            Files.write(live, lines.subList(half, lines.size()), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            // the outage starts at 300 s, in the appended half: the incident line proves the new lines were read
            waitFor(out, "incident gateway_outage on gateway=stripe", p);
        } finally {
            p.destroy(); // SIGTERM
            if (!p.waitFor(DEFAULT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("ingest --follow did not stop on SIGTERM\n" + Files.readString(out) + Files.readString(err));
            }
        }
        JsonNode report = readJson(work.resolve("follow.json"));
        int events = report.get("input").get("events").asInt();
        assertTrue(events > half && events <= lines.size(), "appended lines were read: " + events + " of " + lines.size());
        assertEquals("gateway_outage", report.get("incidents").get(0).get("diagnosis").asText());
        assertTrue(Files.readString(out).contains("report: follow.json"), Files.readString(out));
    }

    @Test
    void followingAFileThatCannotBeFollowedIsOneMessageAndTheProcessEnds() throws IOException {
        String message = assertBadInput(payops("ingest", "--events", "missing.jsonl", "--follow"));
        assertTrue(message.contains("missing.jsonl' does not exist"), message);
        Files.write(work.resolve("log.jsonl.gz"), new byte[]{0x1f, (byte) 0x8b});
        message = assertBadInput(payops("ingest", "--events", "log.jsonl.gz", "--follow"));
        assertTrue(message.contains("cannot be followed"), message);
    }

    /** Polls the output for a line; the deadline only ends a wait for a process that would never print it. */
    private static void waitFor(Path file, String text, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEFAULT_TIMEOUT_SECONDS);
        while (!Files.readString(file).contains(text)) {
            if (!p.isAlive()) {
                fail("ingest --follow ended early (exit " + p.exitValue() + "):\n" + Files.readString(file));
            }
            if (System.nanoTime() > deadline) {
                fail("no '" + text + "' within " + DEFAULT_TIMEOUT_SECONDS + " s:\n" + Files.readString(file));
            }
            Thread.sleep(100);
        }
    }
}
