package io.payops.foreign;

/**
 * A fault a detector is expected to find. Seconds are relative to the log's first line (which is at second 0).
 *
 * @param type      issuer_degradation | gateway_outage | latency_spike | retry_storm | network_errors
 * @param dimension gateway | issuer | network (method | merchant are allowed by the shape, never drawn today)
 * @param endSecond exclusive
 */
public record InjectedFault(String type, String dimension, String value, long startSecond, long endSecond) {
    @Override
    public String toString() {
        return type + " on " + dimension + "=" + value + " " + Episode.clock(startSecond) + "-" + Episode.clock(endSecond)
                + " (s " + startSecond + "-" + endSecond + ")";
    }
}
