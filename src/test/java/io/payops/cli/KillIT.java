package io.payops.cli;

import io.payops.domain.Frame;
import io.payops.store.SessionRecorder;
import io.payops.common.Json;
import io.payops.store.SessionReader;
import io.payops.store.StateFiles;
import io.payops.store.StateStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real jar killed with SIGKILL at 50 random moments of a persisted run, all in one state folder. Each kill comes
 * a random 0–1.5 s (fixed seed) after the run's first whole frame is on disk, so however slow the machine every
 * killed session has something to replay: after every kill each state file parses, every audit line parses, and the
 * session replays in order up to its last whole frame, every frame indexed before the kill included. A clean run
 * afterwards finds nothing damaged, and retention keeps 20 sessions.
 */
class KillIT extends AbstractJarIT {
    static final int KILLS = 50;
    /** The kill comes this long at most after the first whole frame. */
    static final int MAX_DELAY_MILLIS = 1500;
    /**
     * A week of simulated traffic (the most --duration takes): live-demo runs a few hundred simulated seconds per
     * wall second (about 360 on a quiet 2-core machine), so the run goes on for many minutes, and cannot end before
     * a kill that comes at most 1.5 s after its first frame.
     */
    static final String DURATION = "604800";
    /** Only bounds the wait for a process that never writes a frame; a healthy one does in about a second. */
    static final long FIRST_FRAME_DEADLINE_SECONDS = 120;
    /**
     * Each killed JVM lives a few seconds: too short for the JIT's top tier to pay off, while its compiler threads
     * compete with the start for a 2-core machine (under load the first frame came in 1.3 s with C1 alone, 2.2 s
     * without). Nothing the test looks at changes: the same program writes the same files in the same order.
     */
    static final String QUICK_START = "-XX:TieredStopAtLevel=1";
    static final Map<String, Class<?>> FILES = Map.of(
            StateStore.METRICS, StateFiles.Metrics.class,
            StateStore.HYPOTHESES, StateFiles.Hypotheses.class,
            StateStore.ACTIONS, StateFiles.Actions.class,
            StateStore.APPROVALS, StateFiles.Approvals.class,
            StateStore.ROUTING, StateFiles.Routing.class,
            StateStore.LESSONS, StateFiles.Lessons.class);

    @Test
    void killedAtFiftyRandomMomentsTheStateAlwaysParsesAndSessionsReplay() throws Exception {
        Path state = work.resolve("st");
        Path sessions = state.resolve(StateStore.SESSIONS);
        Random random = new Random(2026);
        for (int kill = 0; kill < KILLS; kill++) {
            Path log = logs.resolve("kill-" + kill + ".txt");
            Set<Path> before = sessionFolders(sessions);
            Process p = new ProcessBuilder(java(), QUICK_START, "-jar", jar.toString(), "run", "--scenario",
                    "live-demo", "--duration", DURATION, "--state", state.toString(),
                    "--report", work.resolve("r.json").toString())
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                p.getOutputStream().close();
                Path session = awaitFirstWholeFrame(p, sessions, before, log);
                long delayMillis = random.nextInt(MAX_DELAY_MILLIS + 1);
                boolean ended = p.waitFor(delayMillis, TimeUnit.MILLISECONDS);
                assertFalse(ended, "the run ended before its kill; output: " + read(log));
                // every frame indexed now was written whole before its index line, so it must survive the kill
                int indexed = wholeIndexLines(session);
                p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed process did not end");
                checkState(state, session, indexed, "after kill " + kill + ", " + delayMillis + " ms after the first "
                        + "frame of " + session.getFileName());
            } finally {
                if (p.isAlive()) {
                    p.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
                }
            }
        }

        Result clean = payops(120, "run", "--scenario", "quiet", "--duration", "120", "--state", state.toString(),
                "--report", work.resolve("r2.json").toString());
        assertExit(0, clean);
        assertFalse(clean.stderr().contains("not valid") || clean.stderr().contains("moved aside"), clean.describe());
        try (Stream<Path> s = Files.list(state)) {
            List<String> names = s.map(x -> x.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp") || n.contains(".corrupt-")), names.toString());
        }
        try (Stream<Path> s = Files.list(sessions)) {
            assertEquals(20, s.count(), "the default retention keeps the newest 20 sessions");
        }
    }

    /**
     * Waits until the session this process records (the one folder under {@code sessions} that was not there before)
     * has a whole frame on disk, and returns its folder. {@link SessionRecorder} hands each frame to the OS in one
     * write and writes its index line only after that write returned, so a whole line in {@code frames.idx} means a
     * whole frame in {@code frames.jsonl.gz}, which a SIGKILL cannot take back. (A non-empty frames file alone is not
     * enough: it may hold the gzip header and part of the first frame while the write is under way, and a kill can
     * cut that write short.) Fails only if the process ends first, or writes no frame within a deadline far beyond
     * what a loaded machine needs.
     */
    private static Path awaitFirstWholeFrame(Process p, Path sessions, Set<Path> before, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIRST_FRAME_DEADLINE_SECONDS);
        Path session = null;
        while (true) {
            if (session == null) {
                Set<Path> now = sessionFolders(sessions);
                now.removeAll(before);
                assertTrue(now.size() <= 1, "one run made several session folders: " + now);
                session = now.isEmpty() ? null : now.iterator().next();
            }
            if (session != null && wholeIndexLines(session) > 0
                    && Files.size(session.resolve(SessionRecorder.FRAMES)) > 0) {
                return session;
            }
            if (!p.isAlive()) {
                fail("the run ended (exit " + p.exitValue() + ") before its first frame; output: "
                        + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                fail("no whole frame on disk within " + FIRST_FRAME_DEADLINE_SECONDS + " s (session "
                        + session + "); output: " + Files.readString(log));
            }
            Thread.sleep(10);
        }
    }

    private static Set<Path> sessionFolders(Path sessions) throws IOException {
        try (Stream<Path> s = Files.list(sessions)) {
            return new HashSet<>(s.toList());
        } catch (NoSuchFileException e) {
            return new HashSet<>();
        }
    }

    /** How many whole (newline-ended) lines {@code frames.idx} holds; 0 while it does not exist. */
    private static int wholeIndexLines(Path session) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(session.resolve(SessionRecorder.INDEX));
        } catch (NoSuchFileException e) {
            return 0;
        }
        int lines = 0;
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

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
