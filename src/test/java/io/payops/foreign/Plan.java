package io.payops.foreign;

import java.util.List;

/**
 * Everything about one seed's world that is decided before the first payment: names, traffic shares, per-segment
 * effects, drift, latency, the standing condition, the faults and the noise. Arrays are indexed by {@link Dim}
 * ordinal, then by value.
 *
 * @param standingIssuer the issuer that is bad all along, or -1
 */
record Plan(long seed, long startEpochMillis, int durationSeconds, double paymentsPerSecond, World world,
            double[][] shares, double[][] effects, double customerDeclineRate, Drift drift, LatencyModel latency,
            int standingIssuer, List<Episode> faults, List<Episode> noise) {
}
