package io.payops.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One scenario × policy line of the bench table, averaged over seeds. {@code prevented} is
 * (static − policy) / (static − oracle) on excess failures; detection figures are medians over incidents and
 * seeds, null when nothing was detected (or there is no drop to bound).
 */
@JsonPropertyOrder({"scenario", "policy", "seeds", "excessFailures", "prevented", "medianDetectSeconds",
        "boundSeconds", "falseActions", "rollbacks", "approvals", "diagnosedRight", "incidents"})
public record BenchRow(
        String scenario,
        String policy,
        int seeds,
        double excessFailures,
        Double prevented,
        Double medianDetectSeconds,
        Double boundSeconds,
        double falseActions,
        double rollbacks,
        double approvals,
        int diagnosedRight,
        int incidents) {
}
