package io.payops.foreign;

/**
 * A stretch of time in which one target behaves differently, with the strengths the traffic needs; the public
 * ground truth ({@link InjectedFault}, {@link NoiseEpisode}) is derived from it.
 *
 * @param strength      a fault's share of attempts failed (or points of success lost for a degradation), a burst's
 *                      share of failures retried
 * @param latencyFactor latency multiplier on the target (1 unless a latency spike)
 */
record Episode(String type, Dim dim, int value, long startSecond, long endSecond, double strength,
               double latencyFactor) {
    static final String ISSUER_DEGRADATION = "issuer_degradation";
    static final String GATEWAY_OUTAGE = "gateway_outage";
    static final String LATENCY_SPIKE = "latency_spike";
    static final String RETRY_STORM = "retry_storm";
    static final String NETWORK_ERRORS = "network_errors";
    static final String BACKGROUND_DEGRADATION = "background_degradation";
    static final String RETRY_BURST = "retry_burst";

    boolean covers(long tMicrosFromStart) {
        return tMicrosFromStart >= startSecond * 1_000_000 && tMicrosFromStart < endSecond * 1_000_000;
    }

    /** Whether an attempt on these segments is on this episode's target. */
    boolean hits(int gateway, int issuer, int network) {
        return switch (dim) {
            case GATEWAY -> value == gateway;
            case ISSUER -> value == issuer;
            case NETWORK -> value == network;
            case ALL -> true;
            default -> false;
        };
    }

    boolean active(long tMicrosFromStart, int gateway, int issuer, int network) {
        return covers(tMicrosFromStart) && hits(gateway, issuer, network);
    }

    InjectedFault asFault(World w) {
        return new InjectedFault(type, dim.key, w.names(dim).get(value), startSecond, endSecond);
    }

    NoiseEpisode asNoise(World w) {
        return new NoiseEpisode(type, dim.key, w.names(dim).get(value), startSecond, endSecond, strength);
    }

    static String clock(long seconds) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
