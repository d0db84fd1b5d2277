package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;
import java.util.Objects;

/**
 * Windowed metrics of one segment (a target such as {gateway: stripe} or all traffic). Latencies are in ms.
 * {@code payments} counts first attempts in the window, so attempts / payments is the retry amplification.
 *
 * <p>{@code slowCounts} holds, per rung of the {@link LatencyLadder}, how many of the attempts were slower than that
 * rung; the latency-spike detector watches their share like a failure status. It is {@code null} when the counts are
 * <em>unknown</em>: the stats came from a source without per-attempt latencies (a MetricsSnapshot exported by another
 * tool, our own snapshot JSON without the field, a recording made before the ladder existed). Unknown is not zero:
 * all-zero counts with attempts &gt; 0 say that no attempt was slower than 64 ms, which is a claim about the traffic.
 * So ask {@link #slowCountsKnown()} first, or use {@link #slowShare(int)}, which is NaN when unknown (NaN compares
 * false with every threshold, so an unknown share never trips a detector). The observer always knows them. In JSON
 * the field is a plain array of {@link LatencyLadder#RUNGS} numbers and is left out when unknown.
 */
public record SegmentStats(
        Target target,
        long attempts,
        long payments,
        long successes,
        double successRate,
        double p50,
        double p95,
        double p99,
        double attemptsPerPayment,
        double attemptsPerSecond,
        Map<Status, Long> statusCounts,
        @JsonInclude(JsonInclude.Include.NON_NULL) SlowCounts slowCounts) {

    public SegmentStats {
        if (slowCounts != null && slowCounts.slowerThan(0) > attempts) {
            throw new IllegalArgumentException(slowCounts.slowerThan(0) + " attempts slower than "
                    + LatencyLadder.LOWEST_MS + " ms is more than the " + attempts + " attempts of " + target);
        }
    }

    /** Stats whose slow counts are unknown (a source without per-attempt latencies; see the class comment). */
    public SegmentStats(Target target, long attempts, long payments, long successes, double successRate, double p50,
                        double p95, double p99, double attemptsPerPayment, double attemptsPerSecond,
                        Map<Status, Long> statusCounts) {
        this(target, attempts, payments, successes, successRate, p50, p95, p99, attemptsPerPayment,
                attemptsPerSecond, statusCounts, null);
    }

    public long failures() {
        return attempts - successes;
    }

    public long count(Status s) {
        return statusCounts.getOrDefault(s, 0L);
    }

    /** Share of attempts with this status, 0 when there were no attempts. */
    public double share(Status s) {
        return attempts == 0 ? 0 : (double) count(s) / attempts;
    }

    /** Whether the per-rung slow counts are known (see the class comment); false means {@code slowCounts} is null. */
    public boolean slowCountsKnown() {
        return slowCounts != null;
    }

    /**
     * Attempts slower than (strictly above) rung {@code rung}, {@link LatencyLadder#rungMs}.
     *
     * @throws IllegalStateException when the counts are unknown: check {@link #slowCountsKnown()} first, since no
     *                               number would be right
     */
    public long slowerThan(int rung) {
        Objects.checkIndex(rung, LatencyLadder.RUNGS);
        if (slowCounts == null) {
            throw new IllegalStateException("slow counts of " + target + " are unknown (stats from a source "
                    + "without per-attempt latencies)");
        }
        return slowCounts.slowerThan(rung);
    }

    /**
     * Share of attempts slower than rung {@code rung}: NaN when the counts are unknown, 0 when there were no
     * attempts (as {@link #share(Status)}).
     */
    public double slowShare(int rung) {
        Objects.checkIndex(rung, LatencyLadder.RUNGS);
        if (slowCounts == null) {
            return Double.NaN;
        }
        long slow = slowCounts.slowerThan(rung);
        return attempts == 0 ? 0 : (double) slow / attempts;
    }
}
