package io.payops.ingest;

/**
 * Interns the dimension values of an event log, so the millions of lines naming the same few gateways and issuers
 * share one String each instead of allocating one per line. Bounded: once full (a log with a million merchant ids)
 * new values are simply allocated, so memory stays flat; only values up to {@link #MAX_LENGTH} characters are kept,
 * so what it retains is at most {@code MAX_ENTRIES × MAX_LENGTH} characters whatever the log holds.
 *
 * <p>Dimension values ({@link #name}) longer than {@link #MAX_VALUE_CHARS} are cut there before a String is made,
 * and counted: every later holder of a value (the observer's segments, the inferred world, incidents, reports)
 * then holds at most that many characters of it, however long the log's values are.
 */
final class ValueCache {
    /**
     * Longest dimension value kept. Real gateway, issuer, network, method and merchant names and ids are under 64
     * characters (a UUID is 36); 128 leaves room for composite ids, while a log of 56 KB values (which once needed
     * about 1 GB of heap across the observer's 1,000 values per dimension and the head's tallies) costs 128 chars
     * each. A value that long is a mistake or hostile: cut, counted, and reported once.
     */
    static final int MAX_VALUE_CHARS = 128;
    private static final int CAPACITY = 1 << 14;
    private static final int MAX_ENTRIES = CAPACITY / 2;
    private static final int MAX_LENGTH = 64;

    private final String[] table = new String[CAPACITY];
    private final int[] hashes = new int[CAPACITY];
    private int size;
    private long retainedChars;
    private long truncated;

    /** A dimension value (or currency): cut to {@link #MAX_VALUE_CHARS} and counted when longer, then interned. */
    String name(char[] c, int off, int len) {
        if (len > MAX_VALUE_CHARS) {
            truncated++;
            // never half a surrogate pair: the cut value must still be text
            len = Character.isHighSurrogate(c[off + MAX_VALUE_CHARS - 1]) ? MAX_VALUE_CHARS - 1 : MAX_VALUE_CHARS;
        }
        return get(c, off, len);
    }

    /** The same for printable ASCII bytes (one byte is one char, so the cut is exact). */
    String nameAscii(byte[] b, int off, int len) {
        if (len > MAX_VALUE_CHARS) {
            truncated++;
            len = MAX_VALUE_CHARS;
        }
        return getAscii(b, off, len);
    }

    /** Values cut to {@link #MAX_VALUE_CHARS} so far. */
    long truncated() {
        return truncated;
    }

    /** Characters of the values this cache holds on to (for a test of its bound). */
    long retainedChars() {
        return retainedChars;
    }

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
                    retainedChars += len;
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
                    retainedChars += len;
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
