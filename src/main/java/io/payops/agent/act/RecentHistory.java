package io.payops.agent.act;

import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
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

    /**
     * One second, with the running totals of every segment since the history began ({@code cumulative}, {@link #COUNTS}
     * numbers per segment slot, slot 0 all traffic), so the counts over any stretch are one subtraction per segment.
     */
    private record Second(long atMillis, SegmentStats total, List<SegmentStats> segments, long[] cumulative) {
    }

    /** Each segment's slot in the running totals, in the order first seen (all traffic is slot 0). */
    private final Map<Target, Integer> slots = new java.util.HashMap<>();
    private final List<Target> slotTargets = new ArrayList<>(List.of(Target.ALL));
    /** The running totals up to the oldest second no longer kept: where a stretch reaching back past the ring starts. */
    private long[] evicted = new long[0];

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
        for (SegmentStats st : s.recentSegments()) {
            slots.computeIfAbsent(st.target(), t -> {
                slotTargets.add(t);
                return slotTargets.size() - 1;
            });
        }
        long[] previous = ring.isEmpty() ? new long[0] : ring.peekLast().cumulative();
        long[] cumulative = java.util.Arrays.copyOf(previous, slotTargets.size() * COUNTS);
        add(cumulative, 0, s.recentTotal());
        for (SegmentStats st : s.recentSegments()) {
            add(cumulative, slots.get(st.target()) * COUNTS, st);
        }
        ring.addLast(new Second(s.atMillis(), s.recentTotal(), s.recentSegments(), cumulative));
        while (ring.size() > seconds) {
            evicted = ring.removeFirst().cumulative();
        }
    }

    /** Sums a target's seconds ending in (fromMillis, toMillis]. */
    public Sum sum(Target target, long fromMillis, long toMillis) {
        return target.isAll() ? sum(s -> List.of(s.total), t -> true, fromMillis, toMillis)
                : sumOf(target::equals, fromMillis, toMillis);
    }

    /**
     * Sums, second by second, every segment (all traffic excluded) that {@code segments} picks, e.g. every gateway ×
     * issuer path outside one gateway: traffic that no single segment holds. A second's p95 is the attempt-weighted
     * mean of the picked segments' p95 (a level to compare over time, not a true percentile of their union). The
     * picked segments must not overlap, or attempts are counted twice.
     */
    public Sum sumOf(Predicate<Target> segments, long fromMillis, long toMillis) {
        return sum(s -> s.segments, segments, fromMillis, toMillis);
    }

    private Sum sum(java.util.function.Function<Second, List<SegmentStats>> parts, Predicate<Target> picked,
                    long fromMillis, long toMillis) {
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
            double weightedP95 = 0;
            double onlyP95 = 0;
            int picks = 0;
            for (SegmentStats st : parts.apply(s)) {
                if (st.attempts() == 0 || !picked.test(st.target())) {
                    continue;
                }
                n += st.attempts();
                ok += st.successes();
                tech += technicalFailures(st);
                secondAttempts += st.attempts();
                weightedP95 += st.p95() * st.attempts();
                onlyP95 = st.p95();
                picks++;
            }
            if (secondAttempts > 0) {
                // one segment's p95 as it is: a weighted mean of one would only add rounding
                p95 += picks == 1 ? onlyP95 : weightedP95 / secondAttempts;
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
        // the newest second at or before each end: the counts in between are the difference of their running totals
        Second to = null;
        Second from = null;
        int seconds = 0;
        java.util.Iterator<Second> newestFirst = ring.descendingIterator();
        while (newestFirst.hasNext()) {
            Second s = newestFirst.next();
            if (s.atMillis > toMillis) {
                continue;
            }
            if (to == null) {
                to = s;
            }
            if (s.atMillis <= fromMillis) {
                from = s;
                break;
            }
            seconds++;
        }
        long[] end = to == null ? new long[0] : to.cumulative();
        long[] start = from == null ? evicted : from.cumulative();
        double span = Math.max(1, seconds);
        List<SegmentStats> segments = new ArrayList<>(slotTargets.size());
        for (int slot = 1; slot < slotTargets.size(); slot++) {
            long[] c = difference(end, start, slot);
            if (c[0] > 0) {
                segments.add(stats(slotTargets.get(slot), c, span));
            }
        }
        return new Snapshot(toMillis, seconds, baselineSeconds, stats(Target.ALL, difference(end, start, 0), span),
                segments, null, List.of());
    }

    /** One slot's counts between two running totals (a slot a total does not have yet counts as zero there). */
    private static long[] difference(long[] end, long[] start, int slot) {
        long[] c = new long[COUNTS];
        int at = slot * COUNTS;
        for (int k = 0; k < COUNTS; k++) {
            long e = at + k < end.length ? end[at + k] : 0;
            long b = at + k < start.length ? start[at + k] : 0;
            c[k] = e - b;
        }
        return c;
    }

    private static final Status[] STATUSES = Status.values();
    /** attempts, payments, successes, one count per status, one per rung of the latency ladder, then the seconds whose rungs are known. */
    private static final int SLOW = 3 + STATUSES.length;
    private static final int KNOWN = SLOW + io.payops.domain.LatencyLadder.RUNGS;
    private static final int COUNTS = KNOWN + 1;

    private static void add(long[] acc, int at, SegmentStats st) {
        if (st == null) {
            return;
        }
        acc[at] += st.attempts();
        acc[at + 1] += st.payments();
        acc[at + 2] += st.successes();
        for (Map.Entry<Status, Long> e : st.statusCounts().entrySet()) {
            acc[at + 3 + e.getKey().ordinal()] += e.getValue();
        }
        if (st.slowCountsKnown()) {
            for (int k = 0; k < io.payops.domain.LatencyLadder.RUNGS; k++) {
                acc[at + SLOW + k] += st.slowerThan(k);
            }
        } else {
            acc[at + KNOWN]++; // a second that cannot say: the sum cannot either
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
}
