package io.payops.domain;

import java.util.List;

/**
 * One pass of detect → reason → decide → guard → act, with everything a person needs to follow it. The reasoning
 * pane shows these; the recorder keeps them. {@code decision} and {@code verdict} are null when nothing was decided;
 * {@code call} is null unless an LLM reasoner was configured.
 */
public record AgentCycle(
        long atMillis,
        List<Anomaly> anomalies,
        List<Hypothesis> hypotheses,
        Decision decision,
        GuardVerdict verdict,
        String actionTaken,
        List<String> explanation,
        String reasonerNote,
        long cycleNanos,
        ReasonerCall call) {

    public AgentCycle {
        anomalies = List.copyOf(anomalies);
        hypotheses = List.copyOf(hypotheses);
        explanation = List.copyOf(explanation);
    }
}
