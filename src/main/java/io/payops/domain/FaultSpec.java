package io.payops.domain;

/**
 * A fault as written in a scenario or sent from the chaos panel. {@code severity} is the share of matching
 * attempts that fail (or the success points lost, for issuer degradation); {@code multiplier} is used by
 * latency spikes only. Times are simulated seconds from the start of the run.
 */
public record FaultSpec(
        FaultType type,
        Target target,
        double startSecond,
        double durationSeconds,
        double severity,
        double multiplier,
        double rampSeconds) {

    public double endSecond() {
        return startSecond + durationSeconds;
    }

    /** True when routing can avoid this fault: it pins a gateway and is of a kind routing can affect. */
    public boolean routable() {
        return type.routable() && target.has(Dimension.GATEWAY);
    }

    /**
     * How strongly the fault acts at a moment, from 0 (inactive) to 1, rising linearly over the ramp.
     */
    public double intensityAt(double second) {
        if (second < startSecond || second >= endSecond()) {
            return 0;
        }
        if (rampSeconds <= 0) {
            return 1;
        }
        return Math.min(1, (second - startSecond) / rampSeconds);
    }
}
