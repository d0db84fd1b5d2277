package io.payops.foreign;

/** How one foreign tool spells an attempt. Implementations are stateless: the same attempt, the same bytes. */
interface Dialect {
    /** The CSV header line, or null for JSON lines (which have none). */
    default String header() {
        return null;
    }

    /** Appends one line, without its line break. */
    void line(StringBuilder b, Attempt a, NoisyLog log);

    /** A 12-hex-digit token from the seed and a number: ids that look random yet never change for a seed. */
    static String token(long seed, long n) {
        return Long.toHexString(Text.mix(seed * 0x100000001B3L + n) | Long.MIN_VALUE).substring(4);
    }
}
