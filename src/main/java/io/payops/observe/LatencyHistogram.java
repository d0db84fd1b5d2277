package io.payops.observe;

import java.util.Arrays;

/**
 * Latency counts in HdrHistogram's layout (lowest discernible value 1 ms, two significant digits, values up to
 * {@link #HIGHEST_MS}): the same slots, so the same 1% precision and the same percentiles as an
 * {@code org.HdrHistogram.IntCountsHistogram(1, 120_000, 2)} holding the same values (a test checks both).
 *
 * <p>Why not HdrHistogram itself: this is the observer's hot path, where every attempt goes into eight segments
 * and later out again. Measured on the project's machines, HdrHistogram's recordValue costs 6–10 ns (min/max
 * tracking, index normalisation, virtual calls) and p50+p95+p99 by getValueAtPercentile 0.5–1 µs (each call
 * scans from slot 0), which put the observer at about twice its per-attempt budget. Here a slot is computed once
 * per attempt and shared by its segments, a record is a few increments, and per-block sums let add, subtract,
 * clear and the three percentiles (about 0.1 µs together) skip empty regions.
 */
final class LatencyHistogram {
    /** Latencies above this are counted as this: two minutes is far beyond any gateway timeout. */
    static final int HIGHEST_MS = 120_000;
    /** Two significant digits: 256 sub-buckets, of which the upper 128 are new in each power-of-two bucket. */
    private static final int HALF_MAGNITUDE = 7;
    private static final int HALF_COUNT = 1 << HALF_MAGNITUDE;
    private static final int SUB_BUCKET_MASK = (HALF_COUNT << 1) - 1;
    /** For int values: HdrHistogram's 64 − unitMagnitude − halfMagnitude − 1, less the 32 leading int bits. */
    private static final int LEADING_ZERO_BASE = 32 - HALF_MAGNITUDE - 1;
    static final int SLOTS = slotOf(HIGHEST_MS) + 1;
    private static final int BLOCK_SHIFT = 6;
    private static final int BLOCK = 1 << BLOCK_SHIFT;
    private static final int BLOCKS = (SLOTS + BLOCK - 1) >> BLOCK_SHIFT;

    private final int[] counts = new int[SLOTS];
    private final int[] blockCounts = new int[BLOCKS];
    private long total;

    /** Clamps a latency into range (a negative one, from a broken event log, counts as 0) and finds its slot. */
    static int slotOfLatency(int latencyMs) {
        return slotOf(latencyMs < 0 ? 0 : Math.min(latencyMs, HIGHEST_MS));
    }

    /** HdrHistogram's countsArrayIndex for 0 ≤ value ≤ HIGHEST_MS. */
    static int slotOf(int value) {
        int bucket = LEADING_ZERO_BASE - Integer.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
        int subBucket = value >>> bucket;
        return ((bucket + 1) << HALF_MAGNITUDE) + subBucket - HALF_COUNT;
    }

    /** The highest value in a slot: what HdrHistogram reports for a percentile landing there. */
    static int highestValueIn(int slot) {
        int bucket = (slot >> HALF_MAGNITUDE) - 1;
        int subBucket = (slot & (HALF_COUNT - 1)) + HALF_COUNT;
        if (bucket < 0) {
            subBucket -= HALF_COUNT;
            bucket = 0;
        }
        return ((subBucket + 1) << bucket) - 1;
    }

    void record(int slot) {
        counts[slot]++;
        blockCounts[slot >> BLOCK_SHIFT]++;
        total++;
    }

    /**
     * Counts a value without keeping the block sums and total; for a busy second's bucket, where one increment a
     * value matters. {@link #settle()} before using the histogram any other way.
     */
    void recordUnsettled(int slot) {
        counts[slot]++;
    }

    /** Recomputes the block sums and total from the counts (after {@link #recordUnsettled}). */
    void settle() {
        long sum = 0;
        for (int b = 0; b < BLOCKS; b++) {
            int blockSum = 0;
            for (int i = b << BLOCK_SHIFT, end = Math.min(i + BLOCK, SLOTS); i < end; i++) {
                blockSum += counts[i];
            }
            blockCounts[b] = blockSum;
            sum += blockSum;
        }
        total = sum;
    }

    void remove(int slot) {
        counts[slot]--;
        blockCounts[slot >> BLOCK_SHIFT]--;
        total--;
    }

    void add(LatencyHistogram other) {
        for (int b = 0; b < BLOCKS; b++) {
            if (other.blockCounts[b] != 0) {
                blockCounts[b] += other.blockCounts[b];
                for (int i = b << BLOCK_SHIFT, end = Math.min(i + BLOCK, SLOTS); i < end; i++) {
                    counts[i] += other.counts[i];
                }
            }
        }
        total += other.total;
    }

    void subtract(LatencyHistogram other) {
        for (int b = 0; b < BLOCKS; b++) {
            if (other.blockCounts[b] != 0) {
                blockCounts[b] -= other.blockCounts[b];
                for (int i = b << BLOCK_SHIFT, end = Math.min(i + BLOCK, SLOTS); i < end; i++) {
                    counts[i] -= other.counts[i];
                }
            }
        }
        total -= other.total;
    }

    void clear() {
        for (int b = 0; b < BLOCKS; b++) {
            if (blockCounts[b] != 0) {
                int from = b << BLOCK_SHIFT;
                Arrays.fill(counts, from, Math.min(from + BLOCK, SLOTS), 0);
                blockCounts[b] = 0;
            }
        }
        total = 0;
    }

    long total() {
        return total;
    }

    /**
     * Writes the values at {@code percents} (ascending) into {@code out}, as HdrHistogram's getValueAtPercentile
     * defines them: the highest value equivalent to the smallest value with at least ceil(p% × total) values at or
     * below it. All zeros when empty. One pass: blocks first, then slots inside the block.
     */
    void percentiles(double[] percents, double[] out) {
        if (total == 0) {
            Arrays.fill(out, 0, percents.length, 0);
            return;
        }
        int block = 0;
        long belowBlock = 0;
        for (int p = 0; p < percents.length; p++) {
            long rank = rank(percents[p], total);
            while (belowBlock + blockCounts[block] < rank) {
                belowBlock += blockCounts[block++];
            }
            int slot = block << BLOCK_SHIFT;
            long cumulative = belowBlock + counts[slot];
            while (cumulative < rank) {
                cumulative += counts[++slot];
            }
            out[p] = highestValueIn(slot);
        }
    }

    /** HdrHistogram's count at a percentile, computed the same way so ties fall on the same side. */
    static long rank(double percent, long total) {
        double requested = Math.min(Math.max(Math.nextAfter(percent, Double.NEGATIVE_INFINITY), 0.0D), 100.0D);
        return Math.max((long) Math.ceil((requested / 100.0) * total), 1);
    }
}
