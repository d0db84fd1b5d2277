package io.payops.sim;

/**
 * One payment gateway (PSP) of the simulated world. Latency is log-normal with the given median and sigma;
 * an attempt slower than {@code timeoutMs} fails with BANK_TIMEOUT.
 */
public record GatewayProfile(
        String name,
        double weight,
        double feePercent,
        double baseSuccess,
        double latencyMedianMs,
        double latencySigma,
        int timeoutMs) {
}
