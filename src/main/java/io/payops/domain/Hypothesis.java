package io.payops.domain;

import java.util.List;

/**
 * A ranked explanation of what is wrong: a diagnosis on a target with a confidence (at most 0.99), the evidence
 * as sentences with numbers, and where it came from ("heuristic", or the LLM's name).
 */
public record Hypothesis(Diagnosis diagnosis, Target target, double confidence, List<String> evidence, String source) {
    public static final double MAX_CONFIDENCE = 0.99;

    public Hypothesis {
        evidence = List.copyOf(evidence);
        if (!(confidence >= 0 && confidence <= MAX_CONFIDENCE)) {
            throw new IllegalArgumentException("confidence must be in [0, 0.99], was " + confidence);
        }
    }

    /** Whether routing could possibly help: the target pins a gateway and the trouble is not the customers'. */
    public boolean routable() {
        return diagnosis.isIncident() && diagnosis != Diagnosis.USER_DECLINES && diagnosis != Diagnosis.BROAD_DEGRADATION
                && target.has(Dimension.GATEWAY);
    }
}
