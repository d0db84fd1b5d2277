package io.payops.ingest;

import java.util.List;

/**
 * A {@link RecordFeed}'s values as the lines of an event log: first the records already taken (the head the world was
 * inferred from), then whatever the feed hands out. A value's trailing line break is not part of the event, and a
 * value longer than {@link LineSource#MAX_LINE_BYTES} is reported as too long, as a file's line would be.
 */
final class RecordLines implements Lines {
    private static final byte[] EMPTY = new byte[0];

    private final List<FeedRecord> head;
    /** Null: only the head (reading it to infer the world). */
    private final RecordFeed feed;
    private int headIndex;
    private FeedRecord current;
    private int length;
    private long read;
    private long bytes;

    RecordLines(List<FeedRecord> head, RecordFeed feed) {
        this.head = head;
        this.feed = feed;
    }

    @Override
    public boolean next() {
        FeedRecord r;
        if (headIndex < head.size()) {
            r = head.get(headIndex);
            if (feed != null) {
                head.set(headIndex, null);   // the run's reader lets the head go as it reads past it
            }
            headIndex++;
        } else {
            r = feed == null ? null : feed.next();
        }
        if (r == null) {
            return false;
        }
        current = r;
        read++;
        byte[] v = r.value() == null ? EMPTY : r.value();
        bytes += v.length;
        int len = v.length;
        while (len > 0 && (v[len - 1] == '\n' || v[len - 1] == '\r')) {
            len--;
        }
        length = len;
        return true;
    }

    @Override
    public byte[] buffer() {
        return current.value() == null ? EMPTY : current.value();
    }

    @Override
    public int lineOffset() {
        return 0;
    }

    @Override
    public int lineLength() {
        return length;
    }

    @Override
    public boolean tooLong() {
        return length > LineSource.MAX_LINE_BYTES;
    }

    /** The record's {@link FeedRecord#seq()}: what {@link EventLogSource} keeps with a pending event. */
    @Override
    public long lineNumber() {
        return current == null ? 0 : current.seq();
    }

    @Override
    public long totalLines() {
        return read;
    }

    @Override
    public int generation() {
        return 0;
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public long size() {
        return 0;
    }

    @Override
    public int truncations() {
        return 0;
    }

    @Override
    public int rotations() {
        return 0;
    }

    @Override
    public String where() {
        return current == null ? null : current.where();
    }

    @Override
    public long timestampMillis() {
        return current == null ? -1 : current.timestampMillis();
    }

    @Override
    public boolean ended() {
        return headIndex >= head.size() && (feed == null || feed.ended());
    }

    @Override
    public void close() {
        // the feed is its owner's to close: the reader only borrowed it
    }
}
