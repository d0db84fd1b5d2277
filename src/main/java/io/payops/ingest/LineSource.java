package io.payops.ingest;

import io.payops.common.FileKind;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a file, read through one reused buffer, so a file of any size takes constant memory. A line longer
 * than the limit is reported as such and skipped without being held. {@code \r\n} and a UTF-8 byte order mark are
 * handled. A {@code .gz} file is read through gunzip.
 *
 * <p>When following (like {@code tail -f}) the end of the file is not the end: a line without its newline waits for
 * it, a file truncated under us is read again from its start, and a file replaced by another (log rotation) is read
 * to its end before the new one is opened from its start. Each such restart bumps {@link #generation()}.
 */
final class LineSource implements Lines {
    static final int MAX_LINE_BYTES = 64 * 1024;
    private static final int BUFFER_BYTES = 256 * 1024;

    private final Path path;
    private final boolean follow;
    private final boolean gzip;
    private final long size;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int start;
    private int end;
    private int scan;
    private boolean skipping;
    private boolean eof;

    private FileInputStream file;
    private InputStream in;
    private Object fileKey;
    private long bytesRead;
    private long lineNumber;
    private long totalLines;
    private int generation;
    private int truncations;
    private int rotations;

    private int lineOff;
    private int lineLen;
    private boolean tooLong;

    LineSource(Path path, boolean follow) throws IOException {
        this.path = path;
        this.follow = follow;
        this.gzip = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
        this.size = Files.size(path);
        open();
    }

    /** Opens the file at the path; the key is taken before and after, so a file swapped meanwhile is not mistaken. */
    private void open() throws IOException {
        FileInputStream opened;
        Object key;
        while (true) {
            key = keyOf(path);
            opened = new FileInputStream(path.toFile());
            if (Objects.equals(key, keyOf(path))) {
                break;
            }
            opened.close();
        }
        final FileInputStream src = opened;
        file = opened;
        fileKey = key;
        InputStream counted = new InputStream() {
            @Override
            public int read() throws IOException {
                int b = src.read();
                if (b >= 0) {
                    bytesRead++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = src.read(b, off, len);
                if (n > 0) {
                    bytesRead += n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                src.close();
            }
        };
        in = gzip ? new GZIPInputStream(counted, 64 * 1024) : counted;
        start = 0;
        end = 0;
        scan = 0;
        skipping = false;
        eof = false;
    }

    private static Object keyOf(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Moves to the next line. Returns false when there is none now: the end of the file, or, when following, the end
     * of what has been written so far (call again later).
     */
    @Override
    public boolean next() throws IOException {
        while (true) {
            int nl = indexOfNewline();
            if (nl >= 0) {
                boolean wasSkipping = skipping;
                int lineStart = start;
                start = nl + 1;
                scan = start;
                if (wasSkipping) {
                    // the rest of an overlong line, already reported
                    skipping = false;
                    continue;
                }
                emit(lineStart, nl, nl - lineStart > MAX_LINE_BYTES);
                return true;
            }
            scan = end;
            if (skipping) {
                start = end;
                scan = end;
            } else if (end - start >= MAX_LINE_BYTES) {
                // report the line now, then drop the rest of it as it comes
                skipping = true;
                emit(start, start, true);
                start = end;
                scan = end;
                return true;
            }
            if (!fill()) {
                if (!follow && end > start && !skipping) {
                    // the last line of a complete file may lack its newline
                    int lineStart = start;
                    start = end;
                    scan = end;
                    emit(lineStart, end, end - lineStart > MAX_LINE_BYTES);
                    return true;
                }
                return false;
            }
        }
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Finds the next '\n' eight bytes at a time (a byte is zero in x ^ NEWLINES exactly where it was '\n'). */
    private int indexOfNewline() {
        int i = scan;
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(buf, i) ^ NEWLINES;
            long found = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void emit(int from, int to, boolean overlong) {
        lineNumber++;
        totalLines++;
        if (lineNumber == 1 && to - from >= 3 && (buf[from] & 0xff) == 0xEF && (buf[from + 1] & 0xff) == 0xBB
                && (buf[from + 2] & 0xff) == 0xBF) {
            from += 3;
        }
        if (to > from && buf[to - 1] == '\r') {
            to--;
        }
        lineOff = from;
        lineLen = to - from;
        tooLong = overlong;
    }

    /** Reads more bytes; false at the end of the file as it is now (after checking for truncation and rotation). */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scan -= start;
            start = 0;
        }
        if (eof && !follow) {
            return false;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n > 0) {
            end += n;
            return true;
        }
        eof = true;
        return follow && restartIfReplaced();
    }

    /** Following: a truncated file is read again from its start, a rotated one is swapped for the new file. */
    private boolean restartIfReplaced() throws IOException {
        FileChannel channel = file.getChannel();
        Object now = keyOf(path);
        boolean rotated = now != null && !Objects.equals(now, fileKey);
        if (!rotated && channel.size() >= channel.position()) {
            return false;
        }
        if (!reopen()) {
            return false;
        }
        if (rotated) {
            rotations++;
        } else {
            truncations++;
        }
        return true;
    }

    /** Swaps to the file now at the path, from its start; false (keeping the old one) when there is none yet. */
    private boolean reopen() throws IOException {
        if (FileKind.of(path) != FileKind.REGULAR) {
            // rotated away, or something other than a log put in its place (a pipe would block the open): wait
            return false;
        }
        InputStream old = in;
        try {
            open();
        } catch (FileNotFoundException | NoSuchFileException e) {
            // rotated away and not yet replaced: keep the old file and try again on the next call
            return false;
        }
        old.close();
        lineNumber = 0;
        generation++;
        return true;
    }

    @Override
    public byte[] buffer() {
        return buf;
    }

    @Override
    public int lineOffset() {
        return lineOff;
    }

    @Override
    public int lineLength() {
        return lineLen;
    }

    /** True when the current line was longer than {@link #MAX_LINE_BYTES}; its content is not available. */
    @Override
    public boolean tooLong() {
        return tooLong;
    }

    /** The current line's number in the file (1-based; restarts after a truncation or rotation). */
    @Override
    public long lineNumber() {
        return lineNumber;
    }

    /** Lines read so far, over every restart. */
    @Override
    public long totalLines() {
        return totalLines;
    }

    /** Bumped whenever the file restarted (truncated, rotated): a CSV header must be read again. */
    @Override
    public int generation() {
        return generation;
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    /** The size of the file when it was opened (compressed size for .gz): with {@link #bytesRead()}, progress. */
    @Override
    public long size() {
        return size;
    }

    @Override
    public int truncations() {
        return truncations;
    }

    @Override
    public int rotations() {
        return rotations;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
