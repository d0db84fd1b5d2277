package io.payops.observe;

import io.payops.domain.Attempt;
import io.payops.domain.Dimension;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObserverTest {

    private static Attempt attempt(long ts, String gateway, String issuer, Status status, int latencyMs) {
        return attempt(ts, 1, gateway, issuer, "VISA", "CARD", "shopkart", status, latencyMs);
    }

    private static Attempt attempt(long ts, int attemptNo, String gateway, String issuer, String network,
                                   String method, String merchant, Status status, int latencyMs) {
        return new Attempt(ts, attemptNo, ts, gateway, issuer, network, method, merchant, 100, "INR", status,
                latencyMs);
    }

    private static List<Target> targets(List<SegmentStats> stats) {
        return stats.stream().map(SegmentStats::target).toList();
    }

    @Test
    void emptyObserverGivesZerosAndNoSegments() {
        Observer o = new Observer();
        Snapshot s = o.snapshot(5_000);
        assertEquals(5_000, s.atMillis());
        assertEquals(60, s.windowSeconds());
        assertEquals(900, s.baselineSeconds());
        for (SegmentStats t : List.of(s.total(), s.baselineTotal(), s.recentTotal())) {
            assertEquals(Target.ALL, t.target());
            assertEquals(0, t.attempts());
            assertEquals(0, t.payments());
            assertEquals(0, t.successRate());
            assertEquals(0, t.p50());
            assertEquals(0, t.p99());
            assertEquals(0, t.attemptsPerPayment());
            assertEquals(0, t.attemptsPerSecond());
            assertTrue(t.statusCounts().isEmpty());
        }
        assertTrue(s.segments().isEmpty());
        assertTrue(s.baselineSegments().isEmpty());
        assertTrue(s.recentSegments().isEmpty());
        assertEquals(0, o.totalRecorded());
        assertEquals(0, o.lateDropped());
        assertEquals(60, o.windowSeconds());
    }

    @Test
    void statsOfOneSecond() {
        Observer o = new Observer(60, 900);
        o.record(attempt(1_000, 1, "stripe", "HDFC", "VISA", "CARD", "shopkart", Status.SUCCESS, 100));
        o.record(attempt(1_100, 2, "stripe", "HDFC", "VISA", "CARD", "shopkart", Status.SUCCESS, 150));
        o.record(attempt(1_200, 1, "adyen", "SBI", "RUPAY", "UPI", "quickbite", Status.ISSUER_DOWN, 200));
        o.record(attempt(1_300, 1, "adyen", "SBI", "RUPAY", "UPI", "quickbite", Status.ISSUER_DOWN, 250));
        Snapshot s = o.snapshot(2_000);
        SegmentStats total = s.total();
        assertEquals(4, total.attempts());
        assertEquals(3, total.payments());
        assertEquals(2, total.successes());
        assertEquals(0.5, total.successRate());
        assertEquals(4.0 / 3, total.attemptsPerPayment(), 1e-12);
        assertEquals(4.0, total.attemptsPerSecond(), 1e-12, "one second observed so far");
        assertEquals(Map.of(Status.SUCCESS, 2L, Status.ISSUER_DOWN, 2L), total.statusCounts());
        // Below 256 ms every millisecond has its own slot, so these are exact.
        assertEquals(150, total.p50());
        assertEquals(250, total.p95());
        assertEquals(250, total.p99());

        SegmentStats path = s.segment(Target.of(Dimension.GATEWAY, "adyen", Dimension.ISSUER, "SBI"));
        assertNotNull(path);
        assertEquals(2, path.attempts());
        assertEquals(0, path.successRate());
        assertEquals(2, path.count(Status.ISSUER_DOWN));
        assertNotNull(s.segment(Target.of(Dimension.GATEWAY, "adyen", Dimension.METHOD, "UPI")));
        assertNull(s.segment(Target.of(Dimension.GATEWAY, "adyen", Dimension.ISSUER, "HDFC")),
                "pairs that never occurred are not reported");
        // 2 gateways, 2 issuers, 2 networks, 2 methods, 2 merchants, 2 gateway×issuer, 2 gateway×method,
        // 2 gateway×network
        assertEquals(16, s.segments().size());
    }

    @Test
    void oldAttemptsDropOutOfTheWindowAndIntoTheBaseline() {
        Observer o = new Observer(10, 60);   // baseline slots of 2 s
        for (int sec = 0; sec < 5; sec++) {
            o.record(attempt(sec * 1000L + 500, "stripe", "HDFC", Status.SUCCESS, 100));
        }
        assertEquals(5, o.snapshot(10_000).total().attempts());
        assertEquals(5, o.snapshot(10_000).segment(Target.gateway("stripe")).attempts());

        // Window [2, 12): seconds 0 and 1 left it. The baseline ends at the window start rounded down to a slot.
        Snapshot s = o.snapshot(12_000);
        assertEquals(3, s.total().attempts());
        assertEquals(2, s.baselineTotal().attempts());
        assertEquals(2, s.baseline(Target.gateway("stripe")).attempts());

        // Window [3, 13): second 2 left the window but its slot [2, 4) is not complete, so it waits.
        s = o.snapshot(13_000);
        assertEquals(2, s.total().attempts());
        assertEquals(2, s.baselineTotal().attempts());

        s = o.snapshot(16_000);
        assertEquals(0, s.total().attempts());
        assertTrue(s.segments().isEmpty(), "segments with nothing in the window are omitted");
        assertEquals(0, s.total().p99());
        assertEquals(5, s.baselineTotal().attempts());

        // Baseline [e − 60, e): everything has gone once e − 60 > 4.
        s = o.snapshot(76_000);
        assertEquals(0, s.baselineTotal().attempts());
        assertTrue(s.baselineSegments().isEmpty());
    }

    /** While trouble is open the baseline holds still, so the console's "normal" does not drift into the trouble. */
    @Test
    void aHeldBaselineStaysWhereItWasUntilReleased() {
        Observer o = new Observer(10, 60);
        for (int sec = 0; sec < 5; sec++) {
            o.record(attempt(sec * 1000L + 500, "stripe", "HDFC", Status.SUCCESS, 100));
        }
        assertEquals(2, o.snapshot(12_000).baselineTotal().attempts());
        o.holdBaseline(true);
        for (int sec = 12; sec < 20; sec++) {
            o.record(attempt(sec * 1000L + 500, "stripe", "HDFC", Status.ISSUER_DOWN, 100));
        }
        Snapshot held = o.snapshot(30_000);
        assertEquals(2, held.baselineTotal().attempts(), "held: the failing seconds and the rest stay out");
        assertEquals(1.0, held.baselineTotal().successRate());
        o.holdBaseline(false);
        Snapshot moved = o.snapshot(31_000);
        assertEquals(13, moved.baselineTotal().attempts(), "released: it catches up at once");
    }

    @Test
    void lateAttemptsAreCountedAndIgnored() {
        Observer o = new Observer(60, 900);
        o.record(attempt(100_000, "stripe", "HDFC", Status.SUCCESS, 100));
        o.record(attempt(40_999, "stripe", "HDFC", Status.SUCCESS, 100));   // second 40: window is [41, 100]
        o.record(attempt(41_000, "stripe", "HDFC", Status.SUCCESS, 100));   // just inside
        assertEquals(1, o.lateDropped());
        assertEquals(2, o.totalRecorded());
        assertEquals(2, o.snapshot(101_000).total().attempts());

        o.advanceTo(200_000);
        o.record(attempt(100_000, "stripe", "HDFC", Status.SUCCESS, 100));
        assertEquals(2, o.lateDropped());
        assertEquals(0, o.snapshot(200_000).total().attempts());
    }

    @Test
    void anAttemptAheadOfTimeAdvancesTheWindow() {
        Observer o = new Observer(10, 60);
        o.record(attempt(1_000, "stripe", "HDFC", Status.SUCCESS, 100));
        o.record(attempt(30_000, "stripe", "HDFC", Status.SUCCESS, 100));
        // A snapshot asked for an earlier moment does not move the window back.
        Snapshot s = o.snapshot(5_000);
        assertEquals(1, s.total().attempts());
        assertEquals(5_000, s.atMillis());
        o.record(attempt(1_500, "stripe", "HDFC", Status.SUCCESS, 100));
        assertEquals(1, o.lateDropped());
    }

    @Test
    void attemptsInASecondAlreadySnapshottedStillCount() {
        Observer o = new Observer(10, 60);
        o.record(attempt(4_100, "stripe", "HDFC", Status.SUCCESS, 100));
        assertEquals(1, o.snapshot(4_500).total().attempts());
        o.record(attempt(4_600, "stripe", "HDFC", Status.GATEWAY_ERROR, 240));
        o.record(attempt(2_000, "stripe", "HDFC", Status.SUCCESS, 100));  // out of order, still in the window
        Snapshot s = o.snapshot(5_000);
        assertEquals(3, s.total().attempts());
        assertEquals(240, s.total().p99());
        assertEquals(1, s.total().count(Status.GATEWAY_ERROR));
    }

    @Test
    void aNewDimensionValueGetsItsSegments() {
        Observer o = new Observer();
        for (int i = 0; i < 10; i++) {
            o.record(attempt(1_000 + i, "stripe", "HDFC", Status.SUCCESS, 100));
        }
        Snapshot before = o.snapshot(2_000);
        assertNull(before.segment(Target.of(Dimension.ISSUER, "YESBANK")));

        o.record(attempt(2_100, "stripe", "YESBANK", Status.ISSUER_DOWN, 100));
        o.record(attempt(2_200, "newpay", "YESBANK", Status.SUCCESS, 100));
        Snapshot after = o.snapshot(3_000);
        assertEquals(2, after.segment(Target.of(Dimension.ISSUER, "YESBANK")).attempts());
        assertEquals(1, after.segment(Target.gateway("newpay")).attempts());
        assertEquals(1, after.segment(Target.of(Dimension.GATEWAY, "stripe", Dimension.ISSUER, "YESBANK")).attempts());
        assertEquals(1, after.segment(Target.of(Dimension.GATEWAY, "newpay", Dimension.METHOD, "CARD")).attempts());
        assertEquals(12, after.total().attempts());
    }

    @Test
    void missingDimensionValuesLeaveOutOnlyThoseSegments() {
        Observer o = new Observer();
        o.record(attempt(1_000, 1, null, "HDFC", null, "", "shopkart", Status.SUCCESS, 100));
        Snapshot s = o.snapshot(2_000);
        assertEquals(1, s.total().attempts());
        assertEquals(List.of(Target.of(Dimension.ISSUER, "HDFC"), Target.of(Dimension.MERCHANT, "shopkart")),
                targets(s.segments()));
    }

    @Test
    void latenciesOutOfRangeAreClamped() {
        Observer o = new Observer();
        o.record(attempt(1_000, "stripe", "HDFC", Status.SUCCESS, -20));
        o.record(attempt(1_001, "stripe", "HDFC", Status.BANK_TIMEOUT, Integer.MAX_VALUE));
        SegmentStats t = o.snapshot(2_000).total();
        assertEquals(0, t.p50());
        assertTrue(t.p99() >= LatencyHistogram.HIGHEST_MS && t.p99() <= LatencyHistogram.HIGHEST_MS * 1.01);
    }

    @Test
    void segmentsAreSortedByKindThenValueWhateverTheArrivalOrder() {
        String[] gateways = {"stripe", "adyen", "razorpay", "paypal"};
        String[] issuers = {"HDFC", "SBI", "AXIS"};
        String[] methods = {"UPI", "CARD"};
        List<Attempt> attempts = new ArrayList<>();
        for (String g : gateways) {
            for (String i : issuers) {
                for (String m : methods) {
                    attempts.add(attempt(1_000, 1, g, i, "VISA", m, "m-" + i, Status.SUCCESS, 100));
                }
            }
        }
        List<Target> first = null;
        for (long seed = 0; seed < 5; seed++) {
            Collections.shuffle(attempts, new Random(seed));
            Observer o = new Observer();
            attempts.forEach(o::record);
            List<Target> order = targets(o.snapshot(2_000).segments());
            if (first == null) {
                first = order;
            }
            assertEquals(first, order, "same order whatever the arrival order");
        }
        List<Target> expected = new ArrayList<>();
        for (String g : List.of("adyen", "paypal", "razorpay", "stripe")) {
            expected.add(Target.gateway(g));
        }
        for (String i : List.of("AXIS", "HDFC", "SBI")) {
            expected.add(Target.of(Dimension.ISSUER, i));
        }
        expected.add(Target.of(Dimension.NETWORK, "VISA"));
        expected.add(Target.of(Dimension.METHOD, "CARD"));
        expected.add(Target.of(Dimension.METHOD, "UPI"));
        for (String i : List.of("AXIS", "HDFC", "SBI")) {
            expected.add(Target.of(Dimension.MERCHANT, "m-" + i));
        }
        for (String g : List.of("adyen", "paypal", "razorpay", "stripe")) {
            for (String i : List.of("AXIS", "HDFC", "SBI")) {
                expected.add(Target.of(Dimension.GATEWAY, g, Dimension.ISSUER, i));
            }
        }
        for (String g : List.of("adyen", "paypal", "razorpay", "stripe")) {
            for (String m : List.of("CARD", "UPI")) {
                expected.add(Target.of(Dimension.GATEWAY, g, Dimension.METHOD, m));
            }
        }
        for (String g : List.of("adyen", "paypal", "razorpay", "stripe")) {
            expected.add(Target.of(Dimension.GATEWAY, g, Dimension.NETWORK, "VISA"));
        }
        assertEquals(expected, first);
    }

    @Test
    void attemptsPerSecondUsesTheTimeObservedWhileTheRunIsYoung() {
        Observer o = new Observer(60, 900);
        o.advanceTo(0);
        for (int sec = 0; sec < 10; sec++) {
            for (int i = 0; i < 5; i++) {
                o.record(attempt(sec * 1000L + i, "stripe", "HDFC", Status.SUCCESS, 100));
            }
        }
        assertEquals(5.0, o.snapshot(10_000).total().attemptsPerSecond(), 1e-12);
        // After 120 s the window is full: 50 attempts over 60 s... but they have all left it by then.
        for (int sec = 10; sec < 120; sec++) {
            o.record(attempt(sec * 1000L, "stripe", "HDFC", Status.SUCCESS, 100));
        }
        assertEquals(1.0, o.snapshot(120_000).total().attemptsPerSecond(), 1e-12);
    }

    @Test
    void aSnapshotIsNotChangedByLaterAttempts() {
        Observer o = new Observer();
        o.record(attempt(1_000, "stripe", "HDFC", Status.SUCCESS, 100));
        Snapshot s = o.snapshot(2_000);
        o.record(attempt(2_000, "stripe", "HDFC", Status.GATEWAY_ERROR, 100));
        o.snapshot(3_000);
        assertEquals(1, s.total().attempts());
        assertEquals(Map.of(Status.SUCCESS, 1L), s.total().statusCounts());
        assertThrows(UnsupportedOperationException.class, () -> s.total().statusCounts().put(Status.SUCCESS, 9L));
    }

    @Test
    void recentIsTheLastSecondAlone() {
        Observer o = new Observer();
        o.record(attempt(1_500, "stripe", "HDFC", Status.SUCCESS, 100));
        o.record(attempt(2_100, "stripe", "SBI", Status.ISSUER_DOWN, 200));
        o.record(attempt(2_900, "adyen", "SBI", Status.SUCCESS, 250));
        Snapshot s = o.snapshot(3_000);
        assertEquals(3, s.total().attempts());
        assertEquals(2, s.recentTotal().attempts());
        assertEquals(2.0, s.recentTotal().attemptsPerSecond());
        assertEquals(250, s.recentTotal().p99());
        assertEquals(2, s.recentSegments().stream()
                .filter(r -> r.target().equals(Target.of(Dimension.ISSUER, "SBI"))).findFirst().orElseThrow()
                .attempts());
        assertTrue(s.recentSegments().stream()
                .noneMatch(r -> r.target().equals(Target.of(Dimension.ISSUER, "HDFC"))));

        Snapshot quiet = o.snapshot(4_000);
        assertEquals(0, quiet.recentTotal().attempts(), "a quiet second");
        assertTrue(quiet.recentSegments().isEmpty());
        assertEquals(3, quiet.total().attempts());
    }

    @Test
    void aLongGapClearsEverything() {
        Observer o = new Observer(10, 60);
        for (int sec = 0; sec < 40; sec++) {
            o.record(attempt(sec * 1000L, "stripe", "HDFC", Status.SUCCESS, 100));
        }
        Snapshot s = o.snapshot(10_000_000);
        assertEquals(0, s.total().attempts());
        assertEquals(0, s.baselineTotal().attempts());
        o.record(attempt(10_000_000, "stripe", "HDFC", Status.SUCCESS, 100));
        assertEquals(1, o.snapshot(10_001_000).total().attempts());
    }

    @Test
    void baselineSlotsSplitTheBaselineIntoAtMostThirty() {
        assertEquals(30, Observer.slotSeconds(900));
        assertEquals(2, Observer.slotSeconds(60));
        assertEquals(3, Observer.slotSeconds(45));
        assertEquals(1, Observer.slotSeconds(7));
        assertEquals(120, Observer.slotSeconds(3600));
        assertEquals(907, Observer.slotSeconds(907));
        assertThrows(IllegalArgumentException.class, () -> new Observer(0, 900));
        assertThrows(IllegalArgumentException.class, () -> new Observer(60, 0));
    }
}
