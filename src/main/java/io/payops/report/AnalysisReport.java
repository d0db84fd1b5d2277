package io.payops.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.util.List;
import java.util.Map;

/**
 * What {@code analyze} prints (DESIGN §5.5): what was read, what moved against the baseline, the ranked hypotheses,
 * the decision with what it rejected and why, the guardrails' verdict and the whole of it in sentences. Nothing is
 * acted on. Property order is fixed so the output is stable.
 */
@JsonPropertyOrder({"input", "anomalies", "hypotheses", "decision", "guardrail", "explanation"})
public record AnalysisReport(
        InputInfo input,
        List<AnomalyInfo> anomalies,
        List<HypothesisInfo> hypotheses,
        DecisionInfo decision,
        GuardrailInfo guardrail,
        List<String> explanation) {

    /**
     * The file read and how: its shape, all traffic in its window, the baseline compared against, the routing assumed
     * (a snapshot does not carry it), how many segments were tested and at which threshold, what was assumed where
     * the file is silent, and warnings about the data.
     */
    @JsonPropertyOrder({"file", "shape", "windowSeconds", "attempts", "successRate", "segments", "baseline", "routing",
            "segmentsTested", "threshold", "assumptions", "warnings"})
    public record InputInfo(String file, String shape, int windowSeconds, long attempts, double successRate,
                            int segments, BaselineInfo baseline, String routing, int segmentsTested, double threshold,
                            List<String> assumptions, List<String> warnings) {
    }

    /** {@code source}: "file" (--baseline), "snapshot" (the snapshot's own baseline window) or "none". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"source", "file", "shape", "seconds", "attempts", "successRate", "note"})
    public record BaselineInfo(String source, String file, String shape, Integer seconds, Long attempts,
                               Double successRate, String note) {
    }

    /**
     * One segment against its baseline. {@code unit} says what observed and expected are; {@code score} is the
     * binomial log-likelihood ratio for failure and decline shares and the ratio to the baseline otherwise.
     */
    @JsonPropertyOrder({"kind", "target", "observed", "expected", "unit", "score", "samples", "dominantStatus",
            "statusShares"})
    public record AnomalyInfo(String kind, Target target, double observed, double expected, String unit, double score,
                              long samples, Status dominantStatus, Map<Status, Double> statusShares) {
    }

    @JsonPropertyOrder({"diagnosis", "target", "confidence", "evidence", "source"})
    public record HypothesisInfo(String diagnosis, Target target, double confidence, List<String> evidence,
                                 String source) {
    }

    @JsonPropertyOrder({"action", "score", "estimate", "confidence", "requiresApproval", "approvalReasons", "rejected"})
    public record DecisionInfo(ActionInfo action, double score, Estimate estimate, double confidence,
                               boolean requiresApproval, List<String> approvalReasons, List<RejectedInfo> rejected) {
    }

    /** {@code fraction} only for shift_traffic, {@code retryPolicy} only for adjust_retry_policy. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "target", "fraction", "retryPolicy", "description"})
    public record ActionInfo(String type, Target target, Double fraction, RetryInfo retryPolicy, String description) {
    }

    @JsonPropertyOrder({"maxRetries", "backoffMillis"})
    public record RetryInfo(int maxRetries, long backoffMillis) {
    }

    /**
     * The selected action's estimated effects: points of success on all traffic, ms of p95, fee points, risk (0..1)
     * and the share of all traffic it moves.
     */
    @JsonPropertyOrder({"successGain", "latencyDeltaMs", "costDelta", "risk", "trafficShare"})
    public record Estimate(double successGain, double latencyDeltaMs, double costDelta, double risk,
                           double trafficShare) {
    }

    @JsonPropertyOrder({"action", "score", "reason"})
    public record RejectedInfo(ActionInfo action, double score, String reason) {
    }

    /** {@code verdict}: allow, needs_approval or block. */
    @JsonPropertyOrder({"verdict", "reasons"})
    public record GuardrailInfo(String verdict, List<String> reasons) {
    }
}
