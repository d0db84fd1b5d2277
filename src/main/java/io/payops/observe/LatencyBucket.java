package io.payops.observe;

import java.util.Arrays;

/**
 * The latencies one segment saw in one second, as histogram slots. At the rates a segment usually has (a handful
 * to a few hundred attempts a second) a list of slots is cheaper than a 5.6 KB histogram both to keep and to take
 * out of the window when the second expires; past {@link #SPILL_AT} values the bucket switches to a histogram, so
 * memory and expiry cost stay bounded however high the rate.
 */
final class LatencyBucket {
    /** About where removing values one by one costs as much as a whole-histogram subtract and add. */
    static final int SPILL_AT = 128;
    /** Up to this many values, sorting a copy is the cheapest way to the percentiles. */
    private static final int SORT_AT_MOST = 16;
    private static final short[] NONE = new short[0];

    private short[] slots = NONE;
    private int size;
    /** Kept once allocated so a busy segment does not allocate every second. */
    private LatencyHistogram dense;
    private boolean spilled;
    /** The dense histogram has counts its block sums do not show yet (one increment a value on the hot path). */
    private boolean unsettled;

    void add(int slot) {
        if (spilled) {
            dense.recordUnsettled(slot);
            unsettled = true;
            return;
        }
        if (size == slots.length) {
            if (size >= SPILL_AT) {
                spill();
                dense.recordUnsettled(slot);
                return;
            }
            slots = Arrays.copyOf(slots, Math.max(4, size * 2));
        }
        slots[size++] = (short) slot;
    }

    private void spill() {
        if (dense == null) {
            dense = new LatencyHistogram();
        }
        for (int i = 0; i < size; i++) {
            dense.recordUnsettled(slots[i]);
        }
        size = 0;
        spilled = true;
        unsettled = true;
    }

    private LatencyHistogram settled() {
        if (unsettled) {
            dense.settle();
            unsettled = false;
        }
        return dense;
    }

    /** Adds this second's latencies to the running window histogram (when the second is sealed). */
    void foldInto(LatencyHistogram window) {
        if (spilled) {
            window.add(settled());
        } else {
            for (int i = 0; i < size; i++) {
                window.record(slots[i]);
            }
        }
    }

    /** Takes this second's latencies out of the running window histogram and adds them to {@code sink}. */
    void drain(LatencyHistogram window, LatencyHistogram sink) {
        if (spilled) {
            window.subtract(settled());   // values may have come in after the fold
            sink.add(dense);
            dense.clear();
            spilled = false;
        } else {
            for (int i = 0; i < size; i++) {
                window.remove(slots[i]);
                sink.record(slots[i]);
            }
            size = 0;
        }
    }

    /**
     * This second's percentiles (see {@link LatencyHistogram#percentiles}); zeros when empty. A short list is
     * sorted; a longer one is counted into {@code scratch} (an empty histogram, left empty again), which is linear.
     */
    void percentiles(double[] percents, double[] out, LatencyHistogram scratch) {
        if (spilled) {
            settled().percentiles(percents, out);
        } else if (size > SORT_AT_MOST) {
            for (int i = 0; i < size; i++) {
                scratch.record(slots[i]);
            }
            scratch.percentiles(percents, out);
            for (int i = 0; i < size; i++) {
                scratch.remove(slots[i]);
            }
        } else if (size == 0) {
            Arrays.fill(out, 0, percents.length, 0);
        } else {
            // Slots are ordered like the values they hold, so the sorted slots give the ranks directly.
            short[] sorted = Arrays.copyOf(slots, size);
            Arrays.sort(sorted);
            for (int p = 0; p < percents.length; p++) {
                out[p] = LatencyHistogram.highestValueIn(sorted[(int) LatencyHistogram.rank(percents[p], size) - 1]);
            }
        }
    }

    void clear() {
        size = 0;
        if (spilled) {
            settled().clear();
            spilled = false;
        }
    }
}
