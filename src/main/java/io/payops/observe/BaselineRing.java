package io.payops.observe;

/**
 * One segment's baseline: what left the window, in coarse slots. Seconds leaving the window gather in a pending
 * slot; when that slot is complete it joins the ring and the oldest slot drops out, both with one whole-histogram
 * add or subtract. Histograms are allocated only for slots that saw traffic.
 */
final class BaselineRing {
    private final Tally[] slotTallies;
    private final LatencyHistogram[] slotLatencies;
    private Tally pending = new Tally();
    private LatencyHistogram pendingLatency;
    private final Tally total = new Tally();
    private LatencyHistogram totalLatency;

    BaselineRing(int slots) {
        slotTallies = new Tally[slots];
        slotLatencies = new LatencyHistogram[slots];
        for (int i = 0; i < slots; i++) {
            slotTallies[i] = new Tally();
        }
    }

    Tally pending() {
        return pending;
    }

    LatencyHistogram pendingLatency() {
        if (pendingLatency == null) {
            pendingLatency = new LatencyHistogram();
        }
        return pendingLatency;
    }

    /** The pending slot becomes ring slot {@code position}, replacing the slot that was there (the oldest). */
    void commit(int position) {
        Tally old = slotTallies[position];
        LatencyHistogram oldLatency = slotLatencies[position];
        if (old.isEmpty() && pending.isEmpty()) {
            return;
        }
        if (!old.isEmpty()) {
            total.subtract(old);
            totalLatency.subtract(oldLatency);
            old.clear();
            oldLatency.clear();
        }
        if (!pending.isEmpty()) {
            total.add(pending);
            if (totalLatency == null) {
                totalLatency = new LatencyHistogram();
            }
            totalLatency.add(pendingLatency);
        }
        // Swap rather than copy: the emptied old slot is reused as the next pending one.
        slotTallies[position] = pending;
        slotLatencies[position] = pendingLatency;
        pending = old;
        pendingLatency = oldLatency;
    }

    Tally total() {
        return total;
    }

    /** Null until the baseline has seen traffic. */
    LatencyHistogram totalLatency() {
        return totalLatency;
    }

    void clear() {
        for (int i = 0; i < slotTallies.length; i++) {
            slotTallies[i].clear();
            if (slotLatencies[i] != null) {
                slotLatencies[i].clear();
            }
        }
        pending.clear();
        if (pendingLatency != null) {
            pendingLatency.clear();
        }
        total.clear();
        if (totalLatency != null) {
            totalLatency.clear();
        }
    }
}
