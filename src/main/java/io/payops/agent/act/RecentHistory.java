package io.payops.agent.act;

import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The last few minutes of per-second segment stats, so an action's effect can be measured on exactly the seconds
 * before and after it (the 60-second window would blur both sides together).
 */
public final class RecentHistory {
    private final int seconds;
    private final Deque<Second> ring = new ArrayDeque<>();

    private record Second(long atMillis, SegmentStats total, List<SegmentStats> segments) {
    }

    /** Attempts, successes and the summed p95 of the seconds counted (for an average). */
    public record Sum(long attempts, long successes, long technicalFailures, double p95Sum, int seconds) {
        public double successRate() {
            return attempts == 0 ? Double.NaN : (double) successes / attempts;
        }

        public double technicalRate() {
            return attempts == 0 ? Double.NaN : (double) technicalFailures / attempts;
        }

        public double meanP95() {
            return seconds == 0 ? Double.NaN : p95Sum / seconds;
        }

        /**
         * This traffic less a part of it (e.g. SBI's payments less those on razorpay). Counts only: percentiles
         * cannot be subtracted, so the result has no latency ({@link #meanP95()} is NaN).
         */
        public Sum minus(Sum part) {
            return new Sum(attempts - part.attempts, successes - part.successes,
                    technicalFailures - part.technicalFailures, Double.NaN, 0);
        }
    }

    public RecentHistory(int seconds) {
        this.seconds = seconds;
    }

    public void add(Snapshot s) {
        ring.addLast(new Second(s.atMillis(), s.recentTotal(), s.recentSegments()));
        while (ring.size() > seconds) {
            ring.removeFirst();
        }
    }

    /** Sums a target's seconds ending in (fromMillis, toMillis]. */
    public Sum sum(Target target, long fromMillis, long toMillis) {
        long n = 0;
        long ok = 0;
        long tech = 0;
        double p95 = 0;
        int secs = 0;
        for (Second s : ring) {
            if (s.atMillis <= fromMillis || s.atMillis > toMillis) {
                continue;
            }
            SegmentStats st = target.isAll() ? s.total : find(s.segments, target);
            if (st == null || st.attempts() == 0) {
                continue;
            }
            n += st.attempts();
            ok += st.successes();
            tech += technicalFailures(st);
            p95 += st.p95();
            secs++;
        }
        return new Sum(n, ok, tech, p95, secs);
    }

    /**
     * Sums, second by second, every segment (all traffic excluded) that {@code segments} picks, e.g. every gateway ×
     * issuer path outside one gateway: traffic that no single segment holds. A second's p95 is the attempt-weighted
     * mean of the picked segments' p95 (a level to compare over time, not a true percentile of their union). The
     * picked segments must not overlap, or attempts are counted twice.
     */
    public Sum sumOf(Predicate<Target> segments, long fromMillis, long toMillis) {
        long n = 0;
        long ok = 0;
        long tech = 0;
        double p95 = 0;
        int secs = 0;
        for (Second s : ring) {
            if (s.atMillis <= fromMillis || s.atMillis > toMillis) {
                continue;
            }
            long secondAttempts = 0;
            double secondP95 = 0;
            for (SegmentStats st : s.segments) {
                if (st.attempts() == 0 || !segments.test(st.target())) {
                    continue;
                }
                n += st.attempts();
                ok += st.successes();
                tech += technicalFailures(st);
                secondAttempts += st.attempts();
                secondP95 += st.p95() * st.attempts();
            }
            if (secondAttempts > 0) {
                p95 += secondP95 / secondAttempts;
                secs++;
            }
        }
        return new Sum(n, ok, tech, p95, secs);
    }

    private static long technicalFailures(SegmentStats st) {
        return st.attempts() - st.successes() - st.count(io.payops.domain.Status.USER_DECLINED)
                - st.count(io.payops.domain.Status.INSUFFICIENT_FUNDS);
    }

    /**
     * The counts of every segment over the seconds ending in (fromMillis, toMillis], as a snapshot (attempts,
     * payments, successes and statuses only: percentiles of separate seconds cannot be added up, so they are NaN).
     * The reasoner localizes on this rather than on the fixed 60 s window, so the evidence it weighs is the trouble's
     * own seconds: a low-volume fault's whole history since its onset, a sudden one without the calm before it.
     */
    public Snapshot evidence(long fromMillis, long toMillis, int windowSeconds, int baselineSeconds) {
        Map<Target, long[]> sums = new LinkedHashMap<>();
        long[] total = new long[COUNTS];
        int seconds = 0;
        for (Second s : ring) {
            if (s.atMillis <= fromMillis || s.atMillis > toMillis) {
                continue;
            }
            seconds++;
            add(total, s.total);
            for (SegmentStats st : s.segments) {
                add(sums.computeIfAbsent(st.target(), t -> new long[COUNTS]), st);
            }
        }
        double span = Math.max(1, seconds);
        List<SegmentStats> segments = new ArrayList<>(sums.size());
        for (Map.Entry<Target, long[]> e : sums.entrySet()) {
            segments.add(stats(e.getKey(), e.getValue(), span));
        }
        return new Snapshot(toMillis, seconds, baselineSeconds, stats(Target.ALL, total, span), segments, null, List.of());
    }

    private static final Status[] STATUSES = Status.values();
    /** attempts, payments, successes, one count per status, one per rung of the latency ladder, then the seconds whose rungs are known. */
    private static final int SLOW = 3 + STATUSES.length;
    private static final int KNOWN = SLOW + io.payops.domain.LatencyLadder.RUNGS;
    private static final int COUNTS = KNOWN + 1;

    private static void add(long[] acc, SegmentStats st) {
        if (st == null) {
            return;
        }
        acc[0] += st.attempts();
        acc[1] += st.payments();
        acc[2] += st.successes();
        for (Map.Entry<Status, Long> e : st.statusCounts().entrySet()) {
            acc[3 + e.getKey().ordinal()] += e.getValue();
        }
        if (st.slowCountsKnown()) {
            for (int k = 0; k < io.payops.domain.LatencyLadder.RUNGS; k++) {
                acc[SLOW + k] += st.slowerThan(k);
            }
        } else {
            acc[KNOWN]++; // a second that cannot say: the sum cannot either
        }
    }

    private static SegmentStats stats(Target t, long[] c, double seconds) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : STATUSES) {
            if (c[3 + s.ordinal()] > 0) {
                counts.put(s, c[3 + s.ordinal()]);
            }
        }
        long attempts = c[0];
        io.payops.domain.SlowCounts slow = c[KNOWN] > 0 ? null
                : io.payops.domain.SlowCounts.of(java.util.Arrays.copyOfRange(c, SLOW, KNOWN));
        return new SegmentStats(t, attempts, c[1], c[2], attempts == 0 ? 0 : (double) c[2] / attempts, Double.NaN,
                Double.NaN, Double.NaN, c[1] == 0 ? 0 : (double) attempts / c[1], attempts / seconds, counts, slow);
    }

    private static SegmentStats find(List<SegmentStats> list, Target t) {
        for (SegmentStats s : list) {
            if (s.target().equals(t)) {
                return s;
            }
        }
        return null;
    }
}
