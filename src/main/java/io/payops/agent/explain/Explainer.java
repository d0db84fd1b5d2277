package io.payops.agent.explain;

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
 * what was rejected, and which guardrail applied.
 */
public final class Explainer {
    private static final int MAX_REJECTED = 3;

    public List<String> explain(List<Anomaly> anomalies, List<Hypothesis> hypotheses, Decision decision,
                                GuardVerdict verdict, String actionTaken) {
        List<String> out = new ArrayList<>();
        if (anomalies.isEmpty()) {
            out.add("Seen: nothing out of the ordinary.");
        } else {
            Anomaly a = anomalies.get(0);
            out.add(String.format(Locale.ROOT, "Seen: %d anomal%s; strongest is %s on %s (%s against %s normally).",
                    anomalies.size(), anomalies.size() == 1 ? "y" : "ies", a.kind().key().replace('_', ' '), a.target(),
                    fmt(a.kind(), a.observed()), fmt(a.kind(), a.expected())));
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

    private static String fmt(io.payops.domain.AnomalyKind k, double v) {
        return switch (k) {
            case LATENCY -> String.format(Locale.ROOT, "%.0f ms", v);
            case RETRY_AMPLIFICATION -> String.format(Locale.ROOT, "%.2f attempts per payment", v);
            default -> String.format(Locale.ROOT, "%.1f%%", v * 100);
        };
    }
}
