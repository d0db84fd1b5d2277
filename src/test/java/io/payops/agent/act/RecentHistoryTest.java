package io.payops.agent.act;

import io.payops.domain.SegmentStats;
import io.payops.domain.SlowCounts;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reasoner's evidence windows come from running totals (one subtraction per segment); they must equal a plain
 * sum of the seconds in the window, whichever segments come and go, whatever the window (inside the history,
 * reaching past its start, empty), and with latency counts known or not.
 */
class RecentHistoryTest {
    private static final List<Target> TARGETS = List.of(Target.gateway("stripe"), Target.gateway("adyen"),
            Target.of(io.payops.domain.Dimension.ISSUER, "SBI"), Target.of(io.payops.domain.Dimension.GATEWAY,
                    "stripe", io.payops.domain.Dimension.ISSUER, "SBI"));

    @Test
    void evidenceWindowsEqualThePlainSumOfTheirSeconds() {
        SplittableRandom rnd = new SplittableRandom(42);
        RecentHistory history = new RecentHistory(30);
        List<Snapshot> all = new ArrayList<>();
        for (int second = 1; second <= 80; second++) {
            Snapshot s = second(second, rnd, second > 40 && second < 50);
            all.add(s);
            history.add(s);
            for (int back : new int[] {1, 5, 12, 29, 30, 45}) {
                long to = second * 1000L;
                long from = to - back * 1000L;
                Snapshot got = history.evidence(from, to, 60, 900);
                List<Snapshot> kept = all.subList(Math.max(0, all.size() - 30), all.size());
                assertSame(plainSum(kept, from, to), got, "second " + second + ", " + back + " s back");
            }
        }
        Snapshot empty = history.evidence(80_000, 80_000, 60, 900);
        assertEquals(0, empty.total().attempts());
        assertTrue(empty.segments().isEmpty());
    }

    private static void assertSame(Map<Target, long[]> expected, Snapshot got, String when) {
        for (Map.Entry<Target, long[]> e : expected.entrySet()) {
            SegmentStats s = e.getKey().isAll() ? got.total() : got.segment(e.getKey());
            long[] c = e.getValue();
            if (c[0] == 0) {
                assertTrue(s == null || s.attempts() == 0, when + ": " + e.getKey() + " saw nothing");
                continue;
            }
            assertEquals(c[0], s.attempts(), when + ": attempts of " + e.getKey());
            assertEquals(c[1], s.successes(), when + ": successes of " + e.getKey());
            assertEquals(c[2], s.count(Status.GATEWAY_ERROR), when + ": gateway errors of " + e.getKey());
            if (c[4] > 0) {
                assertNull(s.slowCounts(), when + ": a second without latency counts makes the sum unknown");
            } else {
                assertEquals(c[3], s.slowerThan(2), when + ": slow attempts of " + e.getKey());
            }
        }
    }

    /** attempts, successes, gateway errors, slower than rung 2, seconds without latency counts; per target. */
    private static Map<Target, long[]> plainSum(List<Snapshot> seconds, long from, long to) {
        Map<Target, long[]> out = new java.util.LinkedHashMap<>();
        out.put(Target.ALL, new long[5]);
        TARGETS.forEach(t -> out.put(t, new long[5]));
        for (Snapshot s : seconds) {
            if (s.atMillis() <= from || s.atMillis() > to) {
                continue;
            }
            add(out.get(Target.ALL), s.recentTotal());
            for (SegmentStats st : s.recentSegments()) {
                add(out.get(st.target()), st);
            }
        }
        return out;
    }

    private static void add(long[] c, SegmentStats s) {
        c[0] += s.attempts();
        c[1] += s.successes();
        c[2] += s.count(Status.GATEWAY_ERROR);
        if (s.slowCountsKnown()) {
            c[3] += s.slowerThan(2);
        } else {
            c[4]++;
        }
    }

    /** One second: a random subset of the segments (they come and go), some without latency counts. */
    private static Snapshot second(int second, SplittableRandom rnd, boolean unknownLatency) {
        List<SegmentStats> segments = new ArrayList<>();
        long total = 0;
        long ok = 0;
        long errors = 0;
        for (Target t : TARGETS) {
            if (rnd.nextInt(4) == 0) {
                continue;
            }
            long n = 1 + rnd.nextInt(20);
            long e = rnd.nextInt((int) n + 1) / 3;
            SegmentStats s = stats(t, n, n - e, e, unknownLatency ? null : SlowCounts.of(n, n, n / 2, n / 4, 0, 0, 0, 0));
            segments.add(s);
            total += n;
            ok += n - e;
            errors += e;
        }
        SegmentStats all = stats(Target.ALL, total, ok, errors,
                unknownLatency ? null : SlowCounts.of(total, total, total / 2, total / 4, 0, 0, 0, 0));
        return new Snapshot(second * 1000L, 60, 900, all, segments, all, List.of(), all, segments);
    }

    private static SegmentStats stats(Target t, long attempts, long ok, long errors, SlowCounts slow) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        counts.put(Status.SUCCESS, ok);
        if (errors > 0) {
            counts.put(Status.GATEWAY_ERROR, errors);
        }
        return new SegmentStats(t, attempts, attempts, ok, attempts == 0 ? 0 : (double) ok / attempts, 100, 200, 300,
                1, attempts, counts, slow);
    }
}
