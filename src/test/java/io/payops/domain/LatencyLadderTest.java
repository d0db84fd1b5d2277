package io.payops.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatencyLadderTest {
    @Test
    void rungsDoubleFrom64To8192() {
        assertArrayEquals(new int[]{64, 128, 256, 512, 1024, 2048, 4096, 8192}, LatencyLadder.rungs());
        assertEquals(8, LatencyLadder.RUNGS);
        assertEquals(64, LatencyLadder.LOWEST_MS);
        assertEquals(8192, LatencyLadder.HIGHEST_MS);
        for (int k = 0; k < LatencyLadder.RUNGS; k++) {
            assertEquals(64 << k, LatencyLadder.rungMs(k));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> LatencyLadder.rungMs(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> LatencyLadder.rungMs(8));
    }

    @Test
    void aRungIsPassedOnlyStrictlyAboveIt() {
        assertEquals(0, LatencyLadder.rungOf(64), "exactly 64 ms is not slower than 64");
        assertEquals(1, LatencyLadder.rungOf(65), "65 ms is");
        for (int k = 0; k < LatencyLadder.RUNGS; k++) {
            int rung = LatencyLadder.rungMs(k);
            assertEquals(k, LatencyLadder.rungOf(rung), rung + " ms");
            assertEquals(k + 1, LatencyLadder.rungOf(rung + 1), rung + 1 + " ms");
            assertEquals(k, LatencyLadder.rungOf(rung - 1), rung - 1 + " ms");
        }
    }

    @Test
    void theEndsAreClamped() {
        assertEquals(0, LatencyLadder.rungOf(0));
        assertEquals(0, LatencyLadder.rungOf(1));
        assertEquals(0, LatencyLadder.rungOf(-5), "a negative latency from a broken log");
        assertEquals(0, LatencyLadder.rungOf(Integer.MIN_VALUE));
        assertEquals(7, LatencyLadder.rungOf(8192));
        assertEquals(8, LatencyLadder.rungOf(8193));
        assertEquals(8, LatencyLadder.rungOf(120_000));
        assertEquals(8, LatencyLadder.rungOf(Integer.MAX_VALUE));
    }

    @Test
    void rungOfCountsTheRungsBelowForEveryLatency() {
        for (int ms = -100; ms <= 20_000; ms++) {
            int expected = 0;
            for (int k = 0; k < LatencyLadder.RUNGS; k++) {
                if (ms > (64 << k)) {
                    expected++;
                }
            }
            assertEquals(expected, LatencyLadder.rungOf(ms), ms + " ms");
        }
    }
}
