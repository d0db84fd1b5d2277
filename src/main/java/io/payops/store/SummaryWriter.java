package io.payops.store;

import io.payops.common.Json;
import io.payops.domain.Frame;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a session's {@link SessionSummary#FILE}: one {@link FrameSummary} line per frame, in one gzip member,
 * sync-flushed after each line so a process killed at any moment leaves every line before it readable (the reader
 * rebuilds the rest from the frames). Not thread-safe: the recorder's thread, or one loader.
 */
final class SummaryWriter implements AutoCloseable {
    private final GZIPOutputStream out;
    /** The line before, filled in: what a line leaves out is what it shares with it. */
    private FrameSummary before;

    SummaryWriter(OutputStream target) throws IOException {
        this.out = new GZIPOutputStream(target, 16 * 1024, true) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    void write(Frame f) throws IOException {
        FrameSummary line = FrameSummary.of(f, before);
        writeLine(line);
        before = line.filledIn(before);
    }

    /** A line filled in (from {@link SessionSummary}), written with what is unchanged left out. */
    void writeFilledIn(FrameSummary line) throws IOException {
        writeLine(line.asWrittenAfter(before));
        before = line;
    }

    private void writeLine(FrameSummary line) throws IOException {
        out.write(Json.mapper().writeValueAsBytes(line));
        out.write('\n');
        out.flush();
    }

    /** Ends the gzip member (its trailer); the stream underneath stays open. */
    void finish() throws IOException {
        out.finish();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
