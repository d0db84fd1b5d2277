package io.payops.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one gzip member of a recording at a known byte offset. A recording is a chain of members (one per block of
 * frames) so a reader can start at any member without inflating what comes before; and a member cut short by a
 * crash still yields the lines that were flushed before it.
 *
 * @param text           the inflated bytes (whole lines end in '\n'; a torn last line may not); empty when the
 *                       member is damaged, since none of its bytes can then be trusted
 * @param compressedSize how many bytes of the file the member took, header and trailer included (for a damaged
 *                       member: how far it could be read)
 * @param state          whether the member is whole, cut short by the end of the file, or damaged (and how)
 */
record GzipMember(byte[] text, long compressedSize, State state) {
    private static final int HEADER = 10;
    private static final int TRAILER = 8;
    private static final int CHUNK = 64 * 1024;

    /** What a member turned out to be. Only {@link #WHOLE} has been checked against its CRC. */
    enum State {
        /** Header, data and trailer all there, and the CRC and length in the trailer match the data. */
        WHOLE(null),
        /**
         * The file ends inside the member (before or inside its trailer): what a process killed while recording,
         * or a recording still being written, leaves. Its lines cannot be checked (the CRC comes last).
         */
        TORN(null),
        /** No gzip header at the offset. */
        NOT_GZIP("bad gzip member: no gzip header where one should start"),
        /** Bytes that are not deflate data (overwritten, or flipped). */
        BAD_DATA("bad gzip member: its compressed data is damaged"),
        /** The data inflates, but not to what was written: the CRC or length in its trailer does not match. */
        BAD_CHECKSUM("CRC mismatch: the data of its gzip member is not what was written");

        private final String problem;

        State(String problem) {
            this.problem = problem;
        }

        /** What was wrong, for a message; null when nothing was. */
        String problem() {
            return problem;
        }

        boolean damaged() {
            return problem != null;
        }
    }

    boolean complete() {
        return state == State.WHOLE;
    }

    /**
     * Never throws for what is in the file: damage comes back as a {@link State}, so the reader decides what it
     * means where the member sits.
     *
     * @throws IOException only when the file cannot be read at all
     */
    static GzipMember read(FileChannel ch, long offset) throws IOException {
        long fileSize = ch.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (header.hasRemaining() && ch.read(header, offset + header.position()) > 0) {
            // keep reading until the header is complete or the file ends
        }
        byte[] h = header.array();
        if (header.position() < HEADER) {
            if (header.position() > 0 && !startsLikeGzip(h, 0, header.position())) {
                return damaged(State.NOT_GZIP, 0);
            }
            return new GzipMember(new byte[0], header.position(), State.TORN);
        }
        // FLG must be 0: the recorder never writes a name, comment or extra field, so any other value is damage
        if (!startsLikeGzip(h, 0, 4)) {
            return damaged(State.NOT_GZIP, 0);
        }
        Inflater inflater = new Inflater(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK * 4);
        try {
            byte[] in = new byte[CHUNK];
            byte[] buf = new byte[CHUNK];
            long pos = offset + HEADER;
            boolean eof = false;
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    ByteBuffer bb = ByteBuffer.wrap(in);
                    int n = ch.read(bb, pos);
                    if (n <= 0) {
                        eof = true;
                        break;
                    }
                    pos += n;
                    inflater.setInput(in, 0, n);
                } else if (inflater.needsDictionary()) {
                    return damaged(State.BAD_DATA, HEADER + inflater.getBytesRead());
                }
                int k = inflater.inflate(buf);
                out.write(buf, 0, k);
            }
            long dataEnd = offset + HEADER + inflater.getBytesRead();
            if (eof || dataEnd + TRAILER > fileSize) {
                return new GzipMember(out.toByteArray(), dataEnd - offset, State.TORN);
            }
            byte[] text = out.toByteArray();
            if (!trailerMatches(ch, dataEnd, text)) {
                return damaged(State.BAD_CHECKSUM, dataEnd + TRAILER - offset);
            }
            return new GzipMember(text, dataEnd + TRAILER - offset, State.WHOLE);
        } catch (DataFormatException e) {
            return damaged(State.BAD_DATA, HEADER + inflater.getBytesRead());
        } finally {
            inflater.end();
        }
    }

    private static GzipMember damaged(State state, long size) {
        return new GzipMember(new byte[0], size, state);
    }

    /** Whether the four bytes at {@code i} are the start of a member as the recorder writes it. */
    static boolean isHeader(byte[] b, int i) {
        return b.length >= i + 4 && startsLikeGzip(b, i, 4);
    }

    /** The magic number, deflate, and no optional fields, as far as {@code n} bytes from {@code from} tell. */
    private static boolean startsLikeGzip(byte[] h, int from, int n) {
        int[] expected = {0x1f, 0x8b, 8, 0};
        for (int i = 0; i < Math.min(n, expected.length); i++) {
            if ((h[from + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** The trailer's CRC-32 and length (mod 2^32, little-endian) against the inflated bytes. */
    private static boolean trailerMatches(FileChannel ch, long at, byte[] text) throws IOException {
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
        while (trailer.hasRemaining() && ch.read(trailer, at + trailer.position()) > 0) {
            // the size was checked: the trailer is all there
        }
        CRC32 crc = new CRC32();
        crc.update(text);
        return trailer.getInt(0) == (int) crc.getValue() && trailer.getInt(4) == text.length;
    }
}
