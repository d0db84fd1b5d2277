package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --export-events} then {@code ingest} in-process, as README shows them; and a log that cannot be followed.
 * Following a growing log until SIGTERM needs a process of its own: {@code IngestIT}.
 */
class IngestExportedRunTest extends AbstractInProcessTest {

    @Test
    void aSimulatedRunExportedAsCsvAndIngestedBackIsDetectedAtTheSameSecond() {
        Result sim = payops("run", "--scenario", "sbi-degradation", "--export-events", at("sbi.csv"), "--report",
                at("sim.json"));
        assertExit(0, sim);
        assertTrue(sim.stdout().contains("events: " + at("sbi.csv")), sim.describe());
        Result ingest = payops("ingest", "--events", at("sbi.csv"), "--world", "sbi-degradation", "--report",
                at("ingest.json"));
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
    void followingAFileThatCannotBeFollowedIsOneMessageAndTheProcessEnds() throws IOException {
        String message = assertBadInput(payops("ingest", "--events", at("missing.jsonl"), "--follow"));
        assertTrue(message.contains("missing.jsonl' does not exist"), message);
        Files.write(work.resolve("log.jsonl.gz"), new byte[]{0x1f, (byte) 0x8b});
        message = assertBadInput(payops("ingest", "--events", at("log.jsonl.gz"), "--follow"));
        assertTrue(message.contains("cannot be followed"), message);
    }
}
