package io.payops.observe;

import io.payops.domain.SegmentStats;
import io.payops.domain.Target;

import java.util.Comparator;

/**
 * Everything the observer keeps about one segment (all traffic, one dimension value, or a gateway × issuer,
 * gateway × method or gateway × network path): its current window and its baseline.
 */
final class SegmentWindow {
    /** Snapshot order: by kind (single dimensions in dimension order, then the paths), then by the values. */
    static final Comparator<SegmentWindow> ORDER = Comparator.comparingInt((SegmentWindow s) -> s.kind.ordinal())
            .thenComparing(s -> s.firstValue)
            .thenComparing(s -> s.secondValue);
    private static final double[] PERCENTS = {50, 95, 99};

    final SegmentKind kind;
    final Target target;
    private final String firstValue;
    private final String secondValue;
    private final BucketRing window;
    private final BaselineRing baseline;

    SegmentWindow(SegmentKind kind, String firstValue, String secondValue, int windowSeconds, int baselineSlots) {
        this.kind = kind;
        this.firstValue = firstValue == null ? "" : firstValue;
        this.secondValue = secondValue == null ? "" : secondValue;
        this.target = kind.target(firstValue, secondValue);
        this.window = new BucketRing(windowSeconds);
        this.baseline = new BaselineRing(baselineSlots);
    }

    /** {@code band} is the attempt's {@link io.payops.domain.LatencyLadder#rungOf}. */
    void recordOpen(int bucket, int statusOrdinal, boolean firstAttempt, int latencySlot, int band) {
        window.recordOpen(bucket, statusOrdinal, firstAttempt, latencySlot, band);
    }

    /** {@code band} is the attempt's {@link io.payops.domain.LatencyLadder#rungOf}. */
    void recordSealed(int bucket, int statusOrdinal, boolean firstAttempt, int latencySlot, int band) {
        window.recordSealed(bucket, statusOrdinal, firstAttempt, latencySlot, band);
    }

    void seal(int bucket) {
        window.seal(bucket);
    }

    void expire(int bucket) {
        window.expire(bucket, baseline);
    }

    void commitBaseline(int position) {
        baseline.commit(position);
    }

    boolean hasWindowData() {
        return !window.window().isEmpty();
    }

    boolean hasBaselineData() {
        return !baseline.total().isEmpty();
    }

    boolean hasSecondData(int bucket) {
        return window.hasSecond(bucket);
    }

    SegmentStats windowStats(long coveredSeconds) {
        double[] p = new double[PERCENTS.length];
        window.windowLatency().percentiles(PERCENTS, p);
        return stats(target, window.window(), p, coveredSeconds);
    }

    SegmentStats baselineStats(long coveredSeconds) {
        double[] p = new double[PERCENTS.length];
        if (baseline.totalLatency() != null) {
            baseline.totalLatency().percentiles(PERCENTS, p);
        }
        return stats(target, baseline.total(), p, coveredSeconds);
    }

    /** One second alone (attempts per second is then simply its attempts); {@code scratch} is an empty histogram. */
    SegmentStats secondStats(int bucket, LatencyHistogram scratch) {
        double[] p = new double[PERCENTS.length];
        window.secondLatency(bucket).percentiles(PERCENTS, p, scratch);
        return stats(target, window.second(bucket), p, 1);
    }

    void clear() {
        window.clear();
        baseline.clear();
    }

    /** {@code p} holds p50, p95 and p99. */
    private static SegmentStats stats(Target target, Tally t, double[] p, long coveredSeconds) {
        long attempts = t.attempts();
        long payments = t.payments();
        long successes = t.successes();
        return new SegmentStats(target, attempts, payments, successes,
                attempts == 0 ? 0 : (double) successes / attempts,
                p[0], p[1], p[2],
                payments == 0 ? 0 : (double) attempts / payments,
                (double) attempts / Math.max(1, coveredSeconds),
                t.statusCounts(), t.slowCounts());
    }
}
