package io.payops.ui.reasoning;

import io.payops.agent.detect.AnomalyText;
import io.payops.agent.reason.HeuristicReasoner;
import io.payops.domain.ActionType;
import io.payops.domain.AgentCycle;
import io.payops.domain.Anomaly;
import io.payops.domain.Candidate;
import io.payops.domain.Decision;
import io.payops.domain.GuardVerdict;
import io.payops.domain.Hypothesis;
import io.payops.domain.ReasonerCall;
import io.payops.domain.Target;
import io.payops.ui.reasoning.CycleDetail.AlternativeLine;
import io.payops.ui.reasoning.CycleDetail.AnomalyLine;
import io.payops.ui.reasoning.CycleDetail.CallLine;
import io.payops.ui.reasoning.CycleDetail.HypothesisLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Puts an agent cycle into the words and numbers the reasoning pane shows (Locale.ROOT, units spelt out). */
final class CycleText {
    /**
     * Anomalies shown per cycle. During an outage the detector flags the gateway and every wider segment that
     * carries it (all traffic, a network, a method, merchants): the strongest few say it all, the rest is a count,
     * and the hypotheses below (which say which segment is the cause) stay near the top of a 470 px pane.
     */
    static final int MAX_ANOMALIES_SHOWN = 4;
    /** Hypotheses shown per cycle; the reasoner ranks them and rarely has more than three worth reading. */
    static final int MAX_HYPOTHESES_SHOWN = 5;
    /** Rejected alternatives shown per decision, best first as the decision maker lists them. */
    static final int MAX_ALTERNATIVES_SHOWN = 6;

    private CycleText() {
    }

    /**
     * @param windowSeconds the detector's window in the cycle's frame, over which its anomalies were counted (their
     *                      rows say so, as the explanation does)
     */
    static CycleEntry entry(AgentCycle c, int windowSeconds) {
        Hypothesis top = c.hypotheses().isEmpty() ? null : c.hypotheses().get(0);
        Decision d = c.decision();
        GuardVerdict.Kind verdict = c.verdict() == null ? null : c.verdict().kind();
        boolean quiet = c.anomalies().isEmpty() && (top == null || !top.diagnosis().isIncident())
                && (d == null || d.action().type() == ActionType.NO_OP);
        return new CycleEntry(c, time(c.atMillis()),
                top == null ? "no hypothesis" : top.diagnosis().key() + " · " + target(top.target()),
                d == null ? "no decision" : d.action().describe(),
                verdict, verdictText(verdict), quiet, windowSeconds);
    }

    static CycleDetail detail(CycleEntry entry) {
        AgentCycle c = entry.cycle();
        List<AnomalyLine> anomalies = new ArrayList<>();
        for (Anomaly a : c.anomalies().subList(0, Math.min(MAX_ANOMALIES_SHOWN, c.anomalies().size()))) {
            anomalies.add(anomaly(a, entry.windowSeconds()));
        }
        int more = c.anomalies().size() - anomalies.size();
        List<HypothesisLine> hypotheses = new ArrayList<>();
        int rank = 1;
        for (Hypothesis h : c.hypotheses().subList(0, Math.min(MAX_HYPOTHESES_SHOWN, c.hypotheses().size()))) {
            hypotheses.add(new HypothesisLine("#" + rank++, h.diagnosis().key() + " · " + target(h.target()),
                    h.confidence(), percent(h.confidence()), h.source(), !HeuristicReasoner.NAME.equals(h.source()),
                    h.evidence()));
        }
        Decision d = c.decision();
        List<AlternativeLine> alternatives = new ArrayList<>();
        if (d != null) {
            for (Candidate r : d.rejected().subList(0, Math.min(MAX_ALTERNATIVES_SHOWN, d.rejected().size()))) {
                alternatives.add(new AlternativeLine(r.action().describe(), "score " + score(r.score()),
                        r.rejectedBecause() == null ? "" : r.rejectedBecause()));
            }
        }
        GuardVerdict v = c.verdict();
        return new CycleDetail(true, time(c.atMillis()),
                "reasoner: " + (c.reasonerNote() == null || c.reasonerNote().isBlank() ? "—" : c.reasonerNote()),
                String.format(Locale.ROOT, "cycle %,d µs", Math.round(c.cycleNanos() / 1000.0)),
                c.anomalies().isEmpty() ? "Anomalies: none" : "Anomalies (" + c.anomalies().size() + ")",
                anomalies, more > 0 ? "and " + more + " more, on wider or narrower segments" : "",
                hypotheses,
                d == null ? "No decision this cycle" : d.action().describe(),
                d == null ? "" : "score " + score(d.selected().score()) + " · confidence " + percent(d.confidence()),
                d != null && d.requiresApproval(),
                d == null ? "" : d.requiresApproval() ? "requires approval" : "no approval needed",
                d == null ? List.of() : d.approvalReasons(),
                alternatives,
                v == null ? null : v.kind(),
                verdictText(v == null ? null : v.kind()),
                v == null ? List.of() : v.reasons(),
                c.actionTaken() == null ? "nothing" : c.actionTaken(),
                c.explanation(),
                call(c.call()));
    }

