package io.payops.ingest;

/**
 * Interns the dimension values of an event log, so the millions of lines naming the same few gateways and issuers
 * share one String each instead of allocating one per line. Bounded: once full (a log with a million merchant ids)
 * new values are simply allocated, so memory stays flat.
 */
final class ValueCache {
    private static final int CAPACITY = 1 << 14;
    private static final int MAX_ENTRIES = CAPACITY / 2;
    private static final int MAX_LENGTH = 64;

    private final String[] table = new String[CAPACITY];
    private final int[] hashes = new int[CAPACITY];
    private int size;

    String get(char[] c, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(c, off, len);
        }
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + c[off + i];
        }
        int slot = mix(h) & (CAPACITY - 1);
        while (true) {
            String s = table[slot];
            if (s == null) {
                String v = new String(c, off, len);
                if (size < MAX_ENTRIES) {
                    table[slot] = v;
                    hashes[slot] = h;
                    size++;
                }
                return v;
            }
            if (hashes[slot] == h && equal(s, c, off, len)) {
                return s;
            }
            slot = (slot + 1) & (CAPACITY - 1);
        }
    }

    /**
     * The same for ASCII bytes, read straight from the line (a JSON string without escapes): no copy to chars first.
     * Bytes with the high bit set go through {@link #get(char[], int, int)} after decoding instead.
     */
    String getAscii(byte[] b, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(b, off, len, java.nio.charset.StandardCharsets.US_ASCII);
        }
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + b[off + i];
        }
        int slot = mix(h) & (CAPACITY - 1);
        while (true) {
            String s = table[slot];
            if (s == null) {
                String v = new String(b, off, len, java.nio.charset.StandardCharsets.US_ASCII);
                if (size < MAX_ENTRIES) {
                    table[slot] = v;
                    hashes[slot] = h;
                    size++;
                }
                return v;
            }
            if (hashes[slot] == h && equalAscii(s, b, off, len)) {
                return s;
            }
            slot = (slot + 1) & (CAPACITY - 1);
        }
    }

    private static boolean equalAscii(String s, byte[] b, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != b[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private static boolean equal(String s, char[] c, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != c[off + i]) {
                return false;
            }
        }
        return true;
    }
}
