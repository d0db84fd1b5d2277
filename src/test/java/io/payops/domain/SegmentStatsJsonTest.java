package io.payops.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SegmentStats' slow counts: a plain JSON array when known, left out when unknown, compared by value. */
class SegmentStatsJsonTest {
    private static final Target SBI = Target.of(Dimension.GATEWAY, "razorpay", Dimension.ISSUER, "SBI");
    private static final Map<Status, Long> STATUSES = Map.of(Status.SUCCESS, 90L, Status.ISSUER_DOWN, 10L);

    private static SegmentStats stats(SlowCounts slow) {
        return new SegmentStats(SBI, 100, 80, 90, 0.9, 410, 980, 1500, 1.25, 1.6666666666666667, STATUSES, slow);
    }

    @Test
    void countsAreAPlainArrayAndReadBackEqual() throws JsonProcessingException {
        SegmentStats s = stats(SlowCounts.of(100, 99, 97, 42, 6, 1, 0, 0));
        String json = Json.mapper().writeValueAsString(s);
        assertTrue(json.contains("\"slowCounts\":[100,99,97,42,6,1,0,0]"), json);
        SegmentStats back = Json.mapper().readValue(json, SegmentStats.class);
        assertEquals(s, back);
        assertEquals(s.hashCode(), back.hashCode());
        assertEquals(json, Json.mapper().writeValueAsString(back));
        assertTrue(back.slowCountsKnown());
        assertEquals(42, back.slowerThan(3));
        assertEquals(0.42, back.slowShare(3), 1e-12);
        assertEquals(0, back.slowShare(7));
    }

    @Test
    void unknownCountsAreLeftOutAndReadBackUnknown() throws JsonProcessingException {
        SegmentStats s = stats(null);
        assertEquals(s, new SegmentStats(SBI, 100, 80, 90, 0.9, 410, 980, 1500, 1.25, 1.6666666666666667, STATUSES),
                "the constructor without counts makes them unknown");
        String json = Json.mapper().writeValueAsString(s);
        assertFalse(json.contains("slowCounts"), json);
        SegmentStats back = Json.mapper().readValue(json, SegmentStats.class);
        assertEquals(s, back);
        assertNull(back.slowCounts());
        assertFalse(back.slowCountsKnown());
        assertTrue(Double.isNaN(back.slowShare(0)), "an unknown share is NaN");
        assertFalse(back.slowShare(0) >= 0.05, "and so never passes a threshold");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> back.slowerThan(0));
        assertTrue(e.getMessage().contains("unknown"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> back.slowShare(8));

        // and an explicit null, as a hand-written file might have, is unknown too
        JsonNode tree = Json.mapper().valueToTree(s);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).putNull("slowCounts");
        assertEquals(s, Json.mapper().treeToValue(tree, SegmentStats.class));
    }

    @Test
    void unknownIsNotZero() {
        SegmentStats zero = stats(SlowCounts.NONE);
        SegmentStats unknown = stats(null);
        assertNotEquals(zero, unknown);
        assertEquals(0, zero.slowShare(0));
        assertTrue(Double.isNaN(unknown.slowShare(0)));
    }

    @Test
    void countsCompareByValue() {
        SlowCounts a = SlowCounts.of(5, 4, 3, 2, 1, 0, 0, 0);
        SlowCounts b = SlowCounts.of(new long[]{5, 4, 3, 2, 1, 0, 0, 0});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(stats(a), stats(b));
        assertNotEquals(a, SlowCounts.of(5, 4, 3, 2, 1, 1, 0, 0));
        assertEquals("[5, 4, 3, 2, 1, 0, 0, 0]", a.toString());

        long[] raw = {5, 4, 3, 2, 1, 0, 0, 0};
        SlowCounts c = SlowCounts.of(raw);
        raw[0] = 99;
        c.toArray()[1] = 99;
        assertEquals(a, c, "immutable: neither the array given nor the one handed out is kept");
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SlowCounts.of(1, 2, 0, 0, 0, 0, 0, 0), "growing");
        assertThrows(IllegalArgumentException.class, () -> SlowCounts.of(1, 0, 0), "too few rungs");
        assertThrows(IllegalArgumentException.class, () -> SlowCounts.of(-1, -1, -1, -1, -1, -1, -1, -1));
        assertThrows(IllegalArgumentException.class, () -> stats(SlowCounts.of(101, 0, 0, 0, 0, 0, 0, 0)),
                "more slow attempts than attempts");
        assertThrows(JsonProcessingException.class, () -> Json.mapper().readValue(
                "[3, 4, 0, 0, 0, 0, 0, 0]", SlowCounts.class));
    }
}
