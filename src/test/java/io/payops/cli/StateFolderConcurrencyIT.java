package io.payops.cli;

import io.payops.common.Json;
import io.payops.domain.Frame;
import io.payops.domain.Lesson;
import io.payops.store.SessionMeta;
import io.payops.store.SessionReader;
import io.payops.store.StateFiles;
import io.payops.store.StateStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Several processes on one state folder at once, console-style ({@link ConsoleStyleSession}) and {@code run}: one
 * writes at a time, the others wait (runs) or go unrecorded (a second console), and afterwards every file parses,
 * every session is complete, no two share an id, no lesson learnt by any of them is lost, and retention never
 * deletes the recording of a session still running. Every wait is for a condition (a line in a process's output,
 * its end), with a deadline far beyond what a loaded machine needs.
 */
class StateFolderConcurrencyIT extends AbstractJarIT {
    static final long DEADLINE_SECONDS = 300;
    static final Map<String, Class<?>> FILES = new LinkedHashMap<>(Map.of(
            StateStore.METRICS, StateFiles.Metrics.class, StateStore.HYPOTHESES, StateFiles.Hypotheses.class,
            StateStore.ACTIONS, StateFiles.Actions.class, StateStore.APPROVALS, StateFiles.Approvals.class,
            StateStore.ROUTING, StateFiles.Routing.class, StateStore.LESSONS, StateFiles.Lessons.class));

    /** A started process with its output files. */
    private record Started(String name, Process process, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        String describe() throws IOException {
            return name + "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
        }
    }

    @Test
    void processesOnOneFolderTakeTurnsAndLoseNothing() throws Exception {
        Path state = work.resolve("state");
        Path stop = work.resolve("stop-console");
        Started console = console("console-1", state, "stripe-outage", 21, stop, Long.MAX_VALUE);
        awaitOutput(console, s -> s.stdout().contains("session: "));
        assertFalse(console.stdout().contains("session: none"), console.describe());

        List<Started> runs = new ArrayList<>();
        for (int seed = 5; seed <= 7; seed++) {
            runs.add(run("run-seed" + seed, state, "--scenario", "stripe-outage", "--seed", String.valueOf(seed),
                    "--duration", "900", "--report", work.resolve("r" + seed + ".json").toString()));
        }
        Started second = console("console-2", state, "stripe-outage", 22, stop, 50);
        for (Started r : runs) {
            awaitOutput(r, s -> s.stderr().contains("is in use by pid " + console.process().pid()
                    + ", the console, since "));
        }
        assertExit(second, 0);
        assertTrue(second.stdout().contains("session: none") && second.stderr().contains("This session runs "
                + "unrecorded"), "a second console does not wait: it runs unrecorded and says so\n" + second.describe());

        Files.writeString(stop, "");
        assertExit(console, 0);
        for (Started r : runs) {
            assertExit(r, 0);
        }

        for (Map.Entry<String, Class<?>> f : FILES.entrySet()) {
            Json.mapper().readValue(state.resolve(f.getKey()).toFile(), f.getValue());
        }
        for (String line : Files.readAllLines(state.resolve(StateStore.AUDIT))) {
            Json.mapper().readValue(line, StateFiles.AuditEntry.class);
        }
        List<Path> sessions = sessions(state);
        assertEquals(4, sessions.size(), "one session per process that had the folder: " + sessions);
        Set<String> printed = new HashSet<>();
        printed.add(sessionLine(console));
        for (Started r : runs) {
            printed.add(sessionLine(r));
        }
        assertEquals(4, printed.size(), "four distinct session ids: " + printed);
        Set<Lesson> learnt = new HashSet<>();
        for (Path s : sessions) {
            assertTrue(printed.contains(s.toString()), s + " was printed by one of the processes: " + printed);
            try (SessionReader r = SessionReader.open(s, p -> { })) {
                assertEquals(SessionMeta.COMPLETE, r.meta().status(), s.toString());
                for (Frame f : r.frames()) {
                    learnt.addAll(f.step().learning().recent());
                }
            }
        }
        List<Lesson> kept = Json.mapper().readValue(state.resolve(StateStore.LESSONS).toFile(),
                StateFiles.Lessons.class).lessons();
        assertTrue(learnt.size() >= 4, "the outages teach something: " + learnt.size());
        Set<Lesson> lost = new HashSet<>(learnt);
        kept.forEach(lost::remove);
        assertEquals(Set.of(), lost, "every lesson any session learnt is in lessons.json");
    }

