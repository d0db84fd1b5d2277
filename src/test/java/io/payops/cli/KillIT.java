package io.payops.cli;

import io.payops.common.Json;
import io.payops.domain.Frame;
import io.payops.store.SessionMeta;
import io.payops.store.SessionReader;
import io.payops.store.SessionRecorder;
import io.payops.store.StateFiles;
import io.payops.store.StateStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real jar killed with SIGKILL (no shutdown hook, no finally block runs) during a persisted run, all in one state
 * folder, at a handful of moments in the life of the files, each recognised on disk rather than guessed from the
 * clock: right after its first whole frame, the moment it has replaced a state file (the rest of that flush under
 * way), its first audit line, its second flush, and deep in the recording. After every kill each state file parses,
 * every audit line parses, and the session replays in order up to its last whole frame, every frame indexed before
 * the kill included. A clean run afterwards finds nothing damaged, and retention prunes the killed sessions.
 */
class KillIT extends AbstractJarIT {
    /**
     * A week of simulated traffic (the most --duration takes): live-demo runs a few hundred simulated seconds per
     * wall second, so the run goes on for many minutes, far beyond the latest moment below.
     */
    static final String DURATION = "604800";
    /** Only bounds the wait for a moment that never comes; on a loaded 2-core machine each came within seconds. */
    static final long MOMENT_DEADLINE_SECONDS = 120;
    /**
     * Each killed JVM lives a few seconds: too short for the JIT's top tier to pay off, while its compiler threads
     * compete with the start for a 2-core machine. Nothing the test looks at changes: the same program writes the
     * same files in the same order.
     */
    static final String QUICK_START = "-XX:TieredStopAtLevel=1";
    /** The clean run after the kills keeps this many sessions: fewer than were made, so it must prune killed ones. */
    static final int KEEP = 3;
    static final Map<String, Class<?>> FILES = Map.of(
            StateStore.METRICS, StateFiles.Metrics.class,
            StateStore.HYPOTHESES, StateFiles.Hypotheses.class,
            StateStore.ACTIONS, StateFiles.Actions.class,
            StateStore.APPROVALS, StateFiles.Approvals.class,
            StateStore.ROUTING, StateFiles.Routing.class,
            StateStore.LESSONS, StateFiles.Lessons.class);

    /** When to kill: a condition on the run's files, checked over and over from the run's start. */
    interface Moment {
        /** Called once before the run starts, to note what is on disk from earlier runs. */
        default void before(Path state) throws IOException {
        }

        boolean reached(Path state, Path session) throws IOException;
    }

    /** The state writer flushes about once a second; metrics.json is the first file of each flush. */
    static final class MetricsReplaced implements Moment {
        private final int times;
        private Object last;
        private int seen;

        MetricsReplaced(int times) {
            this.times = times;
        }

        @Override
        public void before(Path state) throws IOException {
            last = version(state.resolve(StateStore.METRICS));
            seen = 0;
        }

        @Override
        public boolean reached(Path state, Path session) throws IOException {
            Object now = version(state.resolve(StateStore.METRICS));
            if (now != null && !now.equals(last)) {
                last = now;
                seen++;
            }
            return seen >= times;
        }

        @Override
        public String toString() {
            return "metrics.json replaced " + times + (times == 1 ? " time" : " times");
        }
    }

    static final class AuditGrew implements Moment {
        private long before;

        @Override
        public void before(Path state) throws IOException {
            before = lines(state.resolve(StateStore.AUDIT));
        }

        @Override
        public boolean reached(Path state, Path session) throws IOException {
            return lines(state.resolve(StateStore.AUDIT)) > before;
        }

        @Override
        public String toString() {
            return "its first audit line";
        }
    }

    record FramesIndexed(int frames) implements Moment {
        @Override
        public boolean reached(Path state, Path session) throws IOException {
            return lines(session.resolve(SessionRecorder.INDEX)) >= frames;
        }

        @Override
        public String toString() {
            return frames + (frames == 1 ? " whole frame" : " whole frames") + " on disk";
        }
    }

    @Test
    void killedAtMomentsOfTheFilesLivesTheStateAlwaysParsesAndSessionsReplay() throws Exception {
        Path state = work.resolve("st");
        Path sessions = state.resolve(StateStore.SESSIONS);
        // a whole frame before each kill, so every killed session has something to replay
        List<Moment> moments = List.of(new FramesIndexed(1), new MetricsReplaced(1), new AuditGrew(),
                new MetricsReplaced(2), new FramesIndexed(300));
        int kill = 0;
        for (Moment moment : moments) {
            Path log = logs.resolve("kill-" + kill++ + ".txt");
            Set<Path> before = sessionFolders(sessions);
            moment.before(state);
            Process p = new ProcessBuilder(java(), QUICK_START, "-jar", jar.toString(), "run", "--scenario",
                    "live-demo", "--duration", DURATION, "--state", state.toString(),
                    "--report", work.resolve("r.json").toString())
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                p.getOutputStream().close();
                Path session = await(p, sessions, before, moment, log);
                // every frame indexed now was written whole before its index line, so it must survive the kill
                int indexed = (int) lines(session.resolve(SessionRecorder.INDEX));
                p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed process did not end");
                checkState(state, session, indexed, "killed at " + moment + " of " + session.getFileName());
            } finally {
                if (p.isAlive()) {
                    p.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
                }
            }
        }

