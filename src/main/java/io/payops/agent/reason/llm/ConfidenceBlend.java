package io.payops.agent.reason.llm;

import io.payops.domain.Anomaly;
import io.payops.domain.Hypothesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Combines what the model said with what was measured. A model's confidence is never trusted alone: each stated
 * hypothesis gets the geometric mean of the model's confidence and the statistical support for the same claim (the
 * heuristic's confidence in the same diagnosis on the same target; half the strongest heuristic confidence when
 * the target is merely one the detector flagged; 0 when nothing measured supports it), capped at 0.99. Hypotheses
 * the model did not mention keep their heuristic confidence and source, so the model can reorder and sharpen what
 * was measured but cannot invent an incident.
 */
public final class ConfidenceBlend {
    private ConfidenceBlend() {
    }

    public static List<Hypothesis> blend(List<LlmAnswer.Stated> stated, List<Hypothesis> heuristics,
                                         List<Anomaly> anomalies, String source) {
        List<Hypothesis> out = new ArrayList<>();
        double strongest = heuristics.stream().mapToDouble(Hypothesis::confidence).max().orElse(0);
        for (LlmAnswer.Stated s : stated) {
            if (out.stream().anyMatch(h -> h.diagnosis() == s.diagnosis() && h.target().equals(s.target()))) {
                continue;
            }
            Hypothesis same = heuristics.stream()
                    .filter(h -> h.diagnosis() == s.diagnosis() && h.target().equals(s.target())).findFirst().orElse(null);
            double support = same != null ? same.confidence()
                    : anomalies.stream().anyMatch(a -> a.target().equals(s.target())) ? strongest / 2 : 0;
            double blended = Math.min(Hypothesis.MAX_CONFIDENCE, Math.sqrt(s.confidence() * support));
            List<String> evidence = new ArrayList<>();
            if (same != null) {
                evidence.addAll(same.evidence());
            }
            for (String e : s.evidence()) {
                evidence.add(source + " says: " + e);
            }
            evidence.add(String.format(java.util.Locale.ROOT, "%s stated %.2f; measured support %.2f; combined %.2f",
                    source, s.confidence(), support, blended));
            out.add(new Hypothesis(s.diagnosis(), s.target(), blended, evidence, source));
        }
        for (Hypothesis h : heuristics) {
            if (out.stream().noneMatch(o -> o.diagnosis() == h.diagnosis() && o.target().equals(h.target()))) {
                out.add(h);
            }
        }
        out.sort(Comparator.comparingDouble(Hypothesis::confidence).reversed());
        return out;
    }
}
