package io.payops.store;

import com.fasterxml.jackson.core.JacksonException;
import io.payops.common.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * One JSON state file (DESIGN §5.6): written atomically, and read so that a file which cannot be parsed is never
 * overwritten: it is moved aside as {@code NAME.corrupt-<timestamp>}, a warning says so, and the caller goes on
 * with its default.
 */
public final class JsonFile<T> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * The largest state file read. The biggest we write is actions.json with its 500 action records and 200
     * decisions, a few MB; 64 MB is far above that and small enough to read whole without worry. A larger file is
     * not ours (a gigabyte of zeros was seen) and is moved aside unread.
     */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Path path;
    private final Class<T> type;
    private final Clock clock;

    public JsonFile(Path path, Class<T> type) {
        this(path, type, Clock.systemUTC());
    }

    JsonFile(Path path, Class<T> type, Clock clock) {
        this.path = path;
        this.type = type;
        this.clock = clock;
    }

    public Path path() {
        return path;
    }

    /**
     * The file's content, or {@code fallback} when it does not exist or cannot be read; an unparsable file is moved
     * aside first and {@code warnings} is told where it went.
     */
    public T readOr(T fallback, Consumer<String> warnings) {
        return readOr(fallback, warnings, value -> { });
    }

    /**
     * As {@link #readOr(Object, Consumer)}, and a file that parses but that {@code check} rejects (by throwing
     * IllegalArgumentException saying what is wrong) is treated as unparsable: moved aside, defaults used. So is a
     * file that is not a regular file (a symbolic link, a named pipe, a device: reading those could hang or never
     * end, and writing over them would replace what they point at) or that is larger than any state file we write.
     */
    public T readOr(T fallback, Consumer<String> warnings, Consumer<T> check) {
        Read<T> r = read(check);
        if (r.problem() == null) {
            return r.value() == null ? fallback : r.value();
        }
        warnings.accept(r.unreadable() ? path + ": " + r.problem() + "; using defaults" : moveAside(r.problem()));
        return fallback;
    }

    /**
     * As {@link #readOr(Object, Consumer, Consumer)} but never moves anything: for a process that reads a state
     * folder another process writes (the damaged file is that one's to set aside).
     */
    public T readLeavingDamage(T fallback, Consumer<String> warnings, Consumer<T> check) {
        Read<T> r = read(check);
        if (r.problem() != null) {
            warnings.accept(path + ": " + r.problem() + "; using defaults and leaving the file as it is");
            return fallback;
        }
        return r.value() == null ? fallback : r.value();
    }

    /** What a read found: a value, nothing (no file), or a problem; {@code unreadable} when the bytes were never seen. */
    private record Read<T>(T value, String problem, boolean unreadable) {
    }

    private Read<T> read(Consumer<T> check) {
        byte[] bytes;
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(path,
                    java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                return new Read<>(null, "is " + io.payops.common.FileKind.of(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        .words() + ", not a regular file", false);
            }
            if (a.size() > MAX_BYTES) {
                return new Read<>(null, "is " + megabytes(a.size()) + ", larger than any state file ("
                        + megabytes(MAX_BYTES) + " at most)", false);
            }
            bytes = readAtMost(path, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return new Read<>(null, null, false);
        } catch (IOException e) {
            return new Read<>(null, "cannot be read (" + DiskProblem.describe(e) + ")", true);
        }
        if (bytes.length > MAX_BYTES) {
            return new Read<>(null, "grew past " + megabytes(MAX_BYTES) + " while being read", false);
        }
        try {
            T value = Json.mapper().readValue(bytes, type);
            if (value == null) {
                throw new IllegalArgumentException("the file holds JSON null");
            }
            check.accept(value);
            return new Read<>(value, null, false);
        } catch (JacksonException e) {
            return new Read<>(null, JsonProblem.describe(e), false);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Read<>(null, e.getMessage() == null ? "a required part is missing" : e.getMessage(), false);
        } catch (IOException e) {
            return new Read<>(null, "cannot be read (" + DiskProblem.describe(e) + ")", true);
        }
    }

    /** Reads at most {@code max + 1} bytes, so a file that grows past the bound is seen to, without reading it all. */
    static byte[] readAtMost(Path file, long max) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : bytes + " bytes";
    }

    /** Replaces the file with {@code value} as pretty JSON, atomically. */
    public void write(T value) throws IOException {
        AtomicFiles.write(path, Json.pretty().writeValueAsBytes(value));
    }

    private String moveAside(String reason) {
        try {
            Path aside = moveAside(path, clock);
            return path + ": not valid (" + reason + "); moved aside to " + aside.getFileName() + ", using defaults";
        } catch (IOException e) {
            return path + ": not valid (" + reason + ") and could not be moved aside (" + DiskProblem.describe(e)
                    + "); using defaults and leaving it untouched";
        }
    }

    /**
     * Renames a damaged file to {@code NAME.corrupt-<UTC time>} beside it (a number added if that exists), bytes
     * untouched; a symbolic link is renamed itself, never what it points at.
     */
    static Path moveAside(Path path, Clock clock) throws IOException {
        Path aside = path.resolveSibling(path.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
        for (int n = 2; Files.exists(aside, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
            aside = path.resolveSibling(path.getFileName() + ".corrupt-" + STAMP.format(clock.instant()) + "-" + n);
        }
        Files.move(path, aside);
        return aside;
    }
}
