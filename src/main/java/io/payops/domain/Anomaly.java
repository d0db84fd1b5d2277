package io.payops.domain;

import java.util.Map;

/**
 * One segment moving against its baseline, with the numbers: {@code observed} and {@code expected} are rates
 * (failure share, decline share), milliseconds (latency p95) or attempts per payment; {@code score} is the test
 * statistic (CUSUM log-likelihood ratio or ratio to baseline); {@code statusShares} is the recent error mix.
 */
public record Anomaly(
        AnomalyKind kind,
        Target target,
        double observed,
        double expected,
        double score,
        long samples,
        Status dominantStatus,
        Map<Status, Double> statusShares,
        long sinceMillis) {
}
