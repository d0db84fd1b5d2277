package io.payops.domain;

/**
 * The fixed latency thresholds ("rungs") at which the observer counts slow attempts: 64 · 2^k ms for k = 0..7,
 * that is 64, 128, 256, …, 8192 ms. An attempt is slower than a rung when its latency is strictly above it.
 *
 * <p>Why a ladder: a spike test on window p95 needs about a hundred attempts in the window, so it misses low-volume
 * segments (one issuer at 1.3 attempts/s) and localizes poorly. Counting, per segment, the attempts slower than a
 * fixed threshold turns latency into a share of "slow" attempts, which the same Bernoulli sequential test and scan
 * statistic as failure statuses can watch. But segments have different normal latencies (our gateways' medians are
 * 380–520 ms; other people's logs may be 50 ms or 3 s), so no single threshold fits: the observer counts every rung,
 * and the detector picks, per segment, the rung where about 5–20% of attempts are normally slower. Doubling rungs
 * keep that choice within a factor of two of any segment's tail at a fixed, small cost per attempt.
 */
public final class LatencyLadder {
    /** How many rungs there are. */
    public static final int RUNGS = 8;
    /** The lowest rung, in ms. */
    public static final int LOWEST_MS = 64;
    /** The highest rung, in ms. */
    public static final int HIGHEST_MS = LOWEST_MS << (RUNGS - 1);
    /** Bits of {@link #LOWEST_MS} (64 = 2^6): bit length of (latency − 1), less this, is the rung count below it. */
    private static final int LOWEST_BITS = Integer.numberOfTrailingZeros(LOWEST_MS);

    private LatencyLadder() {
    }

    /** The threshold of rung {@code rung} (0 ≤ rung &lt; {@link #RUNGS}), in ms: 64 · 2^rung. */
    public static int rungMs(int rung) {
        if (rung < 0 || rung >= RUNGS) {
            throw new IndexOutOfBoundsException("rung " + rung + " (expected 0 to " + (RUNGS - 1) + ")");
        }
        return LOWEST_MS << rung;
    }

    /** Every rung's threshold in ms, lowest first (a fresh array). */
    public static int[] rungs() {
        int[] out = new int[RUNGS];
        for (int k = 0; k < RUNGS; k++) {
            out[k] = LOWEST_MS << k;
        }
        return out;
    }

    /**
     * How many rungs {@code latencyMs} is strictly above, from 0 (at most 64 ms, or a negative latency from a
     * broken log) to {@link #RUNGS} (above 8192 ms). An attempt with {@code rungOf(l) = r} is slower than rungs
     * 0..r−1 and no other. For l &gt; 64: the bit length of l − 1 is the smallest b with l ≤ 2^b, and l is above
     * 2^6 · 2^k exactly for k &lt; b − 6.
     */
    public static int rungOf(int latencyMs) {
        if (latencyMs <= LOWEST_MS) {
            return 0;
        }
        return Math.min(RUNGS, Integer.SIZE - LOWEST_BITS - Integer.numberOfLeadingZeros(latencyMs - 1));
    }
}
