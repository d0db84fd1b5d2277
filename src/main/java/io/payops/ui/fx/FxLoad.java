package io.payops.ui.fx;

/**
 * Counts the pulses that applied frames and the longest one, so "chart refreshes per second" and "longest pulse" can
 * be measured on a live window (see docs/BENCHMARKS.md; "FX thread busy %" is the FX thread's CPU time). Written and
 * read on the FX thread.
 */
public final class FxLoad {
    private long pulses;
    private long maxNanos;

    void record(long nanos) {
        pulses++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    public long pulses() {
        return pulses;
    }

    public long maxNanos() {
        return maxNanos;
    }

    public void reset() {
        pulses = 0;
        maxNanos = 0;
    }
}
