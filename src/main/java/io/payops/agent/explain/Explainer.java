package io.payops.agent.explain;

import io.payops.agent.detect.AnomalyText;
import io.payops.domain.Anomaly;
import io.payops.domain.Candidate;
import io.payops.domain.Decision;
import io.payops.domain.GuardVerdict;
import io.payops.domain.Hypothesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every cycle in sentences a person reads: what was seen, what it probably is, what was done or proposed and why,
 * what was rejected, and which guardrail applied. What was seen is quoted as the reasoning pane's anomaly row words it
 * ({@link AnomalyText}) and what it probably is as the hypothesis's own evidence: each number names its window, so
 * where the detector's window and the reasoner's differ the text says so rather than disagreeing.
 */
public final class Explainer {
    private static final int MAX_REJECTED = 3;

    /** @param windowSeconds the detector's window, over which the anomalies' observed rates were counted */
    public List<String> explain(List<Anomaly> anomalies, int windowSeconds, List<Hypothesis> hypotheses,
                                Decision decision, GuardVerdict verdict, String actionTaken) {
        List<String> out = new ArrayList<>();
        if (anomalies.isEmpty()) {
            out.add("Seen: nothing out of the ordinary.");
        } else {
            Anomaly a = anomalies.get(0);
            out.add(String.format(Locale.ROOT, "Seen: %d anomal%s; strongest is %s: %s.", anomalies.size(),
                    anomalies.size() == 1 ? "y" : "ies", AnomalyText.what(a), AnomalyText.measure(a, windowSeconds)));
        }
        Hypothesis top = hypotheses.get(0);
        out.add(String.format(Locale.ROOT, "Probably: %s on %s (confidence %.2f, from %s). %s",
                top.diagnosis().key().replace('_', ' '), top.target(), top.confidence(), top.source(),
                top.evidence().isEmpty() ? "" : top.evidence().get(0)));
        if (decision != null) {
            Candidate s = decision.selected();
            out.add(String.format(Locale.ROOT, "Decided: %s (score %.3f, expected %+.2f points of success, risk %.2f, "
                            + "decision confidence %.2f).", s.action().describe(), s.score(), s.successGain(), s.risk(),
                    decision.confidence()));
            int n = 0;
            for (Candidate r : decision.rejected()) {
                if (n++ >= MAX_REJECTED) {
                    break;
                }
                out.add("Rejected: " + r.action().describe() + " — " + r.rejectedBecause() + ".");
            }
        }
        if (verdict != null) {
            out.add("Guardrails: " + verdict.kind().key().replace('_', ' ') + " — " + String.join("; ", verdict.reasons()) + ".");
        }
        if (actionTaken != null) {
            out.add("Done: " + actionTaken + ".");
        }
        return out;
    }
}
