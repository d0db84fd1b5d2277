package io.payops.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one gzip member of a recording at a known byte offset. A recording is a chain of members (one per block of
 * frames) so a reader can start at any member without inflating what comes before; and a member cut short by a
 * crash still yields the lines that were flushed before it.
 *
 * @param text           the inflated bytes (whole lines end in '\n'; a torn last line may not)
 * @param compressedSize how many bytes of the file the member took, header and trailer included
 * @param complete       whether the member ended with its trailer (false: the file ends inside it, or damaged
 *                       bytes follow the last decodable data)
 */
record GzipMember(byte[] text, long compressedSize, boolean complete) {
    private static final int HEADER = 10;
    private static final int TRAILER = 8;
    private static final int CHUNK = 64 * 1024;

    /** @throws IOException when there is no gzip member at the offset (not a recording, or a bad index) */
    static GzipMember read(FileChannel ch, long offset) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (header.hasRemaining() && ch.read(header, offset + header.position()) > 0) {
            // keep reading until the header is complete or the file ends
        }
        byte[] h = header.array();
        if (header.position() < HEADER) {
            return new GzipMember(new byte[0], header.position(), false);
        }
        if ((h[0] & 0xff) != 0x1f || (h[1] & 0xff) != 0x8b || h[2] != 8 || h[3] != 0) {
            throw new IOException("no gzip member at byte " + offset + " (expected a PayOps recording)");
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
                }
                int k = inflater.inflate(buf);
                out.write(buf, 0, k);
            }
            long size = HEADER + inflater.getBytesRead() + (eof ? 0 : TRAILER);
            boolean complete = !eof && offset + size <= ch.size();
            return new GzipMember(out.toByteArray(), size, complete);
        } catch (DataFormatException e) {
            // bytes a crash or a full disk left half written: keep the whole lines decoded before them
            return new GzipMember(out.toByteArray(), HEADER + inflater.getBytesRead(), false);
        } finally {
            inflater.end();
        }
    }
}
