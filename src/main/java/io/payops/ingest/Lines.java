package io.payops.ingest;

import java.io.Closeable;
import java.io.IOException;

/**
 * What an {@link EventLogReader} reads one event from at a time: the lines of a file ({@link LineSource}) or the
 * values of a topic's records ({@link RecordLines}). The current line lives in {@link #buffer()} from
 * {@link #lineOffset()} for {@link #lineLength()} bytes until the next call to {@link #next()}.
 */
interface Lines extends Closeable {
    /** Moves to the next line; false when there is none now (the end, or the end of what has come so far). */
    boolean next() throws IOException;

    byte[] buffer();

    int lineOffset();

    int lineLength();

    /** True when the current line was longer than {@link LineSource#MAX_LINE_BYTES}; its content is not available. */
    boolean tooLong();

    /** The current line's number (a file's line, or a record's place in the order read). */
    long lineNumber();

    /** Lines read so far. */
    long totalLines();

    /** Bumped whenever the input restarted (a file truncated or rotated): a CSV header must be read again. */
    int generation();

    long bytesRead();

    /** The size of the input when it was opened, or 0 when it has none (a topic): with {@link #bytesRead()}, progress. */
    long size();

    int truncations();

    int rotations();

    /** Where the current line came from when a line number does not say it ("partition 2 offset 41"), else null. */
    default String where() {
        return null;
    }

    /** The current line's own timestamp (a record's), epoch milliseconds, or -1 when it has none (a file's line). */
    default long timestampMillis() {
        return -1;
    }

    /** True when no line will ever come again (a bounded read of a topic reached its count); a file says false. */
    default boolean ended() {
        return false;
    }

    @Override
    void close() throws IOException;
}
