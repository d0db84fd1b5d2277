package io.payops.store;

import io.payops.common.BadInputException;
import io.payops.common.Json;
import io.payops.domain.Frame;
import io.payops.sim.Scenario;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.DoubleConsumer;

/**
 * Reads a session recorded by {@link SessionRecorder}: any frame by position, quickly, through the index; frames in
 * order, streaming. A session cut short by a crash reads up to its last whole frame (a torn last line is dropped and
 * said in {@link #warnings()}); a missing or damaged index is rebuilt from the frames. Frames come back exactly as
 * they were recorded. Safe to call from one thread at a time (methods are synchronized for the UI's loader thread).
 */
public final class SessionReader implements AutoCloseable {
    private final Path dir;
    private final SessionMeta meta;
    private final FileChannel channel;
    private final List<IndexEntry> entries;
    private final List<String> warnings;
    private long cachedOffset = -1;
    private byte[] cachedText;
    private int[] cachedLineStarts;

    private SessionReader(Path dir, SessionMeta meta, FileChannel channel, List<IndexEntry> entries, List<String> warnings) {
        this.dir = dir;
        this.meta = meta;
        this.channel = channel;
        this.entries = entries;
        this.warnings = warnings;
    }

    /**
     * Opens a session folder. {@code progress} hears 0..1 while a missing index is rebuilt (a large session takes a
     * while); with an index it hears 1 at once.
     *
     * @throws BadInputException naming the folder and what was expected when it is not a readable recording
     */
    public static SessionReader open(Path dir, DoubleConsumer progress) {
        String where = "session folder '" + dir + "'";
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(where + ": not a folder (expected a folder under state/sessions/ with "
                    + SessionRecorder.META + " and " + SessionRecorder.FRAMES + ")");
        }
        SessionMeta meta = readMeta(dir, where);
        FileChannel ch;
        try {
            ch = FileChannel.open(dir.resolve(SessionRecorder.FRAMES), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BadInputException(where + ": no " + SessionRecorder.FRAMES + " (expected the recorded frames)");
        } catch (IOException e) {
            throw new BadInputException(where + ": cannot read " + SessionRecorder.FRAMES + " (" + e.getMessage() + ")", e);
        }
        List<String> warnings = new ArrayList<>();
        try {
            List<IndexEntry> entries = loadIndex(dir, ch, warnings, progress);
            if (entries.isEmpty()) {
                throw new BadInputException(where + ": holds no whole frame (the session was stopped before its first "
                        + "tick was written)");
            }
            progress.accept(1);
            return new SessionReader(dir, meta, ch, Collections.unmodifiableList(entries), warnings);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new BadInputException(where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static SessionMeta readMeta(Path dir, String where) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(SessionRecorder.META));
        } catch (NoSuchFileException e) {
            throw new BadInputException(where + ": no " + SessionRecorder.META + " (expected a folder written by "
                    + "PayOps, e.g. state/sessions/<id>)");
        } catch (IOException e) {
            throw new BadInputException(where + ": cannot read " + SessionRecorder.META + " (" + e.getMessage() + ")", e);
        }
        try {
            SessionMeta meta = Json.mapper().readValue(bytes, SessionMeta.class);
            if (meta == null || meta.scenario() == null) {
                throw new BadInputException(where + ": " + SessionRecorder.META + " names no scenario");
            }
            if (meta.format() != SessionMeta.FORMAT) {
                throw new BadInputException(where + ": recording format " + meta.format() + " (expected "
                        + SessionMeta.FORMAT + ")");
            }
            return meta;
        } catch (IOException e) {
            throw new BadInputException(where + ": " + SessionRecorder.META + " is not valid ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** The index as written, checked against the frames; rebuilt from the frames where it falls short. */
    private static List<IndexEntry> loadIndex(Path dir, FileChannel ch, List<String> warnings, DoubleConsumer progress)
            throws IOException {
        List<IndexEntry> entries = new ArrayList<>();
        try {
            String text = Files.readString(dir.resolve(SessionRecorder.INDEX), StandardCharsets.US_ASCII);
            IndexEntry prev = null;
            for (String line : text.split("\n", -1)) {
                IndexEntry e = IndexEntry.parse(line);
                if (e == null || (prev != null && (e.tick() <= prev.tick() || e.memberOffset() < prev.memberOffset()))) {
                    break;
                }
                entries.add(e);
                prev = e;
            }
        } catch (NoSuchFileException e) {
            warnings.add(SessionRecorder.INDEX + " is missing; rebuilt it from the frames");
        } catch (IOException e) {
            warnings.add(SessionRecorder.INDEX + " cannot be read (" + e.getMessage() + "); rebuilt it from the frames");
        }
        // the index is written after each frame, so it can only lag the frames; trust it up to the last entry whose
        // frame is really there, then scan whatever follows
        FrameMarker marker = new FrameMarker();
        long scanFrom = 0;
        int firstLine = 0;
        while (!entries.isEmpty()) {
            IndexEntry last = entries.get(entries.size() - 1);
            GzipMember m = GzipMember.read(ch, last.memberOffset());
            int[] starts = lineStarts(m.text());
            if (starts.length - 1 > last.line()) {
                Frame f = parseOrNull(m.text(), starts, last.line());
                if (f != null && f.tick() == last.tick()) {
                    if (entries.size() > 1) {
                        // incidents and requests already open must not count as new in the frames scanned next
                        marker.marks(f);
                    }
                    scanFrom = last.memberOffset();
                    firstLine = last.line() + 1;
                    break;
                }
            }
            entries.remove(entries.size() - 1);
        }
        if (entries.isEmpty()) {
            marker = new FrameMarker();
        }
        int before = entries.size();
        scan(ch, scanFrom, firstLine, entries, marker, progress);
        if (before > 0 && entries.size() > before) {
            warnings.add(SessionRecorder.INDEX + " lagged the frames by " + (entries.size() - before) + "; read them from the frames");
        }
        return entries;
    }

    /** Reads members from {@code offset} on, indexing every whole frame from line {@code firstLine} of the first. */
    private static void scan(FileChannel ch, long offset, int firstLine, List<IndexEntry> out, FrameMarker marker,
                             DoubleConsumer progress) throws IOException {
        long size = ch.size();
        long pos = offset;
        int skip = firstLine;
        while (pos < size) {
            GzipMember m = GzipMember.read(ch, pos);
            int[] starts = lineStarts(m.text());
            for (int line = skip; line < starts.length - 1; line++) {
                Frame f;
                try {
                    f = parse(m.text(), starts, line);
                } catch (IOException e) {
                    if (m.complete()) {
                        throw e;
                    }
                    return; // garbage where a crash cut the last member: the frames before it are the recording
                }
                out.add(new IndexEntry(f.tick(), f.simMillis(), pos, line, FrameMark.bits(marker.marks(f))));
            }
            skip = 0;
            if (!m.complete()) {
                break;
            }
            pos += m.compressedSize();
            progress.accept(Math.min(1, pos / (double) size));
        }
    }

    /** Start offsets of the whole lines in {@code text}, plus one past the end of the last whole line. */
    private static int[] lineStarts(byte[] text) {
        int n = 0;
        for (byte b : text) {
            if (b == '\n') {
                n++;
            }
        }
        int[] starts = new int[n + 1];
        int k = 1;
        for (int i = 0; i < text.length && k <= n; i++) {
            if (text[i] == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }

    private static Frame parseOrNull(byte[] text, int[] starts, int line) {
        try {
            return parse(text, starts, line);
        } catch (IOException e) {
            return null;
        }
    }

    private static Frame parse(byte[] text, int[] starts, int line) throws IOException {
        return Json.mapper().readValue(text, starts[line], starts[line + 1] - starts[line] - 1, Frame.class);
    }

    public Path dir() {
        return dir;
    }

    public SessionMeta meta() {
        return meta;
    }

    public Scenario scenario() {
        return meta.scenario();
    }

    /** Things a person should know about this recording: a torn end, a rebuilt index. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** How many frames can be read. */
    public int size() {
        return entries.size();
    }

    public IndexEntry entry(int index) {
        return entries.get(index);
    }

    public List<IndexEntry> entries() {
        return entries;
    }

    /** The recorded frame at a position, 0 ≤ index < size(). */
    public synchronized Frame frame(int index) {
        IndexEntry e = entries.get(index);
        try {
            if (e.memberOffset() != cachedOffset) {
                GzipMember m = GzipMember.read(channel, e.memberOffset());
                cachedText = m.text();
                cachedLineStarts = lineStarts(cachedText);
                cachedOffset = e.memberOffset();
            }
            return parse(cachedText, cachedLineStarts, e.line());
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException("session '" + dir + "': frame " + index + " cannot be read: "
                    + ex.getMessage(), ex);
        }
    }

    /** The first position after {@code from} whose frame has the mark, or -1. */
    public int next(int from, FrameMark mark) {
        for (int i = Math.max(0, from + 1); i < entries.size(); i++) {
            if (entries.get(i).has(mark)) {
                return i;
            }
        }
        return -1;
    }

    /** The last position before {@code from} whose frame has the mark, or -1. */
    public int previous(int from, FrameMark mark) {
        for (int i = Math.min(entries.size(), from) - 1; i >= 0; i--) {
            if (entries.get(i).has(mark)) {
                return i;
            }
        }
        return -1;
    }

    /** Every frame in order, read lazily (one gzip member in memory at a time). */
    public Iterable<Frame> frames() {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < entries.size();
            }

            @Override
            public Frame next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return frame(next++);
            }
        };
    }

    @Override
    public synchronized void close() {
        closeQuietly(channel);
        cachedText = null;
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing was written through it; there is nothing to lose
        }
    }
}
