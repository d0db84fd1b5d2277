package io.payops.store;

import io.payops.common.Json;
import io.payops.domain.ActionType;
import io.payops.domain.Command;
import io.payops.domain.Diagnosis;
import io.payops.domain.Lesson;
import io.payops.domain.Outcome;
import io.payops.domain.RetryPolicy;
import io.payops.domain.RoutingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state folder's files: damaged ones are moved aside and reported, never overwritten; the audit only grows. */
class StateStoreTest {
    static final Lesson LESSON = new Lesson("gateway_outage on gateway", Diagnosis.GATEWAY_OUTAGE, ActionType.OPEN_CIRCUIT,
            Outcome.HELPED, 0.2, 0.95, 400, 362_000);

    @Test
    void lessonsWrittenByOneSessionLoadInTheNext(@TempDir Path dir) throws IOException {
        StateStore store = new StateStore(dir, w -> { throw new AssertionError(w); });
        assertEquals(List.of(), store.loadLessons(), "no file yet: no lessons, no warning");
        store.write(StateStore.LESSONS, new StateFiles.Lessons(StateFiles.FORMAT, List.of(LESSON)));
        assertEquals(List.of(LESSON), store.loadLessons());
        assertFalse(Files.readString(dir.resolve(StateStore.LESSONS)).contains("control"),
                "a lesson without comparable traffic is written as before");
        Lesson compared = new Lesson("issuer_degradation on gateway+issuer", Diagnosis.ISSUER_DEGRADATION,
                ActionType.OPEN_CIRCUIT, Outcome.HELPED, 0.84, 0.86, 479, 351_000, 0.93, 0.88);
        store.write(StateStore.LESSONS, new StateFiles.Lessons(StateFiles.FORMAT, List.of(LESSON, compared)));
        assertEquals(List.of(LESSON, compared), store.loadLessons());
    }

    @Test
    void anUnparsableLessonsFileIsMovedAsideReportedAndLeftIntact(@TempDir Path dir) throws IOException {
        for (String damaged : List.of("{\"format\": 1, \"lessons\": [", "not json at all", "null",
                "{\"format\": 1, \"lessons\": [{\"situation\": \"x\"}]}", "{\"format\": 1, \"lessons\": [], \"extra\": 1}")) {
            Path file = dir.resolve(StateStore.LESSONS);
            Files.writeString(file, damaged);
            List<String> warnings = new ArrayList<>();
            assertEquals(List.of(), new StateStore(dir, warnings::add).loadLessons(), damaged);
            assertEquals(1, warnings.size(), damaged);
            assertTrue(warnings.get(0).contains("lessons.json") && warnings.get(0).contains("moved aside to lessons.json.corrupt-"),
                    warnings.get(0));
            assertFalse(Files.exists(file), "the damaged file is no longer in the way");
            try (Stream<Path> s = Files.list(dir)) {
                Path aside = s.filter(p -> p.getFileName().toString().startsWith("lessons.json.corrupt-")).findFirst().orElseThrow();
                assertEquals(damaged, Files.readString(aside), "moved, not rewritten");
                Files.delete(aside);
            }
        }
    }

    @Test
    void aDamagedRoutingFileIsMovedAsideAndAGoodOneLoads(@TempDir Path dir) throws IOException {
        StateStore store = new StateStore(dir, w -> { });
        RoutingState routing = new RoutingState(Map.of("stripe", 40.0, "adyen", 30.0), List.of(), List.of(), RetryPolicy.DEFAULT);
        store.write(StateStore.ROUTING, new StateFiles.Routing(StateFiles.FORMAT, "s1", 5000, routing));
        assertEquals(routing, store.loadRouting().routing());

        Files.writeString(dir.resolve(StateStore.ROUTING), "{\"format\":1,\"session\":\"s\",\"simMillis\":1,\"routing\":"
                + "{\"weights\":{\"stripe\":-4},\"openCircuits\":[],\"halfOpenCircuits\":[],\"retryPolicy\":{\"maxRetries\":2,\"backoffMillis\":1}}}");
        List<String> warnings = new ArrayList<>();
        assertNull(new StateStore(dir, warnings::add).loadRouting());
        assertTrue(warnings.get(0).contains("routing.weights.stripe is -4.0 (expected a number >= 0)"), warnings.get(0));
        assertFalse(Files.exists(dir.resolve(StateStore.ROUTING)));
    }

    @Test
    void theAuditOnlyGrowsOneWholeLinePerEntry(@TempDir Path dir) throws IOException {
        StateStore store = new StateStore(dir, w -> { });
        StateFiles.AuditEntry a = new StateFiles.AuditEntry("2026-11-21T10:00:00Z", "s1", 1000, "command", null, null, null,
                null, null, null, null, new Command.Decide(3, true, "operator"), null);
        store.appendAudit(List.of(a, a));
        Files.writeString(dir.resolve(StateStore.AUDIT), "{\"torn\":", java.nio.file.StandardOpenOption.APPEND);
        store.appendAudit(List.of(a));
        List<String> lines = Files.readAllLines(dir.resolve(StateStore.AUDIT));
        assertEquals(4, lines.size());
        for (int i : new int[]{0, 1, 3}) {
            assertEquals(a, Json.mapper().readValue(lines.get(i), StateFiles.AuditEntry.class));
        }
        assertTrue(lines.get(0).contains("\"command\":{\"command\":\"decide\""), lines.get(0));
    }

    @Test
    void lessonsAreAddedToTheFileNeverReplacingItsOwn(@TempDir Path dir) throws IOException {
        StateStore store = new StateStore(dir, w -> { throw new AssertionError(w); });
        Lesson other = new Lesson("issuer_degradation on issuer", Diagnosis.ISSUER_DEGRADATION, ActionType.ALERT,
                Outcome.NEUTRAL, 0.5, 0.5, 100, 900_000);
        store.write(StateStore.LESSONS, new StateFiles.Lessons(StateFiles.FORMAT, List.of(LESSON)));
        assertEquals(1, store.addLessons(List.of(LESSON, other), 500), "one of the two was there already");
        assertEquals(List.of(LESSON, other), store.loadLessons());
        Lesson third = new Lesson("x", Diagnosis.GATEWAY_OUTAGE, ActionType.OPEN_CIRCUIT, Outcome.HELPED, 0.1, 0.9, 5, 1);
        store.addLessons(List.of(third), 2);
        assertEquals(List.of(other, third), store.loadLessons(), "the newest within the cap");
    }

    @Test
    void temporaryFilesOfAKilledWriteAreRemoved(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".metrics.json.123.tmp"), "{\"half");
        Files.writeString(dir.resolve("metrics.json"), "{}");
        new StateStore(dir, w -> { }).removeLeftoverTemporaryFiles();
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("metrics.json"), s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