    /** The cycle's LLM call in words; {@link CallLine#NONE} when the heuristics alone were configured. */
    static CallLine call(ReasonerCall call) {
        if (call == null) {
            return CallLine.NONE;
        }
        String outcome = call.outcome() == null ? "" : call.outcome();
        StringBuilder text = new StringBuilder();
        text.append(call.provider()).append(" · ").append(call.model());
        boolean asked = ReasonerCall.USED.equals(outcome) || ReasonerCall.FALLBACK.equals(outcome);
        if (asked || call.latencyMillis() > 0) {
            text.append(String.format(Locale.ROOT, " · %,d ms", call.latencyMillis()));
        }
        if (call.promptTokens() > 0 || call.outputTokens() > 0) {
            text.append(String.format(Locale.ROOT, " · %,d in / %,d out tokens", call.promptTokens(),
                    call.outputTokens()));
        }
        text.append(" · ").append(outcome.isEmpty() ? "—" : outcome);
        String why = call.reason() == null || call.reason().isBlank() ? null : call.reason().trim();
        String reason = switch (outcome) {
            case ReasonerCall.USED -> "";
            case ReasonerCall.FALLBACK -> "heuristics answered: " + (why == null ? "the call failed" : why);
            case ReasonerCall.PENDING -> "heuristics answered this cycle; the model's answer serves a later one"
                    + (why == null ? "" : " (" + why + ")");
            case ReasonerCall.SKIPPED -> "model not asked: " + (why == null ? "nothing to interpret" : why);
            default -> why == null ? "" : why;
        };
        return new CallLine(true, text.toString(), outcome, reason);
    }

    /** Its title, and its numbers in the words the explanation quotes them in ({@link AnomalyText}). */
    static AnomalyLine anomaly(Anomaly a, int windowSeconds) {
        String title = a.kind().key().replace('_', ' ') + " · " + target(a.target())
                + (a.dominantStatus() == null ? "" : " · mostly " + a.dominantStatus());
        return new AnomalyLine(title, AnomalyText.numbers(a, windowSeconds));
    }

    /** "t=312 s", or "t=312.5 s" when the tick is not a whole second. */
    static String time(long millis) {
        return millis % 1000 == 0
                ? "t=" + millis / 1000 + " s"
                : String.format(Locale.ROOT, "t=%.1f s", millis / 1000.0);
    }

    static String verdictText(GuardVerdict.Kind kind) {
        if (kind == null) {
            return "—";
        }
        return switch (kind) {
            case ALLOW -> "allow";
            case NEEDS_APPROVAL -> "needs approval";
            case BLOCK -> "block";
        };
    }

    private static String target(Target t) {
        return t.toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%.3f", score);
    }
}
