package io.payops.domain;

/**
 * One action considered for a hypothesis, with its estimated effects: success-rate points gained on all traffic,
 * latency change (ms at p95), cost change (fee percentage points on moved traffic), risk (0..1), the share of all
 * traffic it moves, and the weighted score. {@code rejectedBecause} is null for the selected candidate.
 */
public record Candidate(
        Action action,
        Diagnosis forDiagnosis,
        double successGain,
        double latencyDeltaMs,
        double costDelta,
        double risk,
        double trafficShare,
        double score,
        String rejectedBecause) {

    public Candidate rejected(String why) {
        return new Candidate(action, forDiagnosis, successGain, latencyDeltaMs, costDelta, risk, trafficShare, score, why);
    }
}
