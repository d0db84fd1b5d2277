package io.payops.observe;

import io.payops.domain.Attempt;
import io.payops.domain.Dimension;
import io.payops.domain.LatencyLadder;
import io.payops.domain.SegmentStats;
import io.payops.domain.SlowCounts;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;
import org.HdrHistogram.IntCountsHistogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random attempt streams against a brute-force recount: at many moments every SegmentStats of the window, of the
 * baseline and of the most recent second (slow counts per rung of the latency ladder included) must equal what a
 * plain scan over the accepted attempts gives. The expected window and baseline ranges, late drops and covered
 * seconds are re-derived here from the rules in {@link Observer}'s javadoc.
 */
class ObserverBruteForceTest {
    private static final String[] GATEWAYS = {"stripe", "adyen", "razorpay", "paypal"};
    private static final String[] ISSUERS = {"HDFC", "ICICI", "SBI", "AXIS", "KOTAK"};
    private static final String[] NETWORKS = {"VISA", "MASTERCARD", "RUPAY", "AMEX"};
    private static final String[] METHODS = {"CARD", "UPI", "NETBANKING", "WALLET"};
    private static final String[] MERCHANTS = {"shopkart", "quickbite", "travelnest", "streamly", "edulearn"};
    private static final Status[] STATUSES = Status.values();
    /** HdrHistogram itself, as the reference for percentiles (reused: it is reset before each use). */
    private static final ThreadLocal<IntCountsHistogram> HDR =
            ThreadLocal.withInitial(() -> new IntCountsHistogram(1, LatencyHistogram.HIGHEST_MS, 2));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long[] seeds = {1, 2, 3, 7, 42};
        int[][] sizes = {{60, 900}, {10, 60}, {7, 45}, {5, 7}};
        for (int[] size : sizes) {
            for (long seed : seeds) {
                out.add(Arguments.of(seed, size[0], size[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0}, window {1} s, baseline {2} s")
    @MethodSource("cases")
    void everySegmentMatchesARecount(long seed, int windowSeconds, int baselineSeconds) {
        Random rnd = new Random(seed);
        Observer observer = new Observer(windowSeconds, baselineSeconds);
        Model model = new Model(windowSeconds, baselineSeconds, observer.slotSeconds());
        long second = 1_700_000_000L + rnd.nextInt(1000);
        int snapshots = 0;
        long baselineAttemptsSeen = 0;
        for (int active = 0; active < 300; active++) {
            if (rnd.nextInt(100) < 3) {
                // A gap: sometimes longer than everything the observer remembers.
                second += rnd.nextInt(100) < 20 ? windowSeconds + baselineSeconds + 40 : 1 + rnd.nextInt(40);
            }
            int n = rnd.nextInt(100) < 4 ? 300 + rnd.nextInt(200) : rnd.nextInt(40);
            for (int i = 0; i < n; i++) {
                long ts = second * 1000 + rnd.nextInt(1000);
                int r = rnd.nextInt(100);
                if (r < 8) {
                    ts -= 1000L * (1 + rnd.nextInt(4));           // a little out of order
                } else if (r < 10) {
                    ts -= 1000L * (windowSeconds + rnd.nextInt(30)); // late, usually dropped
                }
                Attempt a = randomAttempt(rnd, ts);
                model.record(a);
                observer.record(a);
            }
            second++;
            if (rnd.nextInt(100) < 15) {
                // On a boundary, or part way into the next second (the window then reaches to its end).
                long now = rnd.nextBoolean() ? second * 1000 : second * 1000 + 1 + rnd.nextInt(999);
                model.advanceTo(now);
                Snapshot snapshot = observer.snapshot(now);
                check(model, snapshot, now);
                snapshots++;
                baselineAttemptsSeen += snapshot.baselineTotal().attempts();
            }
        }
        long now = second * 1000;
        model.advanceTo(now);
        check(model, observer.snapshot(now), now);
        assertTrue(snapshots > 10, "snapshots taken: " + snapshots);
        assertTrue(baselineAttemptsSeen > 0, "the baseline was exercised");
        assertEquals(model.lateDropped, observer.lateDropped(), "late attempts");
        assertEquals(model.acceptedCount, observer.totalRecorded(), "recorded attempts");
    }

    private static Attempt randomAttempt(Random rnd, long ts) {
        String gateway = pick(rnd, GATEWAYS);
        String issuer = rnd.nextInt(200) == 0 ? "NEWBANK" + rnd.nextInt(3) : pick(rnd, ISSUERS);
        String network = rnd.nextInt(20) == 0 ? null : pick(rnd, NETWORKS);  // event logs may lack a dimension
        String method = pick(rnd, METHODS);
        String merchant = rnd.nextInt(30) == 0 ? "" : pick(rnd, MERCHANTS);
        Status status = rnd.nextInt(100) < 80 ? Status.SUCCESS : STATUSES[rnd.nextInt(STATUSES.length)];
        int attemptNo = rnd.nextInt(100) < 75 ? 1 : 2 + rnd.nextInt(2);
        int latency;
        int r = rnd.nextInt(1000);
        if (r == 0) {
            latency = -5;
        } else if (r == 1) {
            latency = 500_000;
        } else if (r < 20) {
            latency = rnd.nextInt(300);
        } else if (r < 60) {
            // On a rung of the latency ladder or next to it: exactly a rung is not slower than it, one more is.
            latency = (64 << rnd.nextInt(8)) + rnd.nextInt(3) - 1;
        } else if (r < 70) {
            latency = 3000 + rnd.nextInt(20_000);
        } else {
            latency = (int) Math.exp(Math.log(400) + 0.6 * rnd.nextGaussian());
        }
        return new Attempt(rnd.nextLong(), attemptNo, ts, gateway, issuer, network, method, merchant, 100,
                "INR", status, latency);
    }

    private static String pick(Random rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private static void check(Model model, Snapshot snapshot, long now) {
        long head = model.head;
        long windowStart = head - model.windowSeconds + 1;
        long windowCovered = Math.max(1, head - Math.max(windowStart, model.origin) + 1);
        Map<Target, List<Attempt>> window = model.bySegment(windowStart, head + 1);
        compare("window at " + now, window, windowCovered, snapshot.total(), snapshot.segments());

        long baselineEnd = Math.floorDiv(windowStart, model.slotSeconds) * model.slotSeconds;
        long baselineStart = baselineEnd - model.baselineSeconds;
        long baselineCovered = Math.max(1, baselineEnd - Math.max(baselineStart, model.origin));
        Map<Target, List<Attempt>> baseline = model.bySegment(baselineStart, baselineEnd);
        compare("baseline at " + now, baseline, baselineCovered, snapshot.baselineTotal(),
                snapshot.baselineSegments());

        // The per-second breakdown: the head second alone, one second covered.
        compare("recent second at " + now, model.bySegment(head, head + 1), 1, snapshot.recentTotal(),
                snapshot.recentSegments());

        assertEquals(now, snapshot.atMillis());
        assertEquals(model.windowSeconds, snapshot.windowSeconds());
        assertEquals(model.baselineSeconds, snapshot.baselineSeconds());
    }

    private static void compare(String what, Map<Target, List<Attempt>> expected, long covered,
                                SegmentStats total, List<SegmentStats> segments) {
        compareOne(what, Target.ALL, expected.getOrDefault(Target.ALL, List.of()), covered, total);
        Map<Target, SegmentStats> actual = new LinkedHashMap<>();
        for (SegmentStats s : segments) {
            actual.put(s.target(), s);
        }
        assertEquals(expected.size() - (expected.containsKey(Target.ALL) ? 1 : 0), actual.size(),
                what + ": segments " + actual.keySet() + " expected " + expected.keySet());
        for (Map.Entry<Target, List<Attempt>> e : expected.entrySet()) {
            if (e.getKey().isAll()) {
                continue;
            }
            SegmentStats s = actual.get(e.getKey());
            assertNotNull(s, what + ": missing segment " + e.getKey());
            compareOne(what, e.getKey(), e.getValue(), covered, s);
        }
    }

    private static void compareOne(String what, Target target, List<Attempt> attempts, long covered,
                                   SegmentStats s) {
        String where = what + " " + target;
        long n = attempts.size();
        long payments = attempts.stream().filter(Attempt::firstAttempt).count();
        long successes = attempts.stream().filter(a -> a.status().success()).count();
        Map<Status, Long> statusCounts = new EnumMap<>(Status.class);
        for (Attempt a : attempts) {
            statusCounts.merge(a.status(), 1L, Long::sum);
        }
        assertEquals(target, s.target(), where);
        assertEquals(n, s.attempts(), where + " attempts");
        assertEquals(payments, s.payments(), where + " payments");
        assertEquals(successes, s.successes(), where + " successes");
        assertEquals(n == 0 ? 0 : (double) successes / n, s.successRate(), 1e-12, where + " success rate");
        assertEquals(payments == 0 ? 0 : (double) n / payments, s.attemptsPerPayment(), 1e-12,
                where + " attempts per payment");
        assertEquals((double) n / covered, s.attemptsPerSecond(), 1e-12, where + " attempts per second");
        assertEquals(statusCounts, s.statusCounts(), where + " status counts");

        // The latency ladder, counted straight from the raw latencies (not through LatencyLadder.rungOf).
        long[] slow = new long[LatencyLadder.RUNGS];
        for (Attempt a : attempts) {
            for (int k = 0; k < slow.length; k++) {
                if (a.latencyMs() > 64 << k) {
                    slow[k]++;
                }
            }
        }
        assertTrue(s.slowCountsKnown(), where + " slow counts known");
        assertEquals(SlowCounts.of(slow), s.slowCounts(), where + " slow counts");
        for (int k = 0; k < slow.length; k++) {
            assertEquals(n == 0 ? 0 : (double) slow[k] / n, s.slowShare(k), 1e-12, where + " slow share " + k);
        }

        long[] sorted = attempts.stream().mapToLong(a -> clamp(a.latencyMs())).sorted().toArray();
        IntCountsHistogram hdr = HDR.get();
        hdr.reset();
        for (long v : sorted) {
            hdr.recordValue(v);
        }
        double[] got = {s.p50(), s.p95(), s.p99()};
        int[] percents = {50, 95, 99};
        for (int i = 0; i < percents.length; i++) {
            double expected = nearestRank(sorted, percents[i]);
            assertTrue(Math.abs(got[i] - expected) <= expected * 0.01 + 1,
                    where + " p" + percents[i] + " " + got[i] + " vs exact " + expected);
            // Same slots and rank rule as HdrHistogram, so the very same value.
            double hdrValue = n == 0 ? 0 : hdr.getValueAtPercentile(percents[i]);
            assertEquals(hdrValue, got[i], where + " p" + percents[i] + " vs HdrHistogram");
        }
    }

    /** The smallest value with at least ceil(p% × n) values at or below it; 0 for no values. */
    private static double nearestRank(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        long rank = Math.max(1, ((long) percent * sorted.length + 99) / 100);
        return sorted[(int) rank - 1];
    }

    private static long clamp(int latency) {
        return Math.max(0, Math.min(latency, LatencyHistogram.HIGHEST_MS));
    }

    /** The rules, applied to a plain list. */
    private static final class Model {
        final int windowSeconds;
        final int baselineSeconds;
        final int slotSeconds;
        /** Accepted attempts still young enough to fall in some future window or baseline, with their segments. */
        final ArrayDeque<Entry> kept = new ArrayDeque<>();
        long acceptedCount;
        long head = Long.MIN_VALUE;
        long origin = Long.MAX_VALUE;
        long lateDropped;

        record Entry(long second, Attempt attempt, List<Target> targets) {
        }

        Model(int windowSeconds, int baselineSeconds, int slotSeconds) {
            this.windowSeconds = windowSeconds;
            this.baselineSeconds = baselineSeconds;
            this.slotSeconds = slotSeconds;
        }

        void record(Attempt a) {
            long second = Math.floorDiv(a.tsMillis(), 1000L);
            if (head != Long.MIN_VALUE && second <= head - windowSeconds) {
                lateDropped++;
                return;
            }
            head = Math.max(head, second);
            origin = Math.min(origin, second);
            acceptedCount++;
            kept.add(new Entry(second, a, targetsOf(a)));
        }

        void advanceTo(long now) {
            head = Math.max(head, Math.floorDiv(now - 1, 1000L));
            // Nothing older than the oldest baseline start can matter again (entries are nearly in time order,
            // so pruning from the front is enough to keep the recount fast).
            long oldest = head - windowSeconds - baselineSeconds - slotSeconds;
            while (!kept.isEmpty() && kept.peekFirst().second() < oldest) {
                kept.removeFirst();
            }
        }

        /** Accepted attempts with a second in [fromSecond, toSecond), grouped by every segment they are in. */
        Map<Target, List<Attempt>> bySegment(long fromSecond, long toSecond) {
            // Targets are interned, so grouping by identity is exact (and spares hashing an EnumMap per attempt).
            Map<Target, List<Attempt>> out = new IdentityHashMap<>();
            for (Entry e : kept) {
                if (e.second() < fromSecond || e.second() >= toSecond) {
                    continue;
                }
                for (Target t : e.targets()) {
                    out.computeIfAbsent(t, k -> new ArrayList<>()).add(e.attempt());
                }
            }
            return new LinkedHashMap<>(out);
        }

        private final Map<Target, Target> interned = new HashMap<>();

        private List<Target> targetsOf(Attempt a) {
            List<Target> out = new ArrayList<>();
            for (Target t : rawTargetsOf(a)) {
                out.add(interned.computeIfAbsent(t, k -> k));
            }
            return out;
        }

        private static List<Target> rawTargetsOf(Attempt a) {
            List<Target> out = new ArrayList<>();
            out.add(Target.ALL);
            for (Dimension d : Dimension.values()) {
                if (present(a.value(d))) {
                    out.add(Target.of(d, a.value(d)));
                }
            }
            if (present(a.gateway()) && present(a.issuer())) {
                out.add(Target.of(Dimension.GATEWAY, a.gateway(), Dimension.ISSUER, a.issuer()));
            }
            if (present(a.gateway()) && present(a.method())) {
                out.add(Target.of(Dimension.GATEWAY, a.gateway(), Dimension.METHOD, a.method()));
            }
            if (present(a.gateway()) && present(a.network())) {
                out.add(Target.of(Dimension.GATEWAY, a.gateway(), Dimension.NETWORK, a.network()));
            }
            return out;
        }

        private static boolean present(String v) {
            return v != null && !v.isEmpty();
        }
    }
}
