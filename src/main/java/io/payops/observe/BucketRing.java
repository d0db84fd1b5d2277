package io.payops.observe;

import java.util.Arrays;

/**
 * One segment's current window: a ring of one-second buckets (bucket = second mod window) plus running totals
 * over the window's sealed seconds. A second is recorded into its bucket only while it is open; when the observer
 * seals it (the window moved on, or a snapshot was asked for) the bucket is folded into the totals in one go, and
 * when it expires it is subtracted once. So the hot path touches one bucket, a snapshot reads totals instead of
 * re-summing buckets, and nothing is ever re-summed. Bucket counts live in one flat int array
 * ({@link Tally#FIELDS} per bucket) to keep the hot path on few cache lines.
 */
final class BucketRing {
    private static final int F = Tally.FIELDS;

    private final int[] counts;
    private final LatencyBucket[] latencies;
    private final Tally window = new Tally();
    private final LatencyHistogram windowLatency = new LatencyHistogram();

    BucketRing(int windowSeconds) {
        counts = new int[windowSeconds * F];
        latencies = new LatencyBucket[windowSeconds];
        for (int i = 0; i < windowSeconds; i++) {
            latencies[i] = new LatencyBucket();
        }
    }

    /** An attempt in a second not sealed yet: it reaches the totals when the second is sealed. */
    void recordOpen(int bucket, int statusOrdinal, boolean firstAttempt, int latencySlot, int band) {
        int base = bucket * F;
        counts[base + Tally.ATTEMPTS]++;
        if (firstAttempt) {
            counts[base + Tally.PAYMENTS]++;
        }
        counts[base + Tally.FIRST_STATUS + statusOrdinal]++;
        counts[base + Tally.FIRST_BAND + band]++;
        latencies[bucket].add(latencySlot);
    }

    /** An attempt arriving after its second was sealed (out of order, or after a mid-second snapshot). */
    void recordSealed(int bucket, int statusOrdinal, boolean firstAttempt, int latencySlot, int band) {
        recordOpen(bucket, statusOrdinal, firstAttempt, latencySlot, band);
        window.add(statusOrdinal, firstAttempt, band);
        windowLatency.record(latencySlot);
    }

    /** Folds an open second into the window totals; called exactly once per second. */
    void seal(int bucket) {
        int base = bucket * F;
        if (counts[base + Tally.ATTEMPTS] == 0) {
            return;
        }
        window.add(counts, base);
        latencies[bucket].foldInto(windowLatency);
    }

    /** Moves a sealed second out of the window and into the baseline's pending slot. */
    void expire(int bucket, BaselineRing baseline) {
        int base = bucket * F;
        if (counts[base + Tally.ATTEMPTS] == 0) {
            return;
        }
        window.subtract(counts, base);
        baseline.pending().add(counts, base);
        latencies[bucket].drain(windowLatency, baseline.pendingLatency());
        Arrays.fill(counts, base, base + F, 0);
    }

    boolean hasSecond(int bucket) {
        return counts[bucket * F + Tally.ATTEMPTS] != 0;
    }

    /** A copy of one second's counts. */
    Tally second(int bucket) {
        Tally t = new Tally();
        t.add(counts, bucket * F);
        return t;
    }

    LatencyBucket secondLatency(int bucket) {
        return latencies[bucket];
    }

    Tally window() {
        return window;
    }

    LatencyHistogram windowLatency() {
        return windowLatency;
    }

    void clear() {
        Arrays.fill(counts, 0);
        for (LatencyBucket b : latencies) {
            b.clear();
        }
        window.clear();
        windowLatency.clear();
    }
}
