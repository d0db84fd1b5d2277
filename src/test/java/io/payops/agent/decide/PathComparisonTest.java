package io.payops.agent.decide;

import io.payops.domain.Dimension;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathComparisonTest {
    private static final Target PATH = Target.of(Dimension.GATEWAY, "adyen", Dimension.ISSUER, "HDFC");

    private static PathComparison cmp(long n, long k, long m, long j, double ref, double otherRef) {
        return new PathComparison(PATH, n, k, 0.03, m, j, 0.03, 2, ref, otherRef);
    }

    /**
     * An issuer failing everywhere, worse on this path: once the fault is over the others recover too, so the move's
     * cost then is judged with their normal rate, not with the failures they show now (which once made every such
     * move look like a loss and kept the agent from moving HDFC's payments to the gateway it failed least on).
     */
    @Test
    void onceHealthyTheOthersAreBackAtTheirReferenceToo() {
        PathComparison now = cmp(1000, 600, 3000, 1200, 0.01, 0.01);
        assertTrue(now.paymentGain(1) > 0, "moving a 60% path to 40% others gains now");
        assertEquals(0, now.paymentGainOnceHealthy(1), 1e-12, "alike once healthy: moving then neither gains nor costs");
        PathComparison unknownRefs = cmp(1000, 600, 3000, 1200, Double.NaN, Double.NaN);
        assertEquals(0, unknownRefs.paymentGainOnceHealthy(1), 1e-12,
                "no references: the path is taken to become as good as the others are now");
    }

    @Test
    void aPathNormallyBetterCostsPaymentsOnceHealthy() {
        PathComparison p = cmp(1000, 300, 3000, 300, 0.005, 0.05);
        assertTrue(p.paymentGainOnceHealthy(1) < 0);
    }

    @Test
    void theTwoSampleTestSeesOnlyAWorseFirstSample() {
        assertEquals(0, PathComparison.llr(100, 10, 100, 20), 0, "the first is better: no evidence it is worse");
        assertEquals(0, PathComparison.llr(100, 10, 1000, 100), 1e-12, "alike");
        assertTrue(PathComparison.llr(1000, 600, 1000, 300) > 40, "60% against 30% over 1000 attempts each");
        assertTrue(PathComparison.llr(20, 12, 20, 6) < 8, "the same rates over 20 attempts: noise could do it");
    }
}
