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

    public StateStore(Path dir, Consumer<String> warnings) {
        this.dir = dir;
        this.warnings = warnings;
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
        return new JsonFile<>(dir.resolve(LESSONS), StateFiles.Lessons.class)
                .readOr(none, warnings, StateFiles.Lessons::check).lessons();
    }

    /** The routing the last session left, or null; a damaged file is moved aside. */
    public StateFiles.Routing loadRouting() {
        return new JsonFile<>(dir.resolve(ROUTING), StateFiles.Routing.class)
                .readOr(null, warnings, StateFiles.Routing::check);
    }

    /**
     * Removes the temporary files of atomic writes that a killed process left behind (they are never the only copy
     * of anything: the rename had not happened).
     */
    public void removeLeftoverTemporaryFiles() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            warnings.accept(dir + ": cannot tidy temporary files (" + e.getMessage() + ")");
        }
    }

    /** Replaces one of the JSON files atomically. */
    public void write(String name, Object value) throws IOException {
        AtomicFiles.write(dir.resolve(name), Json.pretty().writeValueAsBytes(value));
    }

    /** Appends audit lines; each line goes to the OS in one write. */
    public void appendAudit(List<StateFiles.AuditEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(AUDIT);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
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

    private static int lastByte(Path file) throws IOException {
        try (FileChannel r = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            r.read(b, r.size() - 1);
            return b.get(0);
        }
    }
}
