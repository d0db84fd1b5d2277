package io.payops.agent.reason;

import io.payops.agent.detect.AnomalyText;
import io.payops.domain.Anomaly;
import io.payops.domain.AnomalyKind;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.Hypothesis;
import io.payops.domain.LatencyLadder;
import io.payops.domain.SegmentStats;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The deterministic reasoner. Each failure status that the detector saw rise is localized with a scan statistic
 * ({@link Localizer}); the status names the diagnosis (ISSUER_DOWN → issuer degradation, GATEWAY_ERROR → outage,
 * NETWORK_ERROR → network errors, declines → user declines, BANK_TIMEOUT → latency spike when latency rose with it,
 * else retry storm) and the segment names the target, so one gateway's path to an issuer, the issuer everywhere,
 * a whole gateway and everything at once come out apart. Confidence grows with the strength of the evidence and
 * with the margin over explanations that share no traffic with it.
 */
public final class HeuristicReasoner implements Reasoner {
    public static final String NAME = "heuristic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hypothesis> hypothesize(ReasoningInput in) {
        SegmentStats total = in.snapshot().total();
        long minAttempts = in.limits().minWindowAttempts();
        if (in.references().learning()) {
            return List.of(new Hypothesis(Diagnosis.INSUFFICIENT_DATA, Target.ALL, 0.9, List.of(String.format(Locale.ROOT,
                    "Learning what is normal: the first minutes of traffic (%d attempts in the last %d s) teach each "
                            + "segment its reference, and nothing is tested until then.", total.attempts(),
                    in.snapshot().windowSeconds())), NAME));
        }
        if (total.attempts() < minAttempts || !in.references().established(Target.ALL)) {
            String why = total.attempts() < minAttempts
                    ? String.format(Locale.ROOT, "Only %d attempts in the last %d s: too few to judge.",
                    total.attempts(), in.snapshot().windowSeconds())
                    : String.format(Locale.ROOT, "%d attempts in the last %d s, but no settled baseline to compare "
                    + "them with yet: what is normal here is not known.", total.attempts(), in.snapshot().windowSeconds());
            return List.of(new Hypothesis(Diagnosis.INSUFFICIENT_DATA, Target.ALL, 0.9, List.of(why), NAME));
        }
        if (in.anomalies().isEmpty()) {
            double ref = 1 - in.references().technicalRate(Target.ALL) - in.references().declineRate(Target.ALL);
            return List.of(new Hypothesis(Diagnosis.NORMAL_VARIANCE, Target.ALL, 0.9, List.of(String.format(Locale.ROOT,
                    "Success is %.1f%% over %d attempts in the last %d s against about %.1f%% normally; no segment's "
                            + "sequential test crossed its threshold.", total.successRate() * 100, total.attempts(),
                    in.snapshot().windowSeconds(), ref * 100)), NAME));
        }
        List<Hypothesis> out = new ArrayList<>();
        List<Localizer.Found> slowTargets = latencyHypotheses(in, out);
        Anomaly latency = slowTargets.isEmpty() && !slowCountsWatched(in) ? strongestLatency(in) : null;
        boolean latencyUsed = false;
        for (Set<Status> family : FAMILIES) {
            Localizer.Measure measure = Localizer.Measure.statuses(family, in.references());
            AnomalyKind kind = family.contains(Status.USER_DECLINED) ? AnomalyKind.CUSTOMER_DECLINES
                    : AnomalyKind.TECHNICAL_FAILURES;
            Localized localized = localize(in, kind, measure);
            List<Localizer.Found> found = localized.found();
            List<Localizer.Scored> scored = localized.scored();
            for (Localizer.Found f : found) {
                Localizer.Scored best = f.scored();
                if (!in.references().troubled(best.target()) || over(in, measure, best)) {
                    // the evidence reaches back to the trouble's onset; the target's own test or its latest seconds
                    // say it is over
                    continue;
                }
                Target target = best.target();
                if (family.contains(Status.BANK_TIMEOUT) && slowTargets.stream().anyMatch(l -> target.overlaps(l.target()))) {
                    // the timeouts of a latency spike already named: they pile up wherever its traffic was already
                    // slowest (one gateway, say), which is no retry storm there
                    continue;
                }
                Diagnosis d = diagnose(family, target, latency);
                List<String> evidence = new ArrayList<>();
                evidence.add(String.format(Locale.ROOT, "%s is %.1f%% of attempts on %s in the last %d s against "
                        + "%.1f%% expected (%d attempts, log-likelihood ratio %.1f).", names(family),
                        best.observed() * 100, target, localized.seconds(target), best.expected() * 100,
                        best.attempts(), best.llr()));
                if (d == Diagnosis.LATENCY_SPIKE && latency != null) {
                    latencyUsed = true;
                    evidence.add(latencySentence(latency, in));
                }
                evidence.addAll(contrast(scored, best, localized.scoredSeconds()));
                double competitor = competitor(scored, found, target);
                double confidence = confidence(best.llr(), competitor, in.significance());
                out.add(new Hypothesis(d, target, confidence, evidence, NAME));
                addAlternative(out, scored, best, d, confidence, family, latency, localized.scoredSeconds());
            }
        }
        if (latency != null && !latencyUsed) {
            out.add(new Hypothesis(Diagnosis.LATENCY_SPIKE, latency.target(),
                    confidence(Math.log(latency.score()) * 20, 0, in.significance()),
                    List.of(latencySentence(latency, in)), NAME));
        }
        if (out.isEmpty()) {
            Anomaly a = in.anomalies().get(0);
            Diagnosis d = a.kind() == AnomalyKind.RETRY_AMPLIFICATION ? Diagnosis.RETRY_STORM : Diagnosis.BROAD_DEGRADATION;
            // below the confidence a detection needs: something moved, but nothing is localized enough to name
            out.add(new Hypothesis(d, a.target(), in.limits().unexplainedConfidence(), List.of(
                    AnomalyText.what(a) + ": " + AnomalyText.measure(a, in.snapshot().windowSeconds())
                            + ", but no single failure status explains it yet."), NAME));
        }
        out.sort(Comparator.comparingDouble(Hypothesis::confidence).reversed()
                .thenComparing(h -> h.target().toString()));
        return out;
    }

    /**
     * Latency spikes, localized like failures: on the rung of the latency ladder that the most alarmed segment's
     * slow test watches, the share of attempts slower than it, segment by segment, against each one's normal share.
     * Adds a hypothesis per target found and returns the targets (empty when no slow test is in alarm).
     */
    private static List<Localizer.Found> latencyHypotheses(ReasoningInput in, List<Hypothesis> out) {
        Anomaly strongest = null;
        for (Anomaly a : in.anomalies()) {
            if (a.kind() == AnomalyKind.SLOW_ATTEMPTS && (strongest == null || a.score() > strongest.score())) {
                strongest = a;
            }
        }
        int rung = strongest == null ? -1 : in.references().slowRung(strongest.target());
        if (rung < 0) {
            return List.of();
        }
        Localizer.Measure measure = Localizer.Measure.slowerThan(rung, in.references());
        List<Localizer.Found> found = new ArrayList<>();
        Localized localized = localize(in, AnomalyKind.SLOW_ATTEMPTS, measure);
        List<Localizer.Scored> scored = localized.scored();
        for (Localizer.Found f : localized.found()) {
            Localizer.Scored best = f.scored();
            if (!in.references().troubled(best.target()) || over(in, measure, best)) {
                continue;
            }
            found.add(f);
            List<String> evidence = new ArrayList<>();
            evidence.add(String.format(Locale.ROOT, "%.1f%% of attempts on %s took longer than %d ms in the last %d s, "
                    + "against %.1f%% normally (%d attempts, log-likelihood ratio %.1f).", best.observed() * 100,
                    best.target(), LatencyLadder.rungMs(rung), localized.seconds(best.target()), best.expected() * 100,
                    best.attempts(), best.llr()));
            SegmentStats window = in.snapshot().segment(best.target());
            double p95 = in.references().p95(best.target());
            if (window != null && p95 > 0 && window.attempts() > 0) {
                evidence.add(String.format(Locale.ROOT, "p95 latency on %s is %.0f ms in the last %d s against %.0f ms "
                        + "normally.", best.target(), window.p95(), in.snapshot().windowSeconds(), p95));
            }
            double confidence = confidence(best.llr(), competitor(scored, List.of(f), best.target()), in.significance());
            out.add(new Hypothesis(Diagnosis.LATENCY_SPIKE, best.target(), confidence, evidence, NAME));
        }
        return found;
    }

    /**
     * Whether the latest seconds say a target's trouble is over: their counts favour "back to what is expected" over
     * "still at the rate the evidence shows" by {@code overLogOdds} (20 to 1). A low-volume target's few latest attempts
     * rarely say so; its own sequential test does, later.
     */
    private static boolean over(ReasoningInput in, Localizer.Measure measure, Localizer.Scored found) {
        io.payops.domain.Snapshot recent = in.evidence().recent();
        SegmentStats s = recent == null ? null : recent.segment(found.target());
        long k = s == null ? -1 : measure.count(s);
        if (k < 0 || s.attempts() == 0) {
            return false;
        }
        double q0 = Math.min(0.999, Math.max(0.001, found.expected()));
        double q1 = Math.min(0.999, Math.max(q0 + 1e-3, found.observed()));
        long n = s.attempts();
        double llr = k * Math.log(q0 / q1) + (n - k) * Math.log((1 - q0) / (1 - q1));
        return llr >= in.limits().overLogOdds();
    }

    /**
     * What localization found over the evidence windows, with the scan of the window that found the most; for the
     * evidence's words, the seconds each target was found over and the seconds of that scan.
     */
    private record Localized(List<Localizer.Found> found, List<Localizer.Scored> scored,
                             java.util.Map<Target, Integer> foundSeconds, int scoredSeconds) {
        int seconds(Target target) {
            return foundSeconds.getOrDefault(target, scoredSeconds);
        }
    }

    /**
     * Localizes over each evidence window of a kind of trouble and keeps every target found, once (with its strongest
     * score): a fault that just began is found on the newest window, an older one on the longest.
     */
    private static Localized localize(ReasoningInput in, AnomalyKind kind, Localizer.Measure measure) {
        java.util.Map<Target, Localizer.Found> byTarget = new java.util.LinkedHashMap<>();
        java.util.Map<Target, Integer> seconds = new java.util.HashMap<>();
        List<Localizer.Scored> scored = List.of();
        int scoredSeconds = in.snapshot().windowSeconds();
        int most = -1;
        for (io.payops.domain.Snapshot window : in.evidence().windows(kind)) {
            List<Localizer.Found> found = Localizer.localize(window, measure, in.significance(), in.limits());
            for (Localizer.Found f : found) {
                Localizer.Found had = byTarget.get(f.target());
                // the stronger of the two windows' findings, the earlier one on a tie
                if (had == null || had.scored().llr() < f.scored().llr()) {
                    byTarget.put(f.target(), f);
                    seconds.put(f.target(), window.windowSeconds());
                }
            }
            if (found.size() > most) {
                most = found.size();
                scored = Localizer.scan(window, measure, in.limits());
                scoredSeconds = window.windowSeconds();
            }
        }
        List<Localizer.Found> all = new ArrayList<>(byTarget.values());
        all.sort(Comparator.comparingDouble((Localizer.Found f) -> f.scored().llr()).reversed()
                .thenComparing(f -> f.target().toString()));
        return new Localized(all, scored, seconds, scoredSeconds);
    }

    /** Whether any segment's slow test is watching (then latency is localized by the ladder, not by p95 alone). */
    private static boolean slowCountsWatched(ReasoningInput in) {
        return in.references().slowRung(Target.ALL) >= 0;
    }

    /**
     * The strongest segment that shares no traffic with {@code target} and is not itself one of the targets found:
     * a genuinely different explanation, not the same trouble seen through another lens nor a second fault.
     */
    private static double competitor(List<Localizer.Scored> scored, List<Localizer.Found> found, Target target) {
        for (Localizer.Scored s : scored) {
            if (!s.target().overlaps(target) && found.stream().noneMatch(f -> f.target().overlaps(s.target()))) {
                return s.llr();
            }
        }
        return 0;
    }

    /**
     * Every kind of failure the reasoner localizes: each technical status alone (each names one kind of trouble) and
     * customer declines together. All are scanned whenever something is in alarm, so a second fault of another kind
     * on traffic the first already raised is not hidden behind the first one's dominant status.
     */
    private static final List<Set<Status>> FAMILIES = List.of(
            EnumSet.of(Status.ISSUER_DOWN), EnumSet.of(Status.GATEWAY_ERROR), EnumSet.of(Status.NETWORK_ERROR),
            EnumSet.of(Status.BANK_TIMEOUT), EnumSet.of(Status.USER_DECLINED, Status.INSUFFICIENT_FUNDS));

    private static Diagnosis diagnose(Set<Status> family, Target target, Anomaly latency) {
        if (family.contains(Status.USER_DECLINED)) {
            return Diagnosis.USER_DECLINES;
        }
        Status s = family.iterator().next();
        return switch (s) {
            case ISSUER_DOWN -> Diagnosis.ISSUER_DEGRADATION;
            case GATEWAY_ERROR -> Diagnosis.GATEWAY_OUTAGE;
            case NETWORK_ERROR -> Diagnosis.NETWORK_ERRORS;
            case BANK_TIMEOUT -> latency != null && latency.target().overlaps(target)
                    ? Diagnosis.LATENCY_SPIKE : Diagnosis.RETRY_STORM;
            default -> Diagnosis.BROAD_DEGRADATION;
        };
    }

    /**
     * Confidence from the strength of the evidence (the scan's log-likelihood ratio against the significance level)
     * and its margin over the best explanation that shares no traffic with it. Never above 0.99.
     */
    static double confidence(double llr, double competitor, double significance) {
        // evidence only counts beyond what noise alone reaches (the significance level)
        double strength = 1 - Math.exp(-Math.max(0, llr - significance) / significance);
        double margin = llr <= 0 ? 0 : Math.max(0, 1 - competitor / llr);
        return Math.min(Hypothesis.MAX_CONFIDENCE, round(0.5 + 0.49 * strength * (0.6 + 0.4 * margin)));
    }

    /** Sentences that show the target is where the trouble is: the traffic around it is normal. */
    private static List<String> contrast(List<Localizer.Scored> scored, Localizer.Scored best, int seconds) {
        List<String> out = new ArrayList<>();
        for (Dimension d : best.target().values().keySet()) {
            Target wider = best.target().without(d);
            for (Localizer.Scored s : scored) {
                if (s.target().equals(wider)) {
                    out.add(String.format(Locale.ROOT, "On %s as a whole it is %.1f%% in the last %d s (normally "
                            + "%.1f%%): the rise is concentrated on %s.", wider, s.observed() * 100, seconds,
                            s.expected() * 100, best.target()));
                }
            }
        }
        if (best.target().size() == 1 && !best.target().has(Dimension.GATEWAY)) {
            long raisedGateways = scored.stream().filter(s -> s.target().size() == 2 && s.target().within(best.target())
                    && s.target().has(Dimension.GATEWAY) && s.excess() > 0.5 * best.excess()).count();
            if (raisedGateways > 1) {
                out.add(String.format(Locale.ROOT, "It is raised on %d gateways alike, so it is not one gateway's "
                        + "connection: rerouting cannot avoid it.", raisedGateways));
            }
        }
        return out;
    }

    private static void addAlternative(List<Hypothesis> out, List<Localizer.Scored> scored, Localizer.Scored best,
                                       Diagnosis d, double confidence, Set<Status> family, Anomaly latency,
                                       int seconds) {
        for (Localizer.Scored s : scored) {
            if (s.target().overlaps(best.target()) && !s.target().equals(best.target()) && s.llr() > 0) {
                // a wider or narrower view of the same trouble: ranked below the best by how much weaker it is
                double c = round(Math.max(0.05, Math.min(confidence - 0.01, confidence * s.llr() / best.llr() * 0.9)));
                out.add(new Hypothesis(diagnose(family, s.target(), latency), s.target(), c,
                        List.of(String.format(Locale.ROOT, "Alternative: %s on %s, %.1f%% in the last %d s against "
                                + "%.1f%% normally (log-likelihood ratio %.1f, weaker than on %s).", names(family),
                                s.target(), s.observed() * 100, seconds, s.expected() * 100, s.llr(), best.target())),
                        NAME));
                return;
            }
        }
    }

    private static Anomaly strongestLatency(ReasoningInput in) {
        Anomaly max = null;
        for (Anomaly a : in.anomalies()) {
            if (a.kind() == AnomalyKind.LATENCY && (max == null || a.score() > max.score())) {
                max = a;
            }
        }
        if (max == null) {
            return null;
        }
        // the broadest latency anomaly that still shows most of the strongest one's rise, and contains it
        Anomaly best = max;
        for (Anomaly a : in.anomalies()) {
            if (a.kind() == AnomalyKind.LATENCY && max.target().within(a.target()) && a.score() >= 0.6 * max.score()
                    && a.target().size() < best.target().size()) {
                best = a;
            }
        }
        return best;
    }

    /** The detector's latency anomaly, in the words of its row in the reasoning pane. */
    private static String latencySentence(Anomaly a, ReasoningInput in) {
        return String.format(Locale.ROOT, "p95 latency on %s: %s (%.1f×).", a.target(),
                AnomalyText.measure(a, in.snapshot().windowSeconds()), a.score());
    }

    /**
     * The statuses localized, as the evidence names them: one status "alone", so it is not taken for the detector's
     * technical failures (all technical statuses together), whose share is larger.
     */
    private static String names(Set<Status> family) {
        return family.size() == 1 ? family.iterator().next().name() + " alone" : "Customer declines";
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
