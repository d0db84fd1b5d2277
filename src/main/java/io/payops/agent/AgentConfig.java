package io.payops.agent;

import io.payops.domain.ApprovalMode;

/**
 * Every threshold the agent uses, in one place, with the defaults the bars were measured with.
 *
 * @param cycleSeconds          how often a full reason → decide → act cycle runs (detection runs every tick)
 * @param cusumThreshold        CUSUM alarm level (log-likelihood ratio); the lowest CUSUM alarm level; busy segments get more (see SegmentMonitor#threshold)
 * @param minRiseAbsolute       smallest failure-rate rise the sequential test is tuned for (absolute points)
 * @param referenceSamples      attempts a segment needs in its reference before it is tested
 * @param referenceHalfLifeSeconds how fast a healthy segment's reference forgets old traffic
 * @param latencyRatio          window p95 over reference p95 that counts as a latency anomaly
 * @param retryRise             rise in attempts per payment that counts as retry amplification
 * @param minConfidenceToAct    acting alone needs at least this decision confidence
 * @param maxTrafficShift       no single change may move more than this share of all traffic
 * @param maxRetryMultiplier    attempts per payment the retry policy may allow at most (1 + max retries)
 * @param maxActiveActions      routing changes in force at once
 * @param cooldownSeconds       no new change on an overlapping target for this long after one
 * @param volumeCapShare        a change moving more than this share of traffic needs a human
 * @param approvalExpirySeconds a pending request expires after this long
 * @param evaluationSeconds     how long after a change its effect is measured
 * @param rollbackSuccessDrop   roll back when the target's success falls by more than this (absolute)
 * @param rollbackLatencyRise   roll back when the target's p95 rises by more than this factor
 * @param probeAfterSeconds     an open circuit is probed half-open after this long
 * @param weights               how candidate effects are weighed into a score
 * @param approval              how approval requests are answered
 */
public record AgentConfig(
        int cycleSeconds,
        double cusumThreshold,
        double minRiseAbsolute,
        long referenceSamples,
        double referenceHalfLifeSeconds,
        double latencyRatio,
        double retryRise,
        double minConfidenceToAct,
        double maxTrafficShift,
        double maxRetryMultiplier,
        int maxActiveActions,
        int cooldownSeconds,
        double volumeCapShare,
        int approvalExpirySeconds,
        int evaluationSeconds,
        double rollbackSuccessDrop,
        double rollbackLatencyRise,
        int probeAfterSeconds,
        ScoreWeights weights,
        ApprovalMode approval) {

    /**
     * How candidate effects are weighed: points of success, seconds of p95, fee points, and risk. A candidate's
     * success effect is measured at the payment level (the alternatives' own failures and declines and the retries
     * that rescue most attempt failures are already in it), so risk only has to stop moves whose gain is within
     * what being wrong could cost: a weight of 0.1 makes moving 40% of traffic on a sure diagnosis need a gain of
     * about 0.02 points of all payments.
     */
    public record ScoreWeights(double success, double latency, double cost, double risk) {
        public static final ScoreWeights DEFAULT = new ScoreWeights(1.0, 0.5, 0.05, 0.1);
    }

    public static AgentConfig defaults(ApprovalMode approval) {
        return new AgentConfig(2, 8.0, 0.05, 150, 600, 1.8, 0.08, 0.8, 0.5, 3.0, 3, 120, 0.45, 300, 40, 0.03, 1.5, 45,
                ScoreWeights.DEFAULT, approval);
    }

    public AgentConfig withApproval(ApprovalMode mode) {
        return new AgentConfig(cycleSeconds, cusumThreshold, minRiseAbsolute, referenceSamples, referenceHalfLifeSeconds,
                latencyRatio, retryRise, minConfidenceToAct, maxTrafficShift, maxRetryMultiplier, maxActiveActions,
                cooldownSeconds, volumeCapShare, approvalExpirySeconds, evaluationSeconds, rollbackSuccessDrop,
                rollbackLatencyRise, probeAfterSeconds, weights, mode);
    }
}
