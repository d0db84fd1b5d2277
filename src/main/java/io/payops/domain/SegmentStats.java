package io.payops.domain;

import java.util.Map;

/**
 * Windowed metrics of one segment (a target such as {gateway: stripe} or all traffic). Latencies are in ms.
 * {@code payments} counts first attempts in the window, so attempts / payments is the retry amplification.
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
        Map<Status, Long> statusCounts) {

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
}
