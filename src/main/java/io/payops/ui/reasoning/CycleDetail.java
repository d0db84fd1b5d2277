package io.payops.ui.reasoning;

import io.payops.domain.GuardVerdict;

import java.util.List;

/**
 * Everything the reasoning pane shows for one agent cycle, already in words (Locale.ROOT numbers), so the view only
 * puts strings into labels. {@link #EMPTY} is what shows before the agent's first cycle.
 */
public record CycleDetail(
        boolean present,
        String time,
        String reasoner,
        String cycleTime,
        String anomaliesTitle,
        List<AnomalyLine> anomalies,
        String moreAnomalies,
        List<HypothesisLine> hypotheses,
        String decisionAction,
        String decisionNumbers,
        boolean requiresApproval,
        String approvalText,
        List<String> approvalReasons,
        List<AlternativeLine> alternatives,
        GuardVerdict.Kind verdict,
        String verdictText,
        List<String> verdictReasons,
        String actionTaken,
        List<String> explanation,
        CallLine call) {

    public static final CycleDetail EMPTY = new CycleDetail(false, "—", "", "", "Anomalies", List.of(), "", List.of(),
            "", "", false, "", List.of(), List.of(), null, "—", List.of(), "", List.of(), CallLine.NONE);

    public CycleDetail {
        anomalies = List.copyOf(anomalies);
        hypotheses = List.copyOf(hypotheses);
        approvalReasons = List.copyOf(approvalReasons);
        alternatives = List.copyOf(alternatives);
        verdictReasons = List.copyOf(verdictReasons);
        explanation = List.copyOf(explanation);
        call = call == null ? CallLine.NONE : call;
    }

    /** One anomaly: "technical failures · gateway=stripe · mostly GATEWAY_ERROR" over "4.1% vs 1.3% expected ...". */
    public record AnomalyLine(String title, String numbers) {
    }

    /**
     * One ranked hypothesis. {@code confidence} is 0..1 for the bar, {@code confidenceText} the same as a percentage;
     * {@code source} ("heuristic", "gemini", "openai") shows as a badge, marked {@code llm} when a model wrote it.
     */
    public record HypothesisLine(String rank, String title, double confidence, String confidenceText, String source,
                                 boolean llm, List<String> evidence) {
        public HypothesisLine {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * The LLM call of a cycle: "gemini · gemini-2.5-flash · 812 ms · 1,204 in / 310 out tokens · used", its
     * {@code outcome} (used, fallback, pending, skipped; the CSS marks it) and, unless the model's answer was used,
     * what happened instead ("heuristics answered: timeout after 4000 ms"). {@link #NONE} with the heuristics.
     */
    public record CallLine(boolean present, String text, String outcome, String reason) {
        public static final CallLine NONE = new CallLine(false, "", "", "");
    }

    /** A candidate the decision turned down, with its score and why. */
    public record AlternativeLine(String action, String score, String reason) {
    }
}