        Result clean = payops(120, "run", "--scenario", "quiet", "--duration", "120", "--state", state.toString(),
                "--report", work.resolve("r2.json").toString(), "--keep-sessions", String.valueOf(KEEP));
        assertExit(0, clean);
        assertFalse(clean.stderr().contains("not valid") || clean.stderr().contains("moved aside"), clean.describe());
        try (Stream<Path> s = Files.list(state)) {
            List<String> names = s.map(x -> x.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp") || n.contains(".corrupt-")), names.toString());
        }
        try (Stream<Path> s = Files.list(sessions)) {
            List<Path> kept = s.toList();
            assertEquals(KEEP, kept.size(), "--keep-sessions " + KEEP + " prunes the killed sessions too");
            for (Path session : kept) {
                SessionMeta meta = Json.mapper().readValue(session.resolve(SessionRecorder.META).toFile(), SessionMeta.class);
                assertTrue(SessionMeta.COMPLETE.equals(meta.status()) || (SessionMeta.STOPPED.equals(meta.status())
                        && meta.note().contains("ended without closing it")),
                        "a killed session is marked stopped, with why, by the next run: " + session + " " + meta.status());
            }
        }
        assertTrue(clean.stderr().contains("left recording by a process that ended without closing"), clean.describe());
    }

    /**
     * Waits until the session this process records (the one folder under {@code sessions} that was not there before)
     * has a whole frame on disk and the moment has come, and returns the session's folder. {@link SessionRecorder}
     * hands each frame to the OS in one write and writes its index line only after that write returned, so a whole
     * line in {@code frames.idx} means a whole frame in {@code frames.jsonl.gz}, which a SIGKILL cannot take back.
     * Fails only if the process ends first, or the moment does not come within a deadline far beyond what a loaded
     * machine needs.
     */
    private static Path await(Process p, Path sessions, Set<Path> before, Moment moment, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MOMENT_DEADLINE_SECONDS);
        Path session = null;
        while (true) {
            if (session == null) {
                Set<Path> now = sessionFolders(sessions);
                now.removeAll(before);
                assertTrue(now.size() <= 1, "one run made several session folders: " + now);
                session = now.isEmpty() ? null : now.iterator().next();
            }
            // the moment is checked on every pass, so a stateful one sees every version of the files
            boolean reached = moment.reached(sessions.getParent(), session == null ? sessions : session);
            if (session != null && reached && lines(session.resolve(SessionRecorder.INDEX)) > 0
                    && Files.size(session.resolve(SessionRecorder.FRAMES)) > 0) {
                return session;
            }
            if (!p.isAlive()) {
                fail("the run ended (exit " + p.exitValue() + ") before " + moment + "; output: " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                fail("not " + moment + " within " + MOMENT_DEADLINE_SECONDS + " s (session " + session + "); output: "
                        + Files.readString(log));
            }
            Thread.sleep(2);
        }
    }

    private static Set<Path> sessionFolders(Path sessions) throws IOException {
        try (Stream<Path> s = Files.list(sessions)) {
            // a hidden folder is a session being made: it is renamed into place with its meta.json
            return new HashSet<>(s.filter(p -> !p.getFileName().toString().startsWith(".")).toList());
        } catch (NoSuchFileException e) {
            return new HashSet<>();
        }
    }

    /** Which version of a file is on disk (it is replaced by a rename, so its inode changes), or null while none. */
    private static Object version(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Objects.requireNonNullElse(a.fileKey(), a.lastModifiedTime()) + "@" + a.lastModifiedTime();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** How many whole (newline-ended) lines a file holds; 0 while it does not exist. */
    private static long lines(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
        long lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Every state file and audit line parses, and the killed session replays in order, at least its indexed frames. */
    private void checkState(Path state, Path session, int indexed, String when) throws IOException {
        for (Map.Entry<String, Class<?>> e : FILES.entrySet()) {
            Path f = state.resolve(e.getKey());
            if (Files.exists(f)) {
                try {
                    Json.mapper().readValue(f.toFile(), e.getValue());
                } catch (IOException ex) {
                    throw new AssertionError(when + ": " + e.getKey() + " does not parse: " + ex.getMessage(), ex);
                }
            }
        }
        Path audit = state.resolve(StateStore.AUDIT);
        if (Files.exists(audit)) {
            List<String> lines = Files.readAllLines(audit);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    Json.mapper().readValue(lines.get(i), StateFiles.AuditEntry.class);
                } catch (IOException ex) {
                    throw new AssertionError(when + ": audit.jsonl line " + (i + 1) + " does not parse: " + lines.get(i), ex);
                }
            }
        }
        // killed after its first frame reached the disk: the session must open (a reader that finds no whole frame
        // throws), and nothing that was indexed before the kill may be missing
        try (SessionReader r = SessionReader.open(session, x -> { })) {
            assertTrue(r.size() >= indexed, when + ": " + indexed + " frames were indexed before the kill but only "
                    + r.size() + " read");
            assertTrue(r.size() >= r.meta().frames(), when + ": meta.json says " + r.meta().frames()
                    + " frames were written but only " + r.size() + " read");
            long tick = 0;
            for (Frame f : r.frames()) {
                assertEquals(++tick, f.tick(), when + ": frames replay in order with none missing");
            }
            assertEquals(r.size(), tick, when + ": every indexed frame reads");
        }
    }
}
