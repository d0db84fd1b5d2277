package io.payops.store;

import io.payops.common.FileKind;
import io.payops.common.Json;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Looks over {@code audit.jsonl} when a writer takes the folder. The audit is a record of what people and the agent
 * did, so a damaged line is never removed or rewritten: it stays as written, and one warning says how many lines are
 * damaged and which, so no one reads the audit believing it whole. A path that is not a regular file (a link, a
 * pipe, a device) is moved aside, so appending never writes through it.
 */
final class AuditFileCheck {
    /** Line numbers named in the warning; the count covers the rest. */
    static final int NAMED_LINES = 5;
    /**
     * The longest line parsed. Our lines are a few hundred bytes (a long note a few KB); a longer one is damage and
     * is counted without being held in memory whole.
     */
    static final int MAX_LINE_BYTES = 1024 * 1024;

    private final Path file;
    private final Clock clock;

    AuditFileCheck(Path file) {
        this(file, Clock.systemUTC());
    }

    AuditFileCheck(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** What the look found: line numbers of damaged lines (the first few) and how many in all. */
    record Damage(List<Long> firstLines, long count) {
    }

    void check(Consumer<String> warnings) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                Path aside = JsonFile.moveAside(file, clock);
                warnings.accept(file + ": is " + FileKind.of(aside, LinkOption.NOFOLLOW_LINKS).words()
                        + ", not a regular file; moved aside to "
                        + aside.getFileName() + " and a new audit is started");
                return;
            }
            Damage d = scan();
            if (d.count() > 0) {
                warnings.accept(file + ": " + d.count() + " damaged line" + (d.count() == 1 ? "" : "s") + " (line"
                        + (d.firstLines().size() == 1 ? " " : "s ") + join(d.firstLines())
                        + (d.count() > d.firstLines().size() ? ", …" : "") + ") kept as written; every other line is "
                        + "whole, and new lines are appended after them");
            }
        } catch (NoSuchFileException e) {
            // no audit yet
        } catch (IOException e) {
            warnings.accept(file + ": cannot be read (" + DiskProblem.describe(e) + "); its lines are not checked");
        }
    }

    Damage scan() throws IOException {
        List<Long> first = new ArrayList<>();
        long count = 0;
        long lineNo = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        boolean tooLong = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), 1 << 16)) {
            int b;
            boolean any = false;
            while ((b = in.read()) != -1) {
                any = true;
                if (b == '\n') {
                    lineNo++;
                    if (tooLong || !whole(line.toByteArray())) {
                        count++;
                        if (first.size() < NAMED_LINES) {
                            first.add(lineNo);
                        }
                    }
                    line.reset();
                    tooLong = false;
                    any = false;
                } else if (line.size() < MAX_LINE_BYTES) {
                    line.write(b);
                } else {
                    tooLong = true;
                }
            }
            if (any) {
                // a last line without its newline: a torn write; the next append ends it before writing
                lineNo++;
                count++;
                if (first.size() < NAMED_LINES) {
                    first.add(lineNo);
                }
            }
        }
        return new Damage(first, count);
    }

    private static boolean whole(byte[] line) {
        if (line.length == 0) {
            return false;
        }
        try {
            return Json.mapper().readValue(line, StateFiles.AuditEntry.class) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String join(List<Long> lines) {
        StringBuilder b = new StringBuilder();
        for (Long l : lines) {
            b.append(b.length() == 0 ? "" : ", ").append(l);
        }
        return b.toString();
    }
}
