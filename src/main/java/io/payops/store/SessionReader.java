package io.payops.store;

import io.payops.common.BadInputException;
import io.payops.domain.Frame;
import io.payops.sim.Scenario;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.DoubleConsumer;

/**
 * Reads a session recorded by {@link SessionRecorder}: any frame by position, quickly, through the index; frames in
 * order, streaming. A session cut short by a crash, or damaged in its last gzip member, reads up to its last whole
 * frame, said in {@link #warnings()}; a missing or damaged index is rebuilt from the frames; damage anywhere else is
 * a {@link BadInputException} naming the file, the frame and what was wrong ({@link FrameIndexLoader} says which is
 * which, and why). Frames come back exactly as they were recorded: every gzip member is checked against its CRC.
 * Safe to call from one thread at a time (methods are synchronized for the UI's loader thread).
 */
public final class SessionReader implements AutoCloseable {
    private final Path dir;
    private final SessionMeta meta;
    private final String where;
    private final FileChannel channel;
    /** Replaced whole, never changed, when a frame shows the index wrong and it is rebuilt from the frames. */
    private volatile List<IndexEntry> entries;
    /** Offset of the last member: the only one that may be torn (a crash, or still being recorded). */
    private final long lastMemberOffset;
    private final List<String> warnings;
    private long cachedOffset = -1;
    private byte[] cachedText;
    private int[] cachedLineStarts;

    private SessionReader(Path dir, String where, SessionMeta meta, FileChannel channel, List<IndexEntry> entries,
                          List<String> warnings) {
        this.dir = dir;
        this.where = where;
        this.meta = meta;
        this.channel = channel;
        this.entries = List.copyOf(entries);
        this.lastMemberOffset = entries.get(entries.size() - 1).memberOffset();
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
        SessionMeta meta = SessionMetaFile.read(dir, where);
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
            List<IndexEntry> entries = new FrameIndexLoader(where, dir, ch, warnings, progress).load();
            if (entries.isEmpty()) {
                throw new BadInputException(where + ": holds no whole frame (the session was stopped before its first "
                        + "tick was written" + (warnings.isEmpty() ? "" : ", or " + warnings.get(0)) + ")");
            }
            progress.accept(1);
            return new SessionReader(dir, where, meta, ch, entries, warnings);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new BadInputException(where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
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

    /** Things a person should know about this recording: a torn or damaged end, a rebuilt index. */
    public synchronized List<String> warnings() {
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

    /**
     * The recorded frame at a position, 0 ≤ index < size().
     *
     * @throws BadInputException naming the file and the frame when its gzip member is damaged or its line is not a
     *                           frame (see {@link FrameIndexLoader}: a member before the last is only checked here)
     */
    public synchronized Frame frame(int index) {
        IndexEntry e = entries.get(index);
        try {
            if (e.memberOffset() != cachedOffset) {
                GzipMember m = GzipMember.read(channel, e.memberOffset());
                // only the last member may lack its end: the open checked it; any other must be whole
                if (!m.complete() && (m.state().damaged() || e.memberOffset() != lastMemberOffset)) {
                    throw damaged(index, e, (m.state().damaged() ? m.state().problem()
                            : "bad gzip member: it ends before its trailer, yet more members follow it")
                            + " (at byte " + e.memberOffset() + ")");
                }
                cachedText = m.text();
                cachedLineStarts = FrameIndexLoader.Lines.starts(cachedText);
                cachedOffset = e.memberOffset();
            }
            if (e.line() >= cachedLineStarts.length - 1) {
                throw damaged(index, e, "its gzip member holds " + (cachedLineStarts.length - 1) + " frames, but "
                        + SessionRecorder.INDEX + " puts it on line " + (e.line() + 1));
            }
            Frame f;
            try {
                f = FrameIndexLoader.parse(cachedText, cachedLineStarts, e.line());
            } catch (IOException ex) {
                throw damaged(index, e, "not a valid frame: " + JsonProblem.describe(ex));
            }
            if (f.tick() != e.tick() || f.simMillis() != e.simMillis()) {
                rebuildIndex(index, e, f);
            }
            return f;
        } catch (IOException ex) {
            throw new BadInputException(where + ": " + SessionRecorder.FRAMES + ": frame " + (index + 1)
                    + " cannot be read (" + ex.getMessage() + ")", ex);
        }
    }

    private BadInputException damaged(int index, IndexEntry e, String problem) {
        return new BadInputException(where + ": " + SessionRecorder.FRAMES + ": frame " + (index + 1) + " (tick "
                + e.tick() + ", sim time " + FrameIndexLoader.simTime(e.simMillis()) + "): " + problem);
    }

    /**
     * The frame at an entry's place is not the one the entry names: the index is damaged in a way its own checks
     * could not see (a digit of a time that still fits between its neighbours). The frames are the recording, so
     * the index is rebuilt from them, once, and the frame is the one at this position in it.
     */
    private void rebuildIndex(int index, IndexEntry e, Frame f) throws IOException {
        List<String> notes = new ArrayList<>();
        List<IndexEntry> rebuilt = new FrameIndexLoader(where, dir, channel, notes, p -> { }).fromFrames();
        List<IndexEntry> old = entries;
        boolean sameFrames = rebuilt.size() == old.size();
        for (int i = 0; sameFrames && i < old.size(); i++) {
            sameFrames = rebuilt.get(i).memberOffset() == old.get(i).memberOffset()
                    && rebuilt.get(i).line() == old.get(i).line();
        }
        if (!sameFrames) {
            throw new BadInputException(where + ": " + SessionRecorder.INDEX + ": line " + (index + 1) + " says tick "
                    + e.tick() + " at " + e.simMillis() + " ms, but the frame there is tick " + f.tick() + " at "
                    + f.simMillis() + " ms, and the frames do not line up with the index (expected an index written "
                    + "with these frames; delete " + SessionRecorder.INDEX + " to read the frames alone)");
        }
        entries = List.copyOf(rebuilt);
        warnings.add(SessionRecorder.INDEX + ": line " + (index + 1) + " says tick " + e.tick() + " at "
                + e.simMillis() + " ms, but the frame there is tick " + f.tick() + " at " + f.simMillis()
                + " ms; rebuilt the index from the frames");
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
