package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * How many attempts were slower than each rung of the {@link LatencyLadder}: {@code slowerThan(k)} counts the
 * attempts with latency strictly above 64 · 2^k ms. The counts are cumulative, so they never grow from one rung to
 * the next. Immutable, compared by value, and serialised as a plain JSON array of {@link LatencyLadder#RUNGS}
 * numbers, lowest rung first: {@code [3323, 3320, 3105, 1618, 301, 22, 0, 0]}.
 */
public final class SlowCounts {
    /** No attempt slower than any rung (e.g. no attempts at all). */
    public static final SlowCounts NONE = new SlowCounts(new long[LatencyLadder.RUNGS]);

    private final long[] counts;
    private final int hash;

    private SlowCounts(long[] counts) {
        this.counts = counts;
        this.hash = Arrays.hashCode(counts);
    }

    /**
     * The counts per rung, lowest rung first: exactly {@link LatencyLadder#RUNGS} of them, none negative, none
     * larger than the one before (an attempt slower than a rung is slower than every rung below it).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SlowCounts of(long... counts) {
        if (counts == null || counts.length != LatencyLadder.RUNGS) {
            throw new IllegalArgumentException("expected " + LatencyLadder.RUNGS + " slow counts (one per rung of "
                    + Arrays.toString(LatencyLadder.rungs()) + " ms), got "
                    + (counts == null ? "none" : String.valueOf(counts.length)));
        }
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < 0) {
                throw new IllegalArgumentException("slow count of rung " + k + " is negative: " + counts[k]);
            }
            if (k > 0 && counts[k] > counts[k - 1]) {
                throw new IllegalArgumentException("slow counts must not grow from rung to rung (attempts slower than "
                        + LatencyLadder.rungMs(k) + " ms are slower than " + LatencyLadder.rungMs(k - 1) + " ms too): "
                        + Arrays.toString(counts));
            }
        }
        return new SlowCounts(counts.clone());
    }

    /** Attempts slower than (strictly above) rung {@code rung}'s threshold, {@link LatencyLadder#rungMs}. */
    public long slowerThan(int rung) {
        if (rung < 0 || rung >= counts.length) {
            throw new IndexOutOfBoundsException("rung " + rung + " (expected 0 to " + (counts.length - 1) + ")");
        }
        return counts[rung];
    }

    /** The counts, lowest rung first (a fresh array). */
    public long[] toArray() {
        return counts.clone();
    }

    /** The JSON form: the array itself, which Jackson only reads. */
    @JsonValue
    private long[] json() {
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SlowCounts other && hash == other.hash && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(counts);
    }
}
