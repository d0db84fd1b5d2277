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
     * IllegalArgumentException saying what is wrong) is treated as unparsable: moved aside, defaults used.
     */
    public T readOr(T fallback, Consumer<String> warnings, Consumer<T> check) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return fallback;
        } catch (IOException e) {
            warnings.accept(path + ": cannot be read (" + e.getMessage() + "); using defaults");
            return fallback;
        }
        try {
            T value = Json.mapper().readValue(bytes, type);
            if (value == null) {
                throw new IllegalArgumentException("the file holds JSON null");
            }
            check.accept(value);
            return value;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            warnings.accept(moveAside(e));
            return fallback;
        } catch (IOException e) {
            warnings.accept(path + ": cannot be read (" + e.getMessage() + "); using defaults");
            return fallback;
        }
    }

    /** Replaces the file with {@code value} as pretty JSON, atomically. */
    public void write(T value) throws IOException {
        AtomicFiles.write(path, Json.pretty().writeValueAsBytes(value));
    }

    private String moveAside(Exception why) {
        String reason = why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage().lines().findFirst().orElse("");
        Path aside = path.resolveSibling(path.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
        try {
            for (int n = 2; Files.exists(aside); n++) {
                aside = path.resolveSibling(path.getFileName() + ".corrupt-" + STAMP.format(clock.instant()) + "-" + n);
            }
            Files.move(path, aside);
            return path + ": not valid (" + reason + "); moved aside to " + aside.getFileName() + ", using defaults";
        } catch (IOException e) {
            return path + ": not valid (" + reason + ") and could not be moved aside (" + e.getMessage()
                    + "); using defaults and leaving it untouched";
        }
    }
}
