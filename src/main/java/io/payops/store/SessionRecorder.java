package io.payops.store;

import io.payops.common.Json;
import io.payops.domain.Frame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Records one session as {@code sessions/<id>/}: {@code meta.json}, {@code frames.jsonl.gz} (one JSON frame per
 * line), {@code frames.idx} (where each frame is, and its {@link FrameMark}s) and the {@link SessionSummary} a replay
 * scrubs with. Called from one thread only.
 *
 * <p>The frames file is a chain of gzip members of {@value #FRAMES_PER_MEMBER} frames, so a reader can seek to any
 * member; each frame is sync-flushed and handed to the OS in one write, so a process killed at any moment leaves
 * every frame written before it readable. The index line of a frame is written after the frame, so the index never
 * points past the data.
 */
public final class SessionRecorder implements AutoCloseable {
    public static final String META = "meta.json";
    public static final String FRAMES = "frames.jsonl.gz";
    public static final String INDEX = "frames.idx";
    static final int FRAMES_PER_MEMBER = 64;
    /** The suffix of a session folder being made (hidden, with a leading dot). */
    static final String MAKING = ".new";

    private final Path dir;
    private final Clock clock;
    private final FrameMarker marker = new FrameMarker();
    private final FileChannel frames;
    private final FileChannel index;
    /** The replay's history in brief ({@link SessionSummary}); null once it could not be written (it is rebuilt). */
    private FileChannel summaryFile;
    private SummaryWriter summary;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256 * 1024);
    private SessionMeta meta;
    private GZIPOutputStream member;
    private long memberOffset;
    private int memberLines;
    private long count;
    private long lastSimMillis;
    private long dropped;

    /**
     * Creates the session folder with its meta.json; throws {@link java.nio.file.FileAlreadyExistsException} when
     * the folder exists, or another IOException when it cannot be written. The folder is made under a hidden name
     * and renamed into place once meta.json is in it, so a session folder never lacks its meta.json, even when the
     * process is killed at its first instant; a hidden leftover is removed by the next writer.
     */
    public SessionRecorder(Path dir, SessionMeta meta, Clock clock) throws IOException {
        this.dir = dir;
        this.clock = clock;
        this.meta = meta;
        Files.createDirectories(dir.getParent());
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileAlreadyExistsException(dir.toString());
        }
        Path making = dir.resolveSibling("." + dir.getFileName() + MAKING);
        Files.createDirectory(making);
        try {
            AtomicFiles.writeInExistingFolder(making.resolve(META), Json.pretty().writeValueAsBytes(meta));
            // without REPLACE_EXISTING the move refuses a folder someone made meanwhile
            Files.move(making, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(making.resolve(META));
            Files.deleteIfExists(making);
            throw e;
        }
        this.frames = FileChannel.open(dir.resolve(FRAMES), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            this.index = FileChannel.open(dir.resolve(INDEX), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            frames.close();
            throw e;
        }
        try {
            summaryFile = FileChannel.open(dir.resolve(SessionSummary.FILE), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            summary = new SummaryWriter(java.nio.channels.Channels.newOutputStream(summaryFile));
        } catch (IOException e) {
            dropSummary();
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * A folder in {@code sessions/} that a killed process left half-made and that holds no frame: a hidden folder
     * being made, or (from versions before the hidden name) a folder without meta.json and without frames.
     */
    static boolean isUnfinishedCreation(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(MAKING)) {
            return true;
        }
        if (Files.exists(folder.resolve(META), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path f = folder.resolve(FRAMES);
        return !Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(f) == 0;
    }

    public long frames() {
        return count;
    }

    /** Bytes written so far (frames, index and summary). */
    public long bytes() throws IOException {
        FileChannel s = summaryFile;
        return frames.size() + index.size() + (s == null ? 0 : s.size());
    }

    /** How many frames the writer had to drop so far (it fell behind a live engine), so meta.json can say so. */
    public void setDropped(long frames) {
        dropped = frames;
    }

    public void write(Frame f) throws IOException {
        if (member == null) {
            memberOffset = frames.size();
            memberLines = 0;
            member = new GZIPOutputStream(pending, 64 * 1024, true) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }
        member.write(Json.mapper().writeValueAsBytes(f));
        member.write('\n');
        member.flush();
        int line = memberLines++;
        if (memberLines == FRAMES_PER_MEMBER) {
            member.finish();
            member = null;
        }
        long before = frames.size();
        try {
            writeFully(frames, ByteBuffer.wrap(pending.toByteArray()));
        } catch (IOException e) {
            // a full disk may take half a frame: cut it off, and forget the member, so nothing is ever sent twice
            member = null;
            try {
                frames.truncate(before);
            } catch (IOException ignored) {
                // the reader stops at the damage; the frames before it still replay
            }
            throw e;
        } finally {
            pending.reset();
        }
        int marks = FrameMark.bits(marker.marks(f));
        writeFully(index, ByteBuffer.wrap(new IndexEntry(f.tick(), f.simMillis(), memberOffset, line, marks)
                .toLine().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        count++;
        lastSimMillis = f.simMillis();
        writeSummary(f);
    }

    /**
     * After the frame, so a summary line never describes a frame that is not there. A summary that cannot be
     * written is given up, never the recording: the reader builds what it lacks from the frames.
     */
    private void writeSummary(Frame f) {
        if (summary == null) {
            return;
        }
        try {
            summary.write(f);
        } catch (IOException | RuntimeException e) {
            dropSummary();
        }
    }

    private void dropSummary() {
        summary = null;
        if (summaryFile != null) {
            try {
                summaryFile.close();
            } catch (IOException ignored) {
                // what was written stays readable up to its last whole line
            }
            summaryFile = null;
        }
    }

    /** Rewrites meta.json with the progress so far (atomically). */
    public void saveMeta() throws IOException {
        meta = meta.progress(count, lastSimMillis, dropped);
        AtomicFiles.writeInExistingFolder(dir.resolve(META), Json.pretty().writeValueAsBytes(meta));
    }

    /** Ends the session with a status ({@link SessionMeta#COMPLETE} or {@link SessionMeta#STOPPED}) and why. */
    public void finish(String status, String note) throws IOException {
        if (member != null) {
            member.finish();
            member = null;
            writeFully(frames, ByteBuffer.wrap(pending.toByteArray()));
            pending.reset();
        }
        if (summary != null) {
            try {
                summary.finish();
            } catch (IOException e) {
                dropSummary();
            }
        }
        meta = meta.progress(count, lastSimMillis, dropped).ended(clock.instant().toString(), status, note);
        AtomicFiles.writeInExistingFolder(dir.resolve(META), Json.pretty().writeValueAsBytes(meta));
    }

    @Override
    public void close() throws IOException {
        try {
            frames.close();
        } finally {
            try {
                index.close();
            } finally {
                dropSummary();
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
