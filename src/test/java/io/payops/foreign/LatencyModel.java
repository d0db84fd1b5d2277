package io.payops.foreign;

import java.util.SplittableRandom;

/**
 * Heavy-tailed latency as payment simulators draw it: a lognormal body plus, now and then, a Pareto tail; timeouts
 * sit at the tool's client timeout; fast failures (gateway errors) come back quickly.
 *
 * @param gatewayFactor per-gateway speed, so that gateways differ a little even when healthy
 */
record LatencyModel(double medianMs, double sigma, double tailShare, double tailAlpha, double timeoutMs,
                    double[] gatewayFactor) {
    /** Below ingest's 600 s sanity bound with room to spare. */
    static final double CAP_MS = 120_000;

    double draw(SplittableRandom rng, Outcome o, int gateway, double spikeFactor) {
        double ms = switch (o) {
            case BANK_TIMEOUT -> timeoutMs * (1 + 0.08 * rng.nextDouble());
            case GATEWAY_ERROR -> lognormal(rng, 120, 0.6);
            case NETWORK_ERROR -> lognormal(rng, 600, 0.9);
            case ISSUER_DOWN -> lognormal(rng, medianMs * 1.4, sigma);
            case USER_DECLINED, INSUFFICIENT_FUNDS -> lognormal(rng, medianMs * 0.8, sigma);
            case SUCCESS -> rng.nextDouble() < tailShare
                    ? medianMs * 2 * Math.pow(1 - rng.nextDouble(), -1 / tailAlpha)
                    : lognormal(rng, medianMs, sigma);
        };
        if (o != Outcome.BANK_TIMEOUT) {
            // a timeout is the client giving up, so it does not stretch; everything else does
            ms *= gatewayFactor[gateway] * spikeFactor;
        }
        return Math.round(Math.min(CAP_MS, Math.max(1, ms)) * 100) / 100.0;
    }

    private static double lognormal(SplittableRandom rng, double median, double sigma) {
        return median * Math.exp(sigma * gaussian(rng));
    }

    /** Box-Muller, one value per call: simple and deterministic from the stream alone. */
    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
