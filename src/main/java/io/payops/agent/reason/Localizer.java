package io.payops.agent.reason;

import io.payops.agent.AgentConfig;
import io.payops.agent.detect.References;
import io.payops.domain.Dimension;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where a rise in some statuses sits: the narrowest targets that explain it, one or several.
 *
 * <p><b>Scan.</b> Every segment is scored by the log-likelihood ratio of "this segment's rate is raised" against what
 * is expected there, n · KL(observed ‖ expected). A fault on one gateway's path to an issuer scores highest on that
 * path (its neighbours are diluted by healthy traffic); a fault on an issuer everywhere scores highest on the issuer
 * (more raised data than any one path); a fault on everything, on all traffic.
 *
 * <p><b>Descent.</b> The best segment is only a target if the rise is even across it. Along each dimension it can
 * be split by (a gateway by its issuers, methods or networks; an issuer, method or network by gateway; all traffic
 * by any dimension), a heterogeneity test compares "every part raised alike" with "each part its own rate"
 * (a log-likelihood ratio against a threshold that grows with the number of parts). When the rise is uneven, the
 * parts that stand out are peeled off one by one until the rest is even; the rest is part of the target only if it
 * is itself raised beyond chance, and each part that stood out is localized the same way. So two gateways failing
 * come out as two gateways, not as all traffic; a broad fault with a path fault on top comes out as both; a
 * low-volume gateway outage stays the gateway rather than the one issuer path whose few attempts happened to fail.
 *
 * <p><b>Residuals.</b> Once targets are found, what they explain is taken out (each segment's expected rate grows by
 * the found targets' excess, in proportion to the traffic it shares with them) and the scan runs again, so a second
 * fault of the same kind elsewhere, or a path fault under a broad one, is found too.
 */
final class Localizer {
    private static final Dimension[] DIMENSIONS = Dimension.values();

    /** A segment with its score and numbers: observed rate, expected rate (reference plus what found targets explain). */
    record Scored(Target target, double llr, double observed, double expected, long attempts) {
        double excess() {
            return observed - expected;
        }
    }

    /** A target found, with the rise in rate it accounts for (over its reference) and its score when found. */
    record Found(Target target, double excess, Scored scored) {
    }

    /**
     * What is localized: a count per segment (attempts with some statuses, or slower than a rung of the latency
     * ladder) and its normal rate per segment.
     */
    interface Measure {
        /** The count in a segment, or -1 when the segment's stats cannot say (latency counts of unknown origin). */
        long count(SegmentStats s);

        /** The normal rate, NaN when unknown. */
        double reference(Target t);

        /** Attempts with any of the given statuses, against their reference rates. */
        static Measure statuses(Set<Status> statuses, References refs) {
            return new Measure() {
                @Override
                public long count(SegmentStats s) {
                    long k = 0;
                    for (Status st : statuses) {
                        k += s.count(st);
                    }
                    return k;
                }

                @Override
                public double reference(Target t) {
                    double q = 0;
                    for (Status st : statuses) {
                        double r = refs.statusRate(t, st);
                        q += Double.isNaN(r) ? 0 : r;
                    }
                    return q;
                }
            };
        }

        /** Attempts slower than one rung of the latency ladder, against each segment's normal share at that rung. */
        static Measure slowerThan(int rung, References refs) {
            return new Measure() {
                @Override
                public long count(SegmentStats s) {
                    return s.slowCountsKnown() ? s.slowerThan(rung) : -1;
                }

                @Override
                public double reference(Target t) {
                    return refs.slowRate(t, rung);
                }
            };
        }
    }

    private final Map<Target, SegmentStats> segments = new HashMap<>();
    private final Measure measure;
    private final double threshold;
    /** How much the heterogeneity threshold grows per part beyond two. */
    private final double heterogeneityPerPart;
    /** Rates are kept inside (rateFloor, 1 − rateFloor). */
    private final double rateFloor;
    private final List<Found> found = new ArrayList<>();

    private Localizer(Snapshot snapshot, Measure measure, double threshold, AgentConfig.Localization limits) {
        this.measure = measure;
        this.threshold = threshold;
        this.heterogeneityPerPart = limits.heterogeneityPerPart();
        this.rateFloor = limits.rateFloor();
        segments.put(Target.ALL, snapshot.total());
        for (SegmentStats s : snapshot.segments()) {
            segments.put(s.target(), s);
        }
    }

    /** Every segment (and all traffic) scored for a rise in the given statuses against its reference, best first. */
    static List<Scored> scan(Snapshot snapshot, Measure measure, AgentConfig.Localization limits) {
        return new Localizer(snapshot, measure, Double.POSITIVE_INFINITY, limits).scanResidual();
    }

    /**
     * The targets that explain a rise in the given statuses, strongest first; empty when no segment's rise reaches
     * {@code threshold} (the log-likelihood ratio a rise must reach to be told from chance); at most
     * {@code maxTargets} of them.
     */
    static List<Found> localize(Snapshot snapshot, Measure measure, double threshold, AgentConfig.Localization limits) {
        Localizer l = new Localizer(snapshot, measure, threshold, limits);
        int maxTargets = limits.maxTargets();
        for (int round = 0; round < maxTargets && l.found.size() < maxTargets; round++) {
            List<Scored> scored = l.scanResidual();
            if (scored.isEmpty() || scored.get(0).llr() < threshold) {
                break;
            }
            int before = l.found.size();
            l.refine(scored.get(0).target(), 0);
            if (l.found.size() == before) {
                break;
            }
        }
        List<Found> out = new ArrayList<>(l.found);
        out.sort(Comparator.comparingDouble((Found f) -> f.scored().llr()).reversed()
                .thenComparing(f -> f.target().toString()));
        return out;
    }

    private List<Scored> scanResidual() {
        List<Scored> out = new ArrayList<>();
        for (SegmentStats s : segments.values()) {
            Scored sc = score(s.target());
            if (sc != null && found.stream().noneMatch(f -> f.target().equals(s.target()))) {
                out.add(sc);
            }
        }
        out.sort(Comparator.comparingDouble(Scored::llr).reversed().thenComparing(sc -> sc.target().toString()));
        return out;
    }

    /** A segment's residual score, or null when it saw too little to say anything. */
    private Scored score(Target t) {
        SegmentStats s = segments.get(t);
        // a segment without a settled reference of its own is still scored (against all traffic's, see the
        // detector): a low-volume path must not lose to its busier neighbours just for being young
        long k = s == null ? -1 : measure.count(s);
        if (s == null || s.attempts() < 5 || k < 0) {
            return null;
        }
        double q = expected(t);
        double r = (double) k / s.attempts();
        double llr = r > q ? s.attempts() * kl(r, q) : 0;
        return new Scored(t, llr, r, q, s.attempts());
    }

    /** What the segment's rate should be: its reference, plus the excess of every target found, for the traffic it shares with each. */
    private double expected(Target t) {
        double q = reference(t);
        for (Found f : found) {
            q += f.excess() * sharedShare(t, f.target());
        }
        return clamp(q);
    }

    private double reference(Target t) {
        double q = measure.reference(t);
        return clamp(Double.isNaN(q) ? 0 : q);
    }

    /**
     * The share of {@code s}'s attempts that also fall in {@code t}: exact when one contains the other, and for
     * crossing targets (an issuer and a gateway's methods) estimated as if the dimensions were independent given
     * what the two have in common.
     */
    private double sharedShare(Target s, Target t) {
        if (s.within(t)) {
            return 1;
        }
        if (!s.overlaps(t)) {
            return 0;
        }
        double ns = attempts(s);
        if (ns <= 0) {
            return 0;
        }
        if (t.within(s)) {
            return attempts(t) / ns;
        }
        Target common = Target.ALL;
        for (Map.Entry<Dimension, String> e : s.values().entrySet()) {
            if (e.getValue().equals(t.get(e.getKey()))) {
                common = common.with(e.getKey(), e.getValue());
            }
        }
        double nc = attempts(common);
        return nc <= 0 ? 0 : Math.min(1, attempts(t) / nc);
    }

    private double attempts(Target t) {
        SegmentStats s = segments.get(t);
        return s == null ? 0 : s.attempts();
    }

    /**
     * Localizes a raised segment: it is a target when its rise is even across its parts; otherwise the parts that
     * stand out are localized in turn, and the even rest counts only when it is raised beyond chance.
     */
    private void refine(Target t, int depth) {
        Split split = depth > 2 ? null : unevenSplit(t);
        if (split == null) {
            add(t);
            return;
        }
        // peel the parts that stand out until the rest is even
        List<Scored> rest = new ArrayList<>(split.parts());
        rest.sort(Comparator.comparingDouble(Scored::excess));
        List<Scored> high = new ArrayList<>();
        while (rest.size() >= 2 && heterogeneity(rest) >= heterogeneityThreshold(rest.size())) {
            high.add(rest.remove(rest.size() - 1));
        }
        long n = 0;
        long k = 0;
        double expectedFailures = 0;
        for (Scored p : rest) {
            n += p.attempts();
            k += Math.round(p.observed() * p.attempts());
            expectedFailures += p.expected() * p.attempts();
        }
        double q = n == 0 ? 0 : clamp(expectedFailures / n);
        double r = n == 0 ? 0 : (double) k / n;
        if (n > 0 && r > q && n * kl(r, q) >= threshold) {
            add(t, r - q);
        }
        for (Scored p : high) {
            Scored now = score(p.target());
            if (now != null && now.llr() >= threshold / 2) {
                refine(p.target(), depth + 1);
            }
        }
    }

    private void add(Target t) {
        Scored s = score(t);
        if (s != null && s.excess() > 0 && found.stream().noneMatch(f -> f.target().equals(t))) {
            found.add(new Found(t, s.excess(), s));
        }
    }

    private void add(Target t, double excess) {
        Scored s = score(t);
        if (s != null && found.stream().noneMatch(f -> f.target().equals(t))) {
            found.add(new Found(t, excess, s));
        }
    }

    /** One way to split a segment into its parts along a dimension, when the rise is uneven across them. */
    private record Split(Dimension dimension, List<Scored> parts, double heterogeneity) {
    }

    /** The split along which the rise is most uneven, if that unevenness is beyond chance; null when it is even. */
    private Split unevenSplit(Target t) {
        Split best = null;
        for (Dimension d : DIMENSIONS) {
            if (t.has(d) || !splittable(t, d)) {
                continue;
            }
            List<Scored> parts = new ArrayList<>();
            for (SegmentStats s : segments.values()) {
                Target p = s.target();
                if (p.size() == t.size() + 1 && p.has(d) && p.within(t)) {
                    Scored sc = score(p);
                    if (sc != null) {
                        parts.add(sc);
                    }
                }
            }
            if (parts.size() < 2) {
                continue;
            }
            parts.sort(Comparator.comparing(sc -> sc.target().toString()));
            double h = heterogeneity(parts);
            if (h >= heterogeneityThreshold(parts.size()) && (best == null || h > best.heterogeneity())) {
                best = new Split(d, parts, h);
            }
        }
        return best;
    }

    /** Whether the observer keeps the parts of {@code t} along {@code d} as segments. */
    private static boolean splittable(Target t, Dimension d) {
        if (t.isAll()) {
            return true;
        }
        if (t.size() != 1) {
            return false;
        }
        // the observer keeps gateway × issuer, gateway × method and gateway × network paths
        Dimension own = t.values().keySet().iterator().next();
        return own == Dimension.GATEWAY ? d == Dimension.ISSUER || d == Dimension.METHOD || d == Dimension.NETWORK
                : d == Dimension.GATEWAY && own != Dimension.MERCHANT;
    }

    /**
     * How much better "each part has its own rate" explains the parts than "every part is raised by the same amount
     * over what is expected of it": Σ n · KL(observed ‖ expected + common rise), with the common rise fitted by
     * maximum likelihood.
     */
    private double heterogeneity(List<Scored> parts) {
        double e = commonRise(parts);
        double h = 0;
        for (Scored p : parts) {
            h += p.attempts() * kl(p.observed(), clamp(p.expected() + e));
        }
        return h;
    }

    /** The common rise that makes "every part raised alike" most likely (concave in the rise: bisection on the score). */
    private double commonRise(List<Scored> parts) {
        double lo = 0;
        double hi = 1;
        for (Scored p : parts) {
            hi = Math.min(hi, 1 - rateFloor - p.expected());
        }
        if (hi <= 0 || derivative(parts, 0) <= 0) {
            return 0;
        }
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (derivative(parts, mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private double derivative(List<Scored> parts, double e) {
        double d = 0;
        for (Scored p : parts) {
            double x = clamp(p.expected() + e);
            double k = p.observed() * p.attempts();
            d += k / x - (p.attempts() - k) / (1 - x);
        }
        return d;
    }

    private double heterogeneityThreshold(int parts) {
        return threshold + heterogeneityPerPart * Math.max(0, parts - 2);
    }

    private double clamp(double q) {
        return Math.min(1 - rateFloor, Math.max(rateFloor, q));
    }

    /** KL divergence between Bernoulli(p) and Bernoulli(q). */
    static double kl(double p, double q) {
        double a = p <= 0 ? 0 : p * Math.log(p / q);
        double b = p >= 1 ? 0 : (1 - p) * Math.log((1 - p) / (1 - q));
        return a + b;
    }
}