    @Test
    void retentionWaitsForTheSessionThatIsStillRecording() throws Exception {
        Path state = work.resolve("state");
        Path stop = work.resolve("stop-console");
        Started console = console("console", state, "quiet", 3, stop, Long.MAX_VALUE);
        awaitOutput(console, s -> s.stdout().contains("session: "));
        Path live = Path.of(sessionLine(console));
        Started pruning = run("run-keep-1", state, "--scenario", "quiet", "--duration", "60", "--keep-sessions", "1",
                "--report", work.resolve("r.json").toString());
        awaitOutput(pruning, s -> s.stderr().contains("waiting for it to be free"));
        assertTrue(Files.isDirectory(live), "the live recording is untouched while the run waits");
        Files.writeString(stop, "");
        assertExit(console, 0);
        assertExit(pruning, 0);
        assertEquals(List.of(Path.of(sessionLine(pruning))), sessions(state),
                "once the console's session ended, --keep-sessions 1 keeps only the run's");
    }

    @Test
    void aConsoleThatRanUnrecordedKeepsWhatItLearntOnceTheFolderIsFree() throws Exception {
        Path state = work.resolve("state");
        Path stopFirst = work.resolve("stop-first");
        Path stopSecond = work.resolve("stop-second");
        Started first = console("console-1", state, "quiet", 3, stopFirst, Long.MAX_VALUE);
        awaitOutput(first, s -> s.stdout().contains("session: "));
        Started second = console("console-2", state, "stripe-outage", 9, stopSecond, Long.MAX_VALUE);
        awaitOutput(second, s -> s.stdout().contains("learnt a lesson"));
        assertTrue(second.stdout().contains("session: none"), second.describe());
        Files.writeString(stopFirst, "");
        assertExit(first, 0);
        Files.writeString(stopSecond, "");
        assertExit(second, 0);
        assertTrue(second.stderr().contains("this unrecorded session learnt were added to "), second.describe());
        List<Lesson> kept = Json.mapper().readValue(state.resolve(StateStore.LESSONS).toFile(),
                StateFiles.Lessons.class).lessons();
        assertFalse(kept.isEmpty(), "the unrecorded session's lessons are in lessons.json");
        assertEquals(1, sessions(state).size(), "and it recorded no session");
    }

    private Started console(String name, Path state, String scenario, long seed, Path stop, long maxFrames)
            throws IOException {
        Path classes = Path.of(ConsoleStyleSession.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        return start(name, List.of(java(), "-cp", jar + java.io.File.pathSeparator + classes,
                ConsoleStyleSession.class.getName(), state.toString(), scenario, String.valueOf(seed), stop.toString(),
                String.valueOf(maxFrames)));
    }

    private Started run(String name, Path state, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "run", "--state", state.toString()));
        command.addAll(List.of(args));
        return start(name, command);
    }

    private Started start(String name, List<String> command) throws IOException {
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        p.getOutputStream().close();
        started.add(p);
        return new Started(name, p, out, err);
    }

    private final List<Process> started = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private interface Check {
        boolean test(Started s) throws IOException;
    }

    /** Waits for what a process says; fails if it ends first or the deadline passes. */
    private static void awaitOutput(Started s, Check check) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (!check.test(s)) {
            if (!s.process().isAlive() && !check.test(s)) {
                fail(s.name() + " ended (exit " + s.process().exitValue() + ") before saying what was awaited\n"
                        + s.describe());
            }
            if (System.nanoTime() > deadline) {
                fail(s.name() + " did not say what was awaited within " + DEADLINE_SECONDS + " s\n" + s.describe());
            }
            Thread.sleep(20);
        }
    }

    private static void assertExit(Started s, int exit) throws IOException, InterruptedException {
        if (!s.process().waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            fail(s.name() + " did not end within " + DEADLINE_SECONDS + " s\n" + s.describe());
        }
        assertEquals(exit, s.process().exitValue(), s.describe());
    }

    private static String sessionLine(Started s) throws IOException {
        String out = s.stdout();
        return out.lines().filter(l -> l.startsWith("session: ")).findFirst()
                .orElseThrow(() -> new AssertionError(s.name() + " printed no session line: " + out))
                .substring("session: ".length()).trim();
    }

    private static List<Path> sessions(Path state) throws IOException {
        try (Stream<Path> s = Files.list(state.resolve(StateStore.SESSIONS))) {
            return s.filter(Predicate.not(p -> p.getFileName().toString().startsWith("."))).sorted().toList();
        }
    }
}
