package io.payops.engine;

import io.payops.common.Json;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.domain.Lesson;
import io.payops.report.RunReport;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.store.SessionMeta;
import io.payops.store.SessionReader;
import io.payops.store.SessionRetention;
import io.payops.store.StateFiles;
import io.payops.store.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run persisted through the state writer: every §5.6 file, lessons carried to the next session, retention, and a
 * disk that fails under it (the run goes on and says so).
 */
class StateWriterTest {
    /** stripe-outage until shortly after the agent's first actions have been judged, so there are lessons. */
    static final Scenario SCENARIO = ScenarioLoader.builtIn("stripe-outage").withSeed(5).withDuration(420);
    static final RunSettings SETTINGS = new RunSettings("agent", ApprovalMode.DEFAULT_HEADLESS, "heuristic");
    private final AtomicInteger seconds = new AtomicInteger();
    /** Each session starts one wall second after the last, so session ids (which sort by start time) differ. */
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.parse("2026-11-21T10:00:00Z").plus(Duration.ofSeconds(seconds.get()));
        }
    };

    private record Persisted(RunReport report, StateWriter writer, List<String> problems, List<Frame> frames) {
    }

    private Persisted run(Path state, StateWriter.Settings settings, Consumer<Frame> during) {
        seconds.incrementAndGet();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        StateStore store = new StateStore(state, problems::add);
        List<Lesson> lessons = store.loadLessons();
        StateWriter writer = StateWriter.start(store, null, SCENARIO, "agent", "auto:60", "heuristic", false, lessons, settings,
                clock, problems::add);
        List<Frame> frames = new ArrayList<>();
        RunReport report = ScenarioRunner.run(SCENARIO, SETTINGS, lessons, null, f -> {
            frames.add(f);
            writer.accept(f);
            during.accept(f);
        });
        writer.close();
        return new Persisted(report, writer, problems, frames);
    }

    @Test
    void everyStateFileIsWrittenAndTheSessionReplaysExactly(@TempDir Path state) throws IOException {
        Persisted p = run(state, StateWriter.Settings.HEADLESS, f -> { });
        assertEquals(List.of(), p.problems());
        Frame last = p.frames().get(p.frames().size() - 1);
        StateFiles.Metrics metrics = read(state, StateStore.METRICS, StateFiles.Metrics.class);
        assertEquals(last.snapshot(), metrics.latest());
        assertEquals(420, metrics.trend().size());
        assertEquals(last.routing(), read(state, StateStore.ROUTING, StateFiles.Routing.class).routing());
        StateFiles.Actions actions = read(state, StateStore.ACTIONS, StateFiles.Actions.class);
        assertEquals(p.report().actions().size(), actions.actions().size());
        assertNotNull(actions.latest());
        StateFiles.Approvals approvals = read(state, StateStore.APPROVALS, StateFiles.Approvals.class);
        assertEquals(p.report().approvalsRequested(), approvals.pending().size() + approvals.decided().size());
        assertTrue(approvals.decided().stream().allMatch(r -> r.decidedBy() != null && r.decidedAtMillis() != null));
        assertFalse(read(state, StateStore.HYPOTHESES, StateFiles.Hypotheses.class).history().isEmpty());
        List<Lesson> lessons = read(state, StateStore.LESSONS, StateFiles.Lessons.class).lessons();
        assertEquals(last.step().learning().total(), lessons.size());
        assertTrue(lessons.size() > 0, "the run learnt something");
        List<String> audit = Files.readAllLines(state.resolve(StateStore.AUDIT));
        // a line per action record, and one per approval request that ended (how and why)
        long actionLines = p.frames().stream().mapToLong(f -> f.step().actions().size()).sum();
        long endLines = p.frames().stream().mapToLong(f -> f.step().approvalEnds().size()).sum();
        assertEquals(p.report().approvalsRequested() - approvals.pending().size(), endLines);
        assertEquals(actionLines + endLines, audit.size());
        for (String line : audit) {
            Json.mapper().readValue(line, StateFiles.AuditEntry.class);
        }
        try (SessionReader r = SessionReader.open(p.writer().sessionDir(), x -> { })) {
            assertEquals(SessionMeta.COMPLETE, r.meta().status());
            assertEquals(p.frames().size(), r.size());
            assertEquals(p.frames().get(333), r.frame(333));
            assertEquals(last, r.frame(r.size() - 1));
        }
    }

    @Test
    void lessonsCarryAcrossSessions(@TempDir Path state) throws IOException {
        Persisted first = run(state, StateWriter.Settings.HEADLESS, f -> { });
        int learnt = first.frames().get(first.frames().size() - 1).step().learning().total();
        Persisted second = run(state, StateWriter.Settings.HEADLESS, f -> { });
        assertEquals(learnt, second.frames().get(0).step().learning().total(), "the agent starts with the lessons");
        assertEquals(second.frames().get(second.frames().size() - 1).step().learning().total(),
                read(state, StateStore.LESSONS, StateFiles.Lessons.class).lessons().size());
        assertTrue(learnt > 0);
    }

    @Test
    void onlyTheNewestSessionsAreKept(@TempDir Path state) throws IOException {
        StateWriter.Settings keep2 = StateWriter.Settings.HEADLESS.withRetention(new SessionRetention(2, 1L << 30));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(run(state, keep2, f -> { }).writer().sessionId());
        }
        try (Stream<Path> s = Files.list(state.resolve(StateStore.SESSIONS))) {
            assertEquals(ids.subList(2, 4), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aSessionOutgrowingTheDiskLimitStopsRecordingAndStaysReadable(@TempDir Path state) throws IOException {
        Persisted p = run(state, StateWriter.Settings.HEADLESS.withRetention(new SessionRetention(5, 1L << 20)), f -> { });
        assertTrue(p.problems().stream().anyMatch(m -> m.contains("reached the size limit of 1 MB")), p.problems().toString());
        try (SessionReader r = SessionReader.open(p.writer().sessionDir(), x -> { })) {
            assertEquals(SessionMeta.STOPPED, r.meta().status());
            assertTrue(r.size() > 10 && r.size() < p.frames().size(), "recorded " + r.size());
            assertEquals(p.frames().get(r.size() - 1), r.frame(r.size() - 1));
        }
        assertEquals(p.frames().get(p.frames().size() - 1).routing(),
                read(state, StateStore.ROUTING, StateFiles.Routing.class).routing(), "state files still follow the run");
    }

    @Test
    void aStateFolderThatCannotBeWrittenIsReportedAndTheRunGoesOnUnchanged(@TempDir Path tmp) throws IOException {
        Path state = tmp.resolve("state");
        Files.writeString(state, "a file where the folder should be");
        Persisted p = run(state, StateWriter.Settings.HEADLESS, f -> { });
        RunReport plain = ScenarioRunner.run(SCENARIO, SETTINGS);
        assertEquals(((com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(plain)).without("wallMillis"),
                ((com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(p.report())).without("wallMillis"));
        assertTrue(p.problems().stream().anyMatch(m -> m.startsWith("Cannot record this session")), p.problems().toString());
        assertTrue(p.problems().stream().anyMatch(m -> m.startsWith("Cannot write the state folder")
                && m.contains("The engine keeps running")), p.problems().toString());
        assertEquals(1, p.problems().stream().filter(m -> m.startsWith("Cannot write the state folder")).count(),
                "reported once, not once a second: " + p.problems());
    }

    @Test
    void aSessionFolderDeletedMidRunIsReportedAndTheRunGoesOn(@TempDir Path state) throws IOException {
        seconds.incrementAndGet();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        StateStore store = new StateStore(state, problems::add);
        StateWriter writer = StateWriter.start(store, null, SCENARIO, "agent", "auto:60", "heuristic", false, List.of(),
                new StateWriter.Settings(SessionRetention.DEFAULT, 0, true, 4), clock, problems::add);
        Path session = writer.sessionDir();
        RunReport report = ScenarioRunner.run(SCENARIO, SETTINGS, List.of(), null, f -> {
            writer.accept(f);
            if (f.tick() == 100) {
                deleteTree(session);
            }
        });
        writer.close();
        assertEquals(SCENARIO.durationSeconds(), report.simulatedSeconds());
        assertTrue(problems.stream().anyMatch(m -> m.contains("was deleted")), problems.toString());
        assertEquals(420, read(state, StateStore.METRICS, StateFiles.Metrics.class).trend().size(), "state files go on");
    }

    /** Deletes a folder the state writer is writing into at that moment: files may come and go while it walks. */
    private static void deleteTree(Path dir) {
        while (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException e) {
                // the writer added or renamed a file meanwhile: walk again
            } catch (java.io.UncheckedIOException e) {
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                    throw e;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static <T> T read(Path state, String name, Class<T> type) throws IOException {
        return Json.mapper().readValue(state.resolve(name).toFile(), type);
    }
}
