package io.payops.agent.decide;

import io.payops.domain.RetryPolicy;
import io.payops.domain.Target;

/**
 * A gateway-pinned target's traffic against the same slice of traffic on the other gateways (e.g. razorpay's SBI
 * payments against SBI's payments elsewhere): technical failures ({@code failures} of {@code attempts} on the
 * target, {@code otherFailures} of {@code otherAttempts} elsewhere) as measured over the evidence, declines as the
 * references say they normally are ({@code declineRate}, {@code otherDeclineRate}: customers decline wherever the
 * payment goes, so a surge of declines now is nothing a move avoids).
 *
 * <p>Whether sending the target's traffic elsewhere can help at all ({@link #llr()}: the target's technical failures
 * measurably above the alternatives'; a fault on an issuer everywhere leaves every gateway's share of it equally
 * bad), and what it would gain per payment of the slice ({@link #paymentGain(double)}): a payment's attempts each
 * pick a gateway by routing and a technical failure is retried up to {@code maxRetries} times, so most of a small
 * fault's failures are rescued by a retry elsewhere, while a decline is final. Judging moves by payments rather
 * than attempts keeps the agent from moving traffic onto gateways that decline more, for failures retries already
 * rescue. {@code referenceRate} and {@code otherReferenceRate} are the technical failure rates the target and the
 * others normally have (NaN when unknown): what a move costs once the trouble is over.
 */
public record PathComparison(Target target, long attempts, long failures, double declineRate, long otherAttempts,
                             long otherFailures, double otherDeclineRate, int maxRetries, double referenceRate,
                             double otherReferenceRate) {

    /** Technical failure rate of the target's attempts. */
    public double rate() {
        return (double) failures / attempts;
    }

    /** Technical failure rate of the same traffic's attempts on the other gateways. */
    public double otherRate() {
        return (double) otherFailures / otherAttempts;
    }

    /** How many more technical failures (per attempt) the target has than the alternatives. */
    public double difference() {
        return rate() - otherRate();
    }

    /** The target's share of the slice's attempts. */
    public double weight() {
        return (double) attempts / (attempts + otherAttempts);
    }

    /**
     * The change in the chance that a payment of the slice succeeds when {@code moved} (0..1) of the target's traffic
     * goes to the other gateways instead (negative: the move costs payments).
     */
    public double paymentGain(double moved) {
        return paymentSuccess(weight() * (1 - moved)) - paymentSuccess(weight());
    }

    /**
     * What the same move would gain per payment of the slice once the target is healthy again (its technical failures
     * back at their reference): usually a cost, the price of every second the change outlives the trouble.
     */
    public double paymentGainOnceHealthy(double moved) {
        // the others recover too: a fault on the slice everywhere leaves them failing now, not once it is over
        double others = Double.isNaN(otherReferenceRate) ? otherRate() : otherReferenceRate;
        double healthy = Double.isNaN(referenceRate) ? others : referenceRate;
        return paymentSuccess(weight() * (1 - moved), healthy, others) - paymentSuccess(weight(), healthy, others);
    }

    /** P(a payment of the slice succeeds) when the target carries {@code w} of its attempts. */
    private double paymentSuccess(double w) {
        return paymentSuccess(w, rate(), otherRate());
    }

    private double paymentSuccess(double w, double targetRate, double otherTechnicalRate) {
        double tech = w * targetRate + (1 - w) * otherTechnicalRate;
        double decline = w * declineRate + (1 - w) * otherDeclineRate;
        double success = Math.max(0, 1 - tech - decline);
        return success * RetryPolicy.triesPerPayment(tech, maxRetries);
    }

    /**
     * The log-likelihood ratio of "the target fails technically more often than the alternatives" against "both
     * fail alike" (0 when the target is not worse): a two-sample test, so a rise that noise can explain does not
     * move traffic.
     */
    public double llr() {
        return llr(attempts, failures, otherAttempts, otherFailures);
    }

    /**
     * The two-sample log-likelihood ratio of "the first fails more often than the second" against "both fail alike"
     * ({@code k1} of {@code n1} failed against {@code k2} of {@code n2}); 0 when the first is not worse.
     */
    public static double llr(long n1, long k1, long n2, long k2) {
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        if (p1 <= p2) {
            return 0;
        }
        double pooled = (double) (k1 + k2) / (n1 + n2);
        return n1 * kl(p1, pooled) + n2 * kl(p2, pooled);
    }

    /**
     * The same comparison with the target's failure rate lowered by {@code z} standard errors of the difference (never
     * below the alternatives'): what a move can be counted on to gain, not what it gains if the evidence is exactly
     * right. A few minutes of a low-volume path leave a wide margin; an outage's hundreds of failures a narrow one.
     */
    public PathComparison cautious(double z) {
        double lowered = Math.max(otherRate(), rate() - z * standardError());
        long k = Math.round(lowered * attempts);
        return new PathComparison(target, attempts, Math.min(failures, k), declineRate, otherAttempts, otherFailures,
                otherDeclineRate, maxRetries, referenceRate, otherReferenceRate);
    }

    private double standardError() {
        return Math.sqrt(rate() * (1 - rate()) / attempts + otherRate() * (1 - otherRate()) / otherAttempts);
    }

    /**
     * Whether the data say, at about 97.5% one-sided, that the target's technical failures are at most
     * {@code margin} above the alternatives': the difference's upper bound (two standard errors) is below it.
     */
    public boolean atMostWorseBy(double margin) {
        return difference() + 2 * Math.max(standardError(), 1e-4) < margin;
    }

    private static double kl(double p, double q) {
        q = Math.min(1 - 1e-9, Math.max(1e-9, q));
        double a = p <= 0 ? 0 : p * Math.log(p / q);
        double b = p >= 1 ? 0 : (1 - p) * Math.log((1 - p) / (1 - q));
        return a + b;
    }
}
