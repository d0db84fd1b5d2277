package io.payops.store;

import io.payops.common.Json;
import io.payops.domain.Lesson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * The state directory (DESIGN §5.6). Every JSON file is replaced atomically; a file that cannot be parsed is moved
 * aside as {@code NAME.corrupt-<timestamp>} with a warning, never overwritten; {@code audit.jsonl} only grows, one
 * whole line per write so a killed process never leaves half a line.
 */
public final class StateStore {
    public static final String METRICS = "metrics.json";
    public static final String HYPOTHESES = "hypotheses.json";
    public static final String ACTIONS = "actions.json";
    public static final String APPROVALS = "approvals.json";
    public static final String ROUTING = "routing.json";
    public static final String LESSONS = "lessons.json";
    public static final String AUDIT = "audit.jsonl";
    public static final String SESSIONS = "sessions";

    private final Path dir;
    private final Consumer<String> warnings;
    private final boolean owner;

    /** The store of the folder's writer: it holds the {@link StateFolderLock}, or is a test with the folder to itself. */
    public StateStore(Path dir, Consumer<String> warnings) {
        this(dir, warnings, true);
    }

    private StateStore(Path dir, Consumer<String> warnings, boolean owner) {
        this.dir = dir;
        this.warnings = warnings;
        this.owner = owner;
    }

    /**
     * A store for reading a folder that another process writes: damaged files are reported and left where they are
     * (setting them aside is the writer's), and nothing is written.
     */
    public static StateStore readOnly(Path dir, Consumer<String> warnings) {
        return new StateStore(dir, warnings, false);
    }

    /**
     * What the folder's writer does first, under the folder lock: removes the temporary files of interrupted writes,
     * moves every damaged state file aside (one warning each, its bytes intact), warns of damaged audit lines, and
     * closes the sessions a dead process left recording.
     */
    public void checkOnStart() {
        removeLeftoverTemporaryFiles();
        check(METRICS, StateFiles.Metrics.class, StateFiles.Metrics::check);
        check(HYPOTHESES, StateFiles.Hypotheses.class, StateFiles.Hypotheses::check);
        check(ACTIONS, StateFiles.Actions.class, StateFiles.Actions::check);
        check(APPROVALS, StateFiles.Approvals.class, StateFiles.Approvals::check);
        check(ROUTING, StateFiles.Routing.class, StateFiles.Routing::check);
        check(LESSONS, StateFiles.Lessons.class, StateFiles.Lessons::check);
        new AuditFileCheck(dir.resolve(AUDIT)).check(warnings);
        new AbandonedSessions(sessionsDir()).close(warnings);
    }

    private <T> void check(String name, Class<T> type, Consumer<T> check) {
        new JsonFile<>(dir.resolve(name), type).readOr(null, warnings, check);
    }

    public Path dir() {
        return dir;
    }

    public Path sessionsDir() {
        return dir.resolve(SESSIONS);
    }

    /** Lessons of earlier sessions; none when there are none yet or the file was damaged (then moved aside). */
    public List<Lesson> loadLessons() {
        StateFiles.Lessons none = new StateFiles.Lessons(StateFiles.FORMAT, List.of());
        return read(LESSONS, StateFiles.Lessons.class, none, StateFiles.Lessons::check).lessons();
    }

    /**
     * Adds lessons to lessons.json, keeping every lesson already there (a merge, never a replacement), the newest
     * {@code cap} in all. For a session that ran without the folder and takes it at its end (the caller holds the
     * folder's lock).
     *
     * @return how many were not there yet
     */
    public int addLessons(List<Lesson> learnt, int cap) throws IOException {
        requireOwner();
        java.util.LinkedHashSet<Lesson> all = new java.util.LinkedHashSet<>(loadLessons());
        int before = all.size();
        all.addAll(learnt);
        int added = all.size() - before;
        List<Lesson> kept = new java.util.ArrayList<>(all);
        if (kept.size() > cap) {
            kept = kept.subList(kept.size() - cap, kept.size());
        }
        write(LESSONS, new StateFiles.Lessons(StateFiles.FORMAT, List.copyOf(kept)));
        return added;
    }

    /** The routing the last session left, or null; a damaged file is moved aside. */
    public StateFiles.Routing loadRouting() {
        return read(ROUTING, StateFiles.Routing.class, null, StateFiles.Routing::check);
    }

    private <T> T read(String name, Class<T> type, T fallback, Consumer<T> check) {
        JsonFile<T> file = new JsonFile<>(dir.resolve(name), type);
        return owner ? file.readOr(fallback, warnings, check) : file.readLeavingDamage(fallback, warnings, check);
    }

    /**
     * Removes the temporary files of atomic writes that a killed process left behind (they are never the only copy
     * of anything: the rename had not happened).
     */
    public void removeLeftoverTemporaryFiles() {
        if (!owner || !Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            warnings.accept(dir + ": cannot tidy temporary files (" + DiskProblem.describe(e) + ")");
        }
    }

    /** Replaces one of the JSON files atomically. */
    public void write(String name, Object value) throws IOException {
        requireOwner();
        AtomicFiles.write(dir.resolve(name), Json.pretty().writeValueAsBytes(value));
    }

    /** Appends audit lines; each line goes to the OS in one write. */
    public void appendAudit(List<StateFiles.AuditEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        requireOwner();
        Files.createDirectories(dir);
        Path file = dir.resolve(AUDIT);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (ch.size() > 0 && lastByte(file) != '\n') {
                // a line torn by a full disk: end it so the next entry starts on its own line
                ch.write(ByteBuffer.wrap(new byte[]{'\n'}));
            }
            for (StateFiles.AuditEntry e : entries) {
                byte[] json = Json.mapper().writeValueAsBytes(e);
                ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
                while (line.hasRemaining()) {
                    ch.write(line);
                }
            }
        }
    }

    private void requireOwner() {
        if (!owner) {
            throw new IllegalStateException(dir + " is open read-only: another process writes it");
        }
    }

    private static int lastByte(Path file) throws IOException {
        try (FileChannel r = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            r.read(b, r.size() - 1);
            return b.get(0);
        }
    }
}
