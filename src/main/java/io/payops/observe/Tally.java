package io.payops.observe;

import io.payops.domain.LatencyLadder;
import io.payops.domain.SlowCounts;
import io.payops.domain.Status;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Attempt counts over some stretch of time, as {@link #FIELDS} longs: attempts, first attempts (payments), one
 * count per status, then one count per latency band of the {@link LatencyLadder}. Per-second buckets keep the same
 * fields as ints in one flat array (see {@link BucketRing}), so the layout is shared through the static offsets.
 *
 * <p>Band b counts the attempts with {@code LatencyLadder.rungOf(latency) == b}: slower than rungs 0..b−1 and no
 * other (band 0: at most 64 ms; band 8: above 8192 ms). Keeping exclusive bands rather than the cumulative "slower
 * than rung k" counts costs the hot path one increment per attempt and segment, like the status, whatever the
 * latency (cumulative counts would take up to eight); bands add and subtract like every other field, and
 * {@link #slowCounts()} turns them into the cumulative counts in eight additions when stats are built. Band 0 is
 * redundant (attempts less the rest) but kept so the increment needs no branch.
 */
final class Tally {
    private static final Status[] STATUSES = Status.values();
    static final int ATTEMPTS = 0;
    static final int PAYMENTS = 1;
    static final int FIRST_STATUS = 2;
    static final int FIRST_BAND = FIRST_STATUS + STATUSES.length;
    /** Bands 0..RUNGS: {@link LatencyLadder#rungOf} ranges over these. */
    static final int BANDS = LatencyLadder.RUNGS + 1;
    static final int FIELDS = FIRST_BAND + BANDS;

    private final long[] c = new long[FIELDS];

    /** {@code band} is the attempt's {@link LatencyLadder#rungOf}. */
    void add(int statusOrdinal, boolean firstAttempt, int band) {
        c[ATTEMPTS]++;
        if (firstAttempt) {
            c[PAYMENTS]++;
        }
        c[FIRST_STATUS + statusOrdinal]++;
        c[FIRST_BAND + band]++;
    }

    /** Adds one bucket of {@code counts} starting at {@code offset}. */
    void add(int[] counts, int offset) {
        for (int i = 0; i < FIELDS; i++) {
            c[i] += counts[offset + i];
        }
    }

    void subtract(int[] counts, int offset) {
        for (int i = 0; i < FIELDS; i++) {
            c[i] -= counts[offset + i];
        }
    }

    void add(Tally other) {
        for (int i = 0; i < FIELDS; i++) {
            c[i] += other.c[i];
        }
    }

    void subtract(Tally other) {
        for (int i = 0; i < FIELDS; i++) {
            c[i] -= other.c[i];
        }
    }

    void clear() {
        java.util.Arrays.fill(c, 0);
    }

    boolean isEmpty() {
        return c[ATTEMPTS] == 0;
    }

    long attempts() {
        return c[ATTEMPTS];
    }

    long payments() {
        return c[PAYMENTS];
    }

    long successes() {
        return c[FIRST_STATUS + Status.SUCCESS.ordinal()];
    }

    /** A fresh, read-only map of the statuses that occurred (so a snapshot never shares state with the tally). */
    Map<Status, Long> statusCounts() {
        EnumMap<Status, Long> out = new EnumMap<>(Status.class);
        for (int i = 0; i < STATUSES.length; i++) {
            long n = c[FIRST_STATUS + i];
            if (n != 0) {
                out.put(STATUSES[i], n);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The cumulative counts per rung: attempts slower than rung k are those in bands k+1 and above. */
    SlowCounts slowCounts() {
        long[] out = new long[LatencyLadder.RUNGS];
        long above = 0;
        for (int k = LatencyLadder.RUNGS - 1; k >= 0; k--) {
            above += c[FIRST_BAND + k + 1];
            out[k] = above;
        }
        return SlowCounts.of(out);
    }
}
