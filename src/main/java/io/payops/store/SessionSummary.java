package io.payops.store;

import io.payops.common.BadInputException;
import io.payops.common.Json;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * A recorded session's history in brief, one {@link FrameSummary} per frame, so a replay can show everything up to
 * the moment it seeks to (the charts from the session's start, the audit, the reasoning cycles, the tickets) without
 * reading the frames before it: a frame is ~80 KB of JSON, an hour is 3,600 of them, while its summary reads in well
 * under a second and then stays in memory.
 *
 * <p>The recorder writes {@value #FILE} beside the frames as it goes ({@link SummaryWriter}). A recording made
 * before that, or whose summary was cut short (a crash, a full disk) or is damaged, has its summary built from the
 * frames from where the file stops being right, once, reporting progress, and written beside the recording for the
 * next time (a folder that cannot be written, or a session still marked recording, just means it is built again).
 * Each line must match the index's frame
 * at its position (tick and time), so a summary never describes other frames than the recording's. Frames the
 * reader refuses (damage in the middle of a recording) end the summary there, with a warning: the replay still
 * shows everything before them.
 */
public final class SessionSummary {
    /** The file's name carries its format: another version's summary is not read, and is rebuilt beside it. */
    public static final String FILE = "summary.v1.jsonl.gz";

    private final List<FrameSummary> lines;
    private final List<String> warnings;

    private SessionSummary(List<FrameSummary> lines, List<String> warnings) {
        this.lines = List.copyOf(lines);
        this.warnings = List.copyOf(warnings);
    }

    /** A summary of nothing: what a replay has before its summary is loaded. */
    public static SessionSummary empty() {
        return new SessionSummary(List.of(), List.of());
    }

    /**
     * Reads the summary of {@code reader}'s recording, building from the frames whatever the file lacks.
     *
     * @param progress  hears 0..1 while frames are read to build it (not while the file is read: that is quick)
     * @param cancelled polled between frames: true stops the build with a {@link CancellationException}
     */
    public static SessionSummary load(SessionReader reader, DoubleConsumer progress, BooleanSupplier cancelled) {
        List<FrameSummary> lines = new ArrayList<>(reader.size());
        List<String> warnings = new ArrayList<>();
        readFile(reader, lines);
        int fromFile = lines.size();
        FrameSummary before = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        for (int i = fromFile; i < reader.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the session was closed");
            }
            FrameSummary line;
            try {
                line = FrameSummary.of(reader.frame(i), before).filledIn(before);
            } catch (BadInputException e) {
                warnings.add("the history before a moment stops at frame " + i + ", which cannot be read ("
                        + e.getMessage() + ")");
                break;
            }
            lines.add(line);
            before = line;
            progress.accept((i - fromFile + 1) / (double) (reader.size() - fromFile));
        }
        // a session still marked recording may have a recorder writing its summary, or be a crash the next writer
        // closes (by the time of its last write): its folder is left as it is
        if (lines.size() > fromFile && !SessionMeta.RECORDING.equals(reader.meta().status())) {
            save(reader.dir(), lines);
        }
        return new SessionSummary(lines, warnings);
    }

    /** The file's lines that match the recording's frames, in order; stops at the first that does not. */
    private static void readFile(SessionReader reader, List<FrameSummary> out) {
        GzipMember member;
        try (FileChannel ch = FileChannel.open(reader.dir().resolve(FILE), StandardOpenOption.READ)) {
            member = GzipMember.read(ch, 0);
        } catch (NoSuchFileException e) {
            return; // recorded before summaries were written: built from the frames
        } catch (IOException e) {
            return; // unreadable: built from the frames, as if it were not there
        }
        byte[] text = member.text(); // empty when damaged: the whole summary is then rebuilt
        int[] starts = FrameIndexLoader.Lines.starts(text);
        FrameSummary before = null;
        for (int i = 0; i < starts.length - 1 && i < reader.size(); i++) {
            FrameSummary line;
            try {
                line = Json.mapper().readValue(text, starts[i], starts[i + 1] - starts[i] - 1, FrameSummary.class);
            } catch (IOException | RuntimeException e) {
                return;
            }
            IndexEntry e = reader.entry(i);
            if (line.tick() != e.tick() || line.simMillis() != e.simMillis()) {
                return;
            }
            before = line.filledIn(before);
            out.add(before);
        }
    }

    /** Written whole or not at all; a folder that cannot be written only costs the next open the same build. */
    private static void save(Path dir, List<FrameSummary> lines) {
        try (AtomicFiles.Streamed file = AtomicFiles.streamed(dir.resolve(FILE))) {
            try (SummaryWriter w = new SummaryWriter(new NotClosing(file.out()))) {
                for (FrameSummary line : lines) {
                    w.writeFilledIn(line);
                }
                w.finish();
            }
            file.commit();
        } catch (IOException | RuntimeException e) {
            // a cache: the replay has its summary in memory either way
        }
    }

    /** Lets the gzip stream end without closing the file under it, which {@link AtomicFiles.Streamed} commits. */
    private static final class NotClosing extends java.io.FilterOutputStream {
        NotClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** How many frames, from the first, the summary covers: all of them, unless a frame could not be read. */
    public int size() {
        return lines.size();
    }

    /** The line of the frame at {@code index}, with its open incidents and learning filled in. */
    public FrameSummary line(int index) {
        return lines.get(index);
    }

    /** Why the summary stops before the recording's last frame; empty when it covers them all. */
    public List<String> warnings() {
        return warnings;
    }
}
