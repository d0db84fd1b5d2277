package io.payops.domain;

/**
 * Running totals of a simulated run. {@code excessFailures} is the expected number of failed payments beyond what
 * the same payments would have had with no fault and the initial routing (DESIGN §5.3), from each payment's own
 * success probabilities.
 */
public record SimTotals(long payments, long attempts, long succeeded, long failed, double excessFailures) {
    public static final SimTotals ZERO = new SimTotals(0, 0, 0, 0, 0);

    public double successRate() {
        long decided = succeeded + failed;
        return decided == 0 ? 0 : (double) succeeded / decided;
    }
}
