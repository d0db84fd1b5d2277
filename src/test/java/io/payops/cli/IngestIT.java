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

/**
 * {@code ingest --follow} through the real jar, as README shows it: it picks up lines appended to a growing log and
 * writes its report when SIGTERM ends it. (Plain {@code ingest} of an exported run is {@code IngestExportedRunTest}'s.)
 */
class IngestIT extends AbstractJarIT {

    @Test
    void followingPicksUpAppendedLinesAndWritesTheReportOnSigterm() throws Exception {
        List<String> lines = exportedEvents("--scenario", "stripe-outage", "--duration", "420");
        int half = lines.size() / 2;
        Path live = work.resolve("live.jsonl");
        Files.write(live, lines.subList(0, half), StandardCharsets.UTF_8);

        Path out = logs.resolve("follow-out.txt");
        Path err = logs.resolve("follow-err.txt");
        Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "ingest", "--events", "live.jsonl", "--follow",
                "--report", "follow.json")
                .directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            waitForOutput(out, "following live.jsonl", p);
            Files.write(live, lines.subList(half, lines.size()), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            // the outage starts at 300 s, in the appended half: the incident line proves the new lines were read
            waitForOutput(out, "incident gateway_outage on gateway=stripe", p);
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
}
