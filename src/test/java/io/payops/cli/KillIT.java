package io.payops.cli;

import io.payops.store.BadInputException;
import io.payops.store.Json;
import io.payops.store.SessionReader;
import io.payops.store.StateFiles;
import io.payops.store.StateStore;
import io.payops.engine.Frame;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real jar killed with SIGKILL at 50 random moments of a persisted run, all in one state folder: after every kill
 * each state file parses, every audit line parses, and every recorded session replays up to its last whole frame.
 * A clean run afterwards finds nothing damaged.
 */
class KillIT extends AbstractJarIT {
    static final int KILLS = 50;
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
        Random random = new Random(2026);
        int replayable = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            long delayMillis = 600 + random.nextInt(3000);
            Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "run", "--scenario", "live-demo",
                    "--duration", "3600", "--state", state.toString(), "--report", work.resolve("r.json").toString())
                    .directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(logs.resolve("kill-" + kill + ".txt").toFile()).start();
            boolean ended = p.waitFor(delayMillis, TimeUnit.MILLISECONDS);
            assertFalse(ended, "the run ended before its kill; output: " + read(logs.resolve("kill-" + kill + ".txt")));
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            replayable += checkState(state, "after kill " + kill + " at " + delayMillis + " ms") ? 1 : 0;
        }
        assertTrue(replayable >= KILLS / 2, "only " + replayable + " of " + KILLS + " killed sessions had frames");

        Result clean = payops(120, "run", "--scenario", "quiet", "--duration", "120", "--state", state.toString(),
                "--report", work.resolve("r2.json").toString());
        assertExit(0, clean);
        assertFalse(clean.stderr().contains("not valid") || clean.stderr().contains("moved aside"), clean.describe());
        try (Stream<Path> s = Files.list(state)) {
            List<String> names = s.map(x -> x.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp") || n.contains(".corrupt-")), names.toString());
        }
        try (Stream<Path> s = Files.list(state.resolve(StateStore.SESSIONS))) {
            assertEquals(20, s.count(), "the default retention keeps the newest 20 sessions");
        }
    }

    /** @return whether the newest session had frames to replay */
    private boolean checkState(Path state, String when) throws IOException {
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
        Path sessions = state.resolve(StateStore.SESSIONS);
        if (!Files.isDirectory(sessions)) {
            return false;
        }
        Path newest;
        try (Stream<Path> s = Files.list(sessions)) {
            newest = s.sorted().reduce((a, b) -> b).orElse(null);
        }
        if (newest == null || !Files.exists(newest.resolve("meta.json"))) {
            return false;
        }
        try (SessionReader r = SessionReader.open(newest, x -> { })) {
            assertTrue(r.size() >= r.meta().frames(), when + ": meta.json says " + r.meta().frames()
                    + " frames were written but only " + r.size() + " read");
            long tick = 0;
            for (Frame f : r.frames()) {
                assertEquals(++tick, f.tick(), when + ": frames replay in order with none missing");
            }
            return true;
        } catch (BadInputException ex) {
            // killed before the first frame reached the disk: nothing to replay, and the reader says so
            assertTrue(ex.getMessage().contains("holds no whole frame") || ex.getMessage().contains("no frames.jsonl.gz"),
                    when + ": " + ex.getMessage());
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
