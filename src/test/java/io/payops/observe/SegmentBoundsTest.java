package io.payops.observe;

import io.payops.domain.Attempt;
import io.payops.domain.Status;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A log of a million distinct gateways and issuers keeps a bounded number of segments: the bound is checked before
 * a segment is made, and what is past it is counted under "(other)".
 */
class SegmentBoundsTest {
    @Test
    void distinctGatewaysAndIssuersStopMakingSegmentsAtTheBound() {
        SegmentIndex index = new SegmentIndex(60, 30);
        SegmentWindow[] out = new SegmentWindow[SegmentIndex.MAX_SEGMENTS_PER_ATTEMPT];
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            index.resolve(new Attempt(i, 1, i, "gw-" + i, "bank-" + (i % 3000), "VISA", "CARD", null, 1, "INR",
                    Status.SUCCESS, 100), out);
        }
        // all traffic, then at most the bound, plus at most one "(other)" per dimension and per kind of path
        assertTrue(index.all().size() <= SegmentIndex.MAX_SEGMENTS + 8, "segments: " + index.all().size());
        assertTrue(index.folded() > n - SegmentIndex.MAX_SEGMENTS, "folded: " + index.folded());
        assertTrue(index.all().stream().anyMatch(s -> s.target.toString().contains(SegmentIndex.OTHER)));
    }

    @Test
    void aFewValuesAndPathsAreAllKept() {
        SegmentIndex index = new SegmentIndex(60, 30);
        SegmentWindow[] out = new SegmentWindow[SegmentIndex.MAX_SEGMENTS_PER_ATTEMPT];
        for (int i = 0; i < 30 * 200; i++) {
            index.resolve(new Attempt(i, 1, i, "gw-" + (i % 30), "bank-" + (i / 30), "VISA", "CARD", null, 1,
                    "INR", Status.SUCCESS, 100), out);
        }
        // 30 gateways × 200 issuers is 6,000 paths: past 1,000 per kind, so paths fold but every value is kept
        assertEquals(30 + 200 + 1 + 1, index.all().stream().filter(s -> s.kind.ordinal() >= 1 && s.kind.ordinal() <= 5).count());
        assertTrue(index.folded() > 0);
    }
}
