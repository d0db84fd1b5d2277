package io.payops.agent.decide;

import io.payops.agent.AgentConfig;
import io.payops.agent.learn.LessonStore;
import io.payops.domain.ActionType;
import io.payops.domain.Candidate;
import io.payops.domain.Decision;
import io.payops.domain.Hypothesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The decide step: weighs the candidates of the top hypotheses, selects the best-scoring feasible one, says why each
 * other was rejected, and gives the decision a confidence (the hypothesis's, adjusted by past lessons) and the
 * reasons a human should approve it.
 */
public final class DecisionMaker {
    private final AgentConfig.Decision limits;
    private final AgentConfig.Guard guard;
    private final CandidateGenerator generator;
    private final LessonStore lessons;

    public DecisionMaker(AgentConfig config, LessonStore lessons) {
        this.limits = config.decision();
        this.guard = config.guard();
        this.generator = new CandidateGenerator(config);
        this.lessons = lessons;
    }

    /**
     * @param infeasible says why a candidate cannot be taken now (circuit already open, already alerted, a request
     *                   already waiting), or null when it can
     */
    public Decision decide(List<Hypothesis> hypotheses, SituationView view, Function<Candidate, String> infeasible) {
        // distinct troubles only: a wider or narrower view of one already taken is the same trouble, not another;
        // a different kind of trouble on traffic that overlaps (a path fault under a broad one) is another
        List<Hypothesis> top = new ArrayList<>();
        for (Hypothesis h : hypotheses) {
            boolean echo = top.stream().anyMatch(t -> t.diagnosis() == h.diagnosis() && t.target().overlaps(h.target()));
            if (top.size() < limits.topHypotheses() && (top.isEmpty() || (h.diagnosis().isIncident() && !echo))) {
                top.add(h);
            }
        }
        List<Candidate> all = new ArrayList<>();
        List<Hypothesis> owner = new ArrayList<>();
        for (Hypothesis h : top) {
            for (Candidate c : generator.candidates(h, view)) {
                all.add(c);
                owner.add(h);
            }
        }
        int best = -1;
        List<String> why = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            // a candidate the generator already ruled out (it only shows why routing cannot help) keeps its reason
            String reason = all.get(i).rejectedBecause() != null ? all.get(i).rejectedBecause()
                    : all.get(i).action().type().changesRouting() && owner.get(i).confidence() < limits.proposalFloor()
                    ? String.format(Locale.ROOT, "evidence too weak to propose a routing change (confidence %.2f < %.2f)",
                    owner.get(i).confidence(), limits.proposalFloor())
                    : infeasible.apply(all.get(i));
            why.add(reason);
            if (reason == null && (best < 0 || all.get(i).score() > all.get(best).score())) {
                best = i;
            }
        }
        Candidate selected = all.get(best);
        Hypothesis basis = owner.get(best);
        List<Candidate> rejected = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i == best) {
                continue;
            }
            Candidate c = all.get(i);
            String reason = why.get(i) != null ? why.get(i) : lostOnScore(c.score(), selected);
            rejected.add(c.rejected(reason));
        }
        rejected.sort(Comparator.comparingDouble(Candidate::score).reversed());
        double confidence = clamp(basis.confidence() + lessons.adjustment(basis.diagnosis(), selected.action().type(),
                limits.maxLessonAdjustment()));
        List<String> reasons = approvalReasons(selected, basis, confidence, top);
        return new Decision(selected, rejected, round(confidence), !reasons.isEmpty(), reasons);
    }

    public List<String> approvalReasons(Candidate c, Hypothesis basis, double confidence, List<Hypothesis> top) {
        List<String> reasons = new ArrayList<>();
        if (!c.action().type().changesRouting()) {
            return reasons;
        }
        if (c.trafficShare() > limits.highImpactShare()) {
            reasons.add(String.format(Locale.ROOT, "high impact: moves %.0f%% of all traffic", c.trafficShare() * 100));
        }
        if (confidence < guard.minConfidenceToAct()) {
            reasons.add(String.format(Locale.ROOT, "low confidence: %.2f is below %.2f", confidence, guard.minConfidenceToAct()));
        }
        if (!lessons.hasLesson(basis.diagnosis(), c.action().type()) && confidence < 0.9) {
            reasons.add("no past lesson for " + c.action().type().key() + " on " + basis.diagnosis().key()
                    + ", and the evidence is not overwhelming");
        }
        if (top.size() > 1 && top.get(1).diagnosis().isIncident()
                && !top.get(1).target().overlaps(top.get(0).target())
                && top.get(0).confidence() - top.get(1).confidence() < limits.tooClose()
                && top.get(0).diagnosis() != top.get(1).diagnosis()) {
            reasons.add(String.format(Locale.ROOT, "two hypotheses too close to call: %s on %s (%.2f) and %s on %s (%.2f)",
                    top.get(0).diagnosis().key(), top.get(0).target(), top.get(0).confidence(),
                    top.get(1).diagnosis().key(), top.get(1).target(), top.get(1).confidence()));
        }
        if (c.trafficShare() > guard.volumeCapShare()) {
            reasons.add(String.format(Locale.ROOT, "high volume: %.0f%% of traffic is above the %.0f%% cap",
                    c.trafficShare() * 100, guard.volumeCapShare() * 100));
        }
        if (c.action().type() == ActionType.ADJUST_RETRY_POLICY) {
            reasons.add("changes the retry policy for all traffic");
        }
        return reasons;
    }

    /**
     * Why a feasible candidate lost to the selected one, which scored at least as much: on a tie the first candidate
     * considered (the higher-ranked hypothesis's, in the generator's order) is kept, which says nothing of "below";
     * a gap too small for three decimals is shown with as many as it takes.
     */
    static String lostOnScore(double score, Candidate selected) {
        double best = selected.score();
        String what = selected.action().describe();
        if (best - score < 1e-9) {
            return String.format(Locale.ROOT, "scored the same as %s (%.3f), which was considered first", what, best);
        }
        int decimals = 3;
        while (decimals < 10 && Math.round(score * Math.pow(10, decimals)) == Math.round(best * Math.pow(10, decimals))) {
            decimals++;
        }
        String format = "%." + decimals + "f";
        return String.format(Locale.ROOT, "scored " + format + ", below " + format + " for %s", score, best, what);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(0.99, v));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
