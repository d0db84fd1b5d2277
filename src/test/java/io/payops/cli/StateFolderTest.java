package io.payops.cli;

import io.payops.common.Json;
import io.payops.store.SessionMeta;
import io.payops.store.SessionReader;
import io.payops.store.StateFiles;
import io.payops.store.StateStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --state DIR} in-process: the state folder, its damaged files, what-if on the recording. (That no secret
 * from the environment lands in it is {@code LlmKeyIT}'s: only a process of its own has an environment to give.)
 */
class StateFolderTest extends AbstractInProcessTest {
    private String[] run() {
        return new String[] {"run", "--scenario", "stripe-outage", "--seed", "5", "--duration", "420",
                "--state", at("st"), "--report", at("r.json")};
    }

    private Path onlySession() throws IOException {
        try (Stream<Path> s = Files.list(work.resolve("st").resolve(StateStore.SESSIONS))) {
            return s.sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    @Test
    void aPersistedRunWritesEveryStateFileAndAWhatIfOfItChangesNothing() throws IOException {
        assertExit(0, payops(run()));
        Result second = payops(run());
        assertExit(0, second);
        assertTrue(second.stdout().contains("session: "), second.describe());
        Path st = work.resolve("st");
        for (String f : List.of(StateStore.METRICS, StateStore.HYPOTHESES, StateStore.ACTIONS, StateStore.APPROVALS,
                StateStore.ROUTING, StateStore.LESSONS, StateStore.AUDIT)) {
            assertTrue(Files.size(st.resolve(f)) > 0, f);
        }
        Path session = onlySession();
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            assertEquals(420, r.size());
            assertEquals(SessionMeta.COMPLETE, r.meta().status());
            assertFalse(r.meta().lessons().isEmpty(), "the second session started from the first one's lessons");
        }
        Result whatIf = payops("what-if", session.toString());
        assertExit(0, whatIf);
        assertTrue(whatIf.stdout().contains(" 0 differ"), whatIf.describe());
        Result stricter = payops("what-if", session.toString(), "--set", "maxTrafficShift=0.05");
        assertExit(0, stricter);
        assertFalse(stricter.stdout().contains(" 0 differ"), stricter.describe());
    }

    @Test
    void everyDamagedStateFileIsMovedAsideReportedOnceAndTheRunGoesOn() throws IOException {
        Files.createDirectories(work.resolve("st"));
        Map<String, String> damaged = Map.of(
                StateStore.LESSONS, "{\"format\": 1, \"lessons\": [ {\"situation\": ",
                StateStore.ROUTING, "[1, 2, 3]",
                StateStore.METRICS, "null",
                StateStore.HYPOTHESES, "{\"format\": 1, \"latest\": 7}",
                StateStore.ACTIONS, "\u0000\u0000\u0000",
                StateStore.APPROVALS, "{\"format\": 1, \"pending\": [], \"decided\": [null]}");
        damaged.forEach((name, text) -> write("st/" + name, text));
        Result r = payops(run());
        assertExit(0, r);
        for (Map.Entry<String, String> d : damaged.entrySet()) {
            String name = d.getKey();
            assertEquals(1, r.stderr().lines().filter(l -> l.contains(name + ": not valid")
                    && l.contains("moved aside to " + name + ".corrupt-")).count(), name + "\n" + r.describe());
            try (Stream<Path> s = Files.list(work.resolve("st"))) {
                Path aside = s.filter(p -> p.getFileName().toString().startsWith(name + ".corrupt-")).findFirst()
                        .orElseThrow();
                assertEquals(d.getValue(), Files.readString(aside), name + " is kept byte for byte");
            }
        }
        assertFalse(r.stderr().contains("java.") || r.stderr().contains("Cannot deserialize"), r.describe());
        for (Map.Entry<String, Class<?>> f : Map.<String, Class<?>>of(StateStore.LESSONS, StateFiles.Lessons.class,
                StateStore.ROUTING, StateFiles.Routing.class, StateStore.METRICS, StateFiles.Metrics.class,
                StateStore.HYPOTHESES, StateFiles.Hypotheses.class, StateStore.ACTIONS, StateFiles.Actions.class,
                StateStore.APPROVALS, StateFiles.Approvals.class).entrySet()) {
            Json.mapper().readValue(work.resolve("st").resolve(f.getKey()).toFile(), f.getValue());
        }
    }

    /** Without --keep-sessions a run keeps the newest 20 sessions in its state folder (DESIGN §5.6). */
    @Test
    void theDefaultRetentionKeepsTheNewestTwentySessions() throws IOException {
        Path sessions = work.resolve("st").resolve(StateStore.SESSIONS);
        Result last = null;
        for (int i = 0; i < 21; i++) {
            last = payops("run", "--scenario", "quiet", "--duration", "1", "--state", at("st"), "--report", at("r.json"));
            assertExit(0, last);
        }
        try (Stream<Path> s = Files.list(sessions)) {
            assertEquals(20, s.count(), "the default retention keeps the newest 20 sessions");
        }
        String newest = last.stdout().lines().filter(l -> l.startsWith("session: ")).findFirst().orElseThrow()
                .substring("session: ".length());
        assertTrue(Files.isDirectory(Path.of(newest)), "the newest session is kept: " + newest);
    }

    @Test
    void badStateOptionsAreBadInput() throws IOException {
        write("afile", "x");
        String msg = assertBadInput(payops("run", "--scenario", "quiet", "--state", at("afile")));
        assertTrue(msg.contains("--state") && msg.contains("expected a folder"), msg);
        msg = assertBadInput(payops("run", "--scenario", "quiet", "--state", at("st"), "--keep-sessions", "0"));
        assertTrue(msg.contains("--keep-sessions") && msg.contains("expected 1 to 100000"), msg);
        msg = assertBadInput(payops("run", "--scenario", "quiet", "--state", at("st"), "--keep-mb", "-5"));
        assertTrue(msg.contains("--keep-mb"), msg);
        msg = assertBadInput(payops("what-if", work.resolve("nope").toString()));
        assertTrue(msg.contains("nope"), msg);
    }
}
