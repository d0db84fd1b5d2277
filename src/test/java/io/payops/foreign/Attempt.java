package io.payops.foreign;

/**
 * One line of the log, before any dialect renders it. Kept compact (indices into {@link World}'s name lists, bytes
 * where they fit) because a log holds up to ~80k of these in memory.
 *
 * @param tsMicros   epoch microseconds (Python's time.time() resolution, which the epoch-seconds dialect shows)
 * @param payment    payment number, from 1; retries keep it
 * @param attempt    1 for the first try, increasing on retries
 * @param amountMinor amount in minor units (cents / paise)
 * @param latencyMs  latency rounded to 0.01 ms, so every dialect's rounding of it is deterministic
 * @param variant    0-99, drawn once per attempt: lets a dialect pick among its synonyms without a random source
 * @param missing    bit mask of optional fields left out: {@link #NO_METHOD}, {@link #NO_MERCHANT}, {@link #NO_AMOUNT};
 *                   {@link #AS_EMPTY} says "write an empty value" rather than "leave the key out"
 */
public record Attempt(long tsMicros, int payment, short attempt, byte gateway, byte issuer, byte network, byte method,
                      byte merchant, int amountMinor, Outcome outcome, double latencyMs, byte variant, byte missing) {
    public static final int NO_METHOD = 1;
    public static final int NO_MERCHANT = 2;
    public static final int NO_AMOUNT = 4;
    public static final int AS_EMPTY = 8;

    public boolean lacks(int field) {
        return (missing & field) != 0;
    }

    public long tsMillis() {
        return Math.floorDiv(tsMicros, 1000);
    }
}
