package io.payops.observe;

import org.HdrHistogram.IntCountsHistogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The observer's latency histogram has HdrHistogram's slots and percentiles (it stands in for one on the hot path). */
class LatencyHistogramTest {
    private static final double[] PERCENTS = {0.1, 1, 25, 50, 90, 95, 99, 99.9, 100};

    private static IntCountsHistogram hdr() {
        return new IntCountsHistogram(1, LatencyHistogram.HIGHEST_MS, 2);
    }

    @Test
    void slotsAreHdrHistogramsEquivalentValueRanges() {
        IntCountsHistogram h = hdr();
        for (int v = 0; v <= LatencyHistogram.HIGHEST_MS; v++) {
            int slot = LatencyHistogram.slotOf(v);
            assertEquals(h.highestEquivalentValue(v), LatencyHistogram.highestValueIn(slot), "value " + v);
            if (v > 0 && h.lowestEquivalentValue(v) == v) {
                assertEquals(LatencyHistogram.slotOf(v - 1) + 1, slot, "a new slot starts at " + v);
            } else if (v > 0) {
                assertEquals(LatencyHistogram.slotOf(v - 1), slot, "same slot as " + (v - 1));
            }
        }
        assertEquals(LatencyHistogram.SLOTS - 1, LatencyHistogram.slotOf(LatencyHistogram.HIGHEST_MS));
    }

    @Test
    void latenciesOutOfRangeAreClamped() {
        assertEquals(0, LatencyHistogram.slotOfLatency(-3));
        assertEquals(LatencyHistogram.slotOf(LatencyHistogram.HIGHEST_MS), LatencyHistogram.slotOfLatency(1 << 30));
    }

    @Test
    void percentilesMatchHdrHistogramThroughAddSubtractAndRemove() {
        Random rnd = new Random(11);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(round < 50 ? 10 : 5000);
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                values.add(rnd.nextInt(10) == 0 ? rnd.nextInt(LatencyHistogram.HIGHEST_MS + 1)
                        : (int) Math.min(LatencyHistogram.HIGHEST_MS, Math.exp(Math.log(300) + rnd.nextGaussian())));
            }
            // Build ours in pieces: half recorded, half added from another histogram; then remove a few and
            // subtract a third piece that had been added.
            LatencyHistogram ours = new LatencyHistogram();
            LatencyHistogram other = new LatencyHistogram();
            LatencyHistogram extra = new LatencyHistogram();
            IntCountsHistogram expected = hdr();
            for (int i = 0; i < values.size(); i++) {
                int slot = LatencyHistogram.slotOf(values.get(i));
                (i % 2 == 0 ? ours : other).record(slot);
                expected.recordValue(values.get(i));
            }
            ours.add(other);
            for (int i = 0; i < 20; i++) {
                extra.record(LatencyHistogram.slotOf(rnd.nextInt(5000)));
            }
            ours.add(extra);
            ours.subtract(extra);
            int removed = Math.min(values.size() - 1, rnd.nextInt(5));
            for (int i = 0; i < removed; i++) {
                int v = values.get(i);
                ours.remove(LatencyHistogram.slotOf(v));
                expected.recordValueWithCount(v, -1);
            }
            assertEquals(expected.getTotalCount(), ours.total());
            double[] got = new double[PERCENTS.length];
            ours.percentiles(PERCENTS, got);
            for (int i = 0; i < PERCENTS.length; i++) {
                assertEquals(expected.getValueAtPercentile(PERCENTS[i]), got[i],
                        "round " + round + " p" + PERCENTS[i]);
            }
        }
    }

    @Test
    void emptyAndClearedGiveZeros() {
        LatencyHistogram h = new LatencyHistogram();
        double[] out = {9, 9, 9};
        h.percentiles(new double[] {50, 95, 99}, out);
        assertEquals(0, out[0] + out[1] + out[2]);
        h.record(LatencyHistogram.slotOf(700));
        h.clear();
        assertEquals(0, h.total());
        h.record(LatencyHistogram.slotOf(3));
        h.percentiles(new double[] {50, 95, 99}, out);
        assertEquals(3, out[0]);
        assertEquals(3, out[2]);
    }
}
