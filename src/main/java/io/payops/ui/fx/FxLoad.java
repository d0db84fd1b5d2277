package io.payops.ui.fx;

/**
 * Counts the pulses that applied frames and the time they took, so "FX thread busy %" and "chart refreshes per
 * second" can be measured on a live window (see docs/BENCHMARKS.md). Written and read on the FX thread.
 */
public final class FxLoad {
    private long pulses;
    private long busyNanos;
    private long maxNanos;

    void record(long nanos) {
        pulses++;
        busyNanos += nanos;
        maxNanos = Math.max(maxNanos, nanos);
    }

    public long pulses() {
        return pulses;
    }

    public long busyNanos() {
        return busyNanos;
    }

    public long maxNanos() {
        return maxNanos;
    }

    public void reset() {
        pulses = 0;
        busyNanos = 0;
        maxNanos = 0;
    }
}
