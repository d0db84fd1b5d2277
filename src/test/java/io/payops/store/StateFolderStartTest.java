package io.payops.store;

import io.payops.common.Json;
import io.payops.domain.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the writer of a state folder does first ({@link StateStore#checkOnStart}): every state file, whatever its kind
 * of damage, is moved aside with its bytes intact and named in one warning in plain words; damaged audit lines are
 * told and kept; sessions a dead process left are closed or removed.
 */
class StateFolderStartTest {
    static final List<String> JSON_FILES = List.of(StateStore.METRICS, StateStore.HYPOTHESES, StateStore.ACTIONS,
            StateStore.APPROVALS, StateStore.ROUTING, StateStore.LESSONS);

    /** Damage seen in the field, as bytes: each must be set aside, never overwritten. */
    static Map<String, byte[]> damages() {
        Map<String, byte[]> d = new LinkedHashMap<>();
        d.put("null", "null".getBytes());
        d.put("an empty list", "[]".getBytes());
        d.put("truncated", "{\"format\": 1, \"session\": \"s\", \"simMillis\": 4".getBytes());
        d.put("the wrong schema", "{\"format\": 1, \"what\": \"not ours\"}".getBytes());
        d.put("a wrong type", "{\"format\": 1, \"session\": \"s\", \"simMillis\": \"soon\"}".getBytes());
        d.put("a future format", "{\"format\": 9}".getBytes());
        d.put("zeros", new byte[4096]);
        d.put("empty", new byte[0]);
        return d;
    }

    @Test
    void everyDamagedStateFileIsMovedAsideIntactAndNamedInOneWarningInPlainWords(@TempDir Path dir) throws IOException {
        for (Map.Entry<String, byte[]> damage : damages().entrySet()) {
            for (String name : JSON_FILES) {
                Files.write(dir.resolve(name), damage.getValue());
            }
            List<String> warnings = new ArrayList<>();
            new StateStore(dir, warnings::add).checkOnStart();
            assertEquals(JSON_FILES.size(), warnings.size(), damage.getKey() + ": " + warnings);
            for (String name : JSON_FILES) {
                String what = damage.getKey() + " in " + name;
                assertFalse(Files.exists(dir.resolve(name)), what + " is out of the way");
                Path aside = onlyAside(dir, name);
                assertArrayEquals(damage.getValue(), Files.readAllBytes(aside), what + " is kept byte for byte");
                assertEquals(1, warnings.stream().filter(w -> w.contains(name + ": not valid")
                        && w.contains("moved aside to " + aside.getFileName())).count(), what + ": " + warnings);
                Files.delete(aside);
            }
            for (String w : warnings) {
                assertFalse(w.contains("java.") || w.contains("`") || w.contains("Cannot deserialize")
                        || w.contains("Exception"), "a warning in the parser's words: " + w);
            }
        }
    }

    @Test
    void aStateFileTooLargeToBeOursIsMovedAsideUnread(@TempDir Path dir) throws IOException {
        Path metrics = dir.resolve(StateStore.METRICS);
        try (RandomAccessFile f = new RandomAccessFile(metrics.toFile(), "rw")) {
            f.setLength(JsonFile.MAX_BYTES + 1); // sparse: a "gigabyte of zeros" without the disk it would take
        }
        List<String> warnings = new ArrayList<>();
        new StateStore(dir, warnings::add).checkOnStart();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("larger than any state file (64 MB at most)"), warnings.get(0));
        assertEquals(JsonFile.MAX_BYTES + 1, Files.size(onlyAside(dir, StateStore.METRICS)));
    }

    @Test
    void aSymbolicLinkOrAPipeInAStateFilesPlaceIsMovedAsideAndWhatItPointsAtIsUntouched(@TempDir Path dir)
            throws Exception {
        Path outside = Files.writeString(dir.resolve("precious.txt"), "someone's data");
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.createSymbolicLink(state.resolve(StateStore.ACTIONS), outside);
        Files.createSymbolicLink(state.resolve(StateStore.AUDIT), outside);
        boolean fifo = mkfifo(state.resolve(StateStore.METRICS));
        List<String> warnings = new ArrayList<>();
        new StateStore(state, warnings::add).checkOnStart();
        assertEquals(fifo ? 3 : 2, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("actions.json: not valid (is a symbolic link, not a regular file)")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("audit.jsonl: is a symbolic link")), warnings.toString());
        assertTrue(Files.isSymbolicLink(onlyAside(state, StateStore.ACTIONS)), "the link itself is moved");
        assertEquals("someone's data", Files.readString(outside));
        if (fifo) {
            assertTrue(warnings.stream().anyMatch(w -> w.contains("metrics.json: not valid (is a named pipe, not a regular file)")),
                    warnings.toString());
        }
    }

    @Test
    void damagedAuditLinesAreToldOnceAndKeptAsWritten(@TempDir Path dir) throws IOException {
        StateStore store = new StateStore(dir, w -> { });
        StateFiles.AuditEntry a = new StateFiles.AuditEntry("2026-11-21T10:00:00Z", "s1", 1000, "command", null, null,
                null, null, null, null, null, new Command.Decide(3, true, "operator"), null);
        store.appendAudit(List.of(a));
        Files.writeString(dir.resolve(StateStore.AUDIT), "{\"torn\":\n\u0000\u0000\n", java.nio.file.StandardOpenOption.APPEND);
        store.appendAudit(List.of(a));
        byte[] before = Files.readAllBytes(dir.resolve(StateStore.AUDIT));
        List<String> warnings = new ArrayList<>();
        new StateStore(dir, warnings::add).checkOnStart();
        assertEquals(List.of(dir.resolve(StateStore.AUDIT) + ": 2 damaged lines (lines 2, 3) kept as written; every "
                + "other line is whole, and new lines are appended after them"), warnings);
        assertArrayEquals(before, Files.readAllBytes(dir.resolve(StateStore.AUDIT)), "nothing removed or rewritten");
        List<String> clean = new ArrayList<>();
        Files.write(dir.resolve(StateStore.AUDIT), Json.mapper().writeValueAsBytes(a));
        Files.writeString(dir.resolve(StateStore.AUDIT), "\n", java.nio.file.StandardOpenOption.APPEND);
        new StateStore(dir, clean::add).checkOnStart();
        assertEquals(List.of(), clean, "a whole audit gives no warning");
    }

    @Test
    void aSessionLeftRecordingIsMarkedStoppedAndAHalfMadeOneIsRemoved(@TempDir Path dir) throws IOException {
        Path sessions = dir.resolve(StateStore.SESSIONS);
        SessionMeta meta = new SessionMeta(SessionMeta.FORMAT, "s1", "2026-12-07T10:00:00Z", null, null, "agent",
                "auto:60", "heuristic", 1000, false, List.of(), 12, 12_000, 0, SessionMeta.RECORDING, null);
        Path crashed = Files.createDirectories(sessions.resolve("20261207-100000-x-seed1"));
        Files.write(crashed.resolve(SessionRecorder.META), Json.pretty().writeValueAsBytes(meta));
        Path done = Files.createDirectories(sessions.resolve("20261207-090000-x-seed1"));
        byte[] complete = Json.pretty().writeValueAsBytes(meta.ended("2026-12-07T09:10:00Z", SessionMeta.COMPLETE, null));
        Files.write(done.resolve(SessionRecorder.META), complete);
        Path making = Files.createDirectories(sessions.resolve(".20261207-110000-x-seed1" + SessionRecorder.MAKING));
        Files.writeString(making.resolve(".meta.json.1.tmp"), "{\"half");
        Path oldHalf = Files.createDirectories(sessions.resolve("20261207-120000-x-seed1"));
        Files.createFile(oldHalf.resolve(SessionRecorder.FRAMES));

        List<String> warnings = new ArrayList<>();
        new StateStore(dir, warnings::add).checkOnStart();
        SessionMeta after = Json.mapper().readValue(crashed.resolve(SessionRecorder.META).toFile(), SessionMeta.class);
        assertEquals(SessionMeta.STOPPED, after.status());
        assertEquals(AbandonedSessions.NOTE, after.note());
        assertTrue(after.endedAt() != null, "the end is the last write's time");
        assertArrayEquals(complete, Files.readAllBytes(done.resolve(SessionRecorder.META)), "a closed session is left as it is");
        assertFalse(Files.exists(making, LinkOption.NOFOLLOW_LINKS), "a folder killed while being made is removed");
        assertFalse(Files.exists(oldHalf), "so is an old one without meta.json or frames");
        assertEquals(List.of("1 session was left recording by a process that ended without closing it; marked stopped in "
                + sessions), warnings);
    }

    @Test
    void aSessionFolderAppearsWithItsMetaOrNotAtAllAndNeverTwice(@TempDir Path dir) throws IOException {
        SessionMeta meta = new SessionMeta(SessionMeta.FORMAT, "s1", "2026-12-07T10:00:00Z", null, null, "agent",
                "auto:60", "heuristic", 1000, false, List.of(), 0, 0, 0, SessionMeta.RECORDING, null);
        Path session = dir.resolve("sessions").resolve("s1");
        try (SessionRecorder r = new SessionRecorder(session, meta, java.time.Clock.systemUTC())) {
            assertTrue(Files.isRegularFile(r.dir().resolve(SessionRecorder.META)));
        }
        try (Stream<Path> s = Files.list(dir.resolve("sessions"))) {
            assertEquals(List.of("s1"), s.map(p -> p.getFileName().toString()).toList(), "no hidden folder is left");
        }
        org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> new SessionRecorder(session, meta, java.time.Clock.systemUTC()).close());
    }

    static Path onlyAside(Path dir, String name) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> aside = s.filter(p -> p.getFileName().toString().startsWith(name + ".corrupt-")).toList();
            assertEquals(1, aside.size(), name + ": " + aside);
            return aside.get(0);
        }
    }

    static boolean mkfifo(Path at) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", at.toString()).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return false;
        }
    }
}
