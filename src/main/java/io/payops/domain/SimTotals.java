package io.payops.domain;

/**
 * Running totals of a simulated run. {@code excessFailures} is the expected number of failed payments beyond what
 * the same payments would have had with no fault and the initial routing (DESIGN §5.3), from each payment's own
 * success probabilities. {@code staticExcessFailures} is the same figure for the routing the run started with.
 * {@code faultCausedFailures} counts only what the faults cost under the routing in force (each payment's chance with
 * the same routing and no fault, less its chance with the faults): what routing alone gains or costs is left out.
 */
public record SimTotals(long payments, long attempts, long succeeded, long failed, double excessFailures,
                        double staticExcessFailures, double faultCausedFailures) {
    public static final SimTotals ZERO = new SimTotals(0, 0, 0, 0, 0, 0, 0);

    /** Totals without the fault-caused figure (a source that has no model of its faults). */
    public SimTotals(long payments, long attempts, long succeeded, long failed, double excessFailures,
                     double staticExcessFailures) {
        this(payments, attempts, succeeded, failed, excessFailures, staticExcessFailures, excessFailures);
    }

    /**
     * Failed payments prevented so far: the expected excess failures had routing stayed as it started (what the
     * {@code static} policy would have lost on the same payments and faults) minus those of the routing in force.
     * Negative when the changes made things worse.
     */
    public double preventedFailures() {
        return staticExcessFailures - excessFailures;
    }

    public double successRate() {
        long decided = succeeded + failed;
        return decided == 0 ? 0 : (double) succeeded / decided;
    }
}
