package io.payops.agent.decide;

import io.payops.domain.Target;

/**
 * A gateway-pinned target's technical failures ({@code failures} of {@code attempts}) against those of the same
 * slice of traffic on the other gateways ({@code otherFailures} of {@code otherAttempts}), and how many more
 * declines the target normally has ({@code declineGap}, from the references): whether sending the target's traffic
 * elsewhere can help at all, and by how much. Routing can only help where the target is worse than the
 * alternatives; a fault on an issuer everywhere leaves every gateway's share of it equally bad.
 */
public record PathComparison(Target target, long attempts, long failures, long otherAttempts, long otherFailures,
                             double declineGap) {

    public double rate() {
        return (double) failures / attempts;
    }

    public double otherRate() {
        return (double) otherFailures / otherAttempts;
    }

    /** How many more technical failures (per attempt) the target has than the alternatives. */
    public double difference() {
        return rate() - otherRate();
    }

    /**
     * What moving the target's traffic would save per attempt moved (negative: what it would cost): the technical
     * difference plus the normal difference in declines.
     */
    public double gain() {
        return difference() + declineGap;
    }

    /**
     * The log-likelihood ratio of "the target fails more often than the alternatives" against "both fail alike"
     * (0 when the target is not worse): a two-sample test, so a rise that noise can explain does not move traffic.
     */
    public double llr() {
        if (rate() <= otherRate()) {
            return 0;
        }
        double pooled = (double) (failures + otherFailures) / (attempts + otherAttempts);
        return attempts * kl(rate(), pooled) + otherAttempts * kl(otherRate(), pooled);
    }

    /**
     * Whether the data say, at about 97.5% one-sided, that the target is at most {@code margin} worse than the
     * alternatives: the difference's upper bound (two standard errors) is below it. Where this holds, moving the
     * traffic could gain at most that little; where it does not, more evidence may still show a gain.
     */
    public boolean atMostWorseBy(double margin) {
        double se = Math.sqrt(rate() * (1 - rate()) / attempts + otherRate() * (1 - otherRate()) / otherAttempts);
        return gain() + 2 * Math.max(se, 1e-4) < margin;
    }

    private static double kl(double p, double q) {
        q = Math.min(1 - 1e-9, Math.max(1e-9, q));
        double a = p <= 0 ? 0 : p * Math.log(p / q);
        double b = p >= 1 ? 0 : (1 - p) * Math.log((1 - p) / (1 - q));
        return a + b;
    }
}
