package io.payops.agent.reason;

import io.payops.agent.detect.References;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds where a rise in some statuses sits, with a scan statistic: for every segment, the log-likelihood ratio of
 * "this segment's rate is raised" against its reference, n · KL(observed ‖ reference). A fault on one gateway's path
 * to an issuer scores highest on that path (its neighbours are diluted by healthy traffic); a fault on an issuer
 * everywhere scores highest on the issuer (more raised data than any one path); a fault on everything scores
 * highest on all traffic.
 */
final class Localizer {

    /** A segment with its score and numbers. */
    record Scored(Target target, double llr, double observed, double expected, long attempts) {
        double excess() {
            return observed - expected;
        }
    }

    private Localizer() {
    }

    /** Every segment (and all traffic) scored for a rise in the given statuses, best first. */
    static List<Scored> scan(Snapshot snapshot, References refs, Set<Status> statuses) {
        List<Scored> out = new ArrayList<>();
        score(snapshot.total(), refs, statuses, out);
        for (SegmentStats s : snapshot.segments()) {
            score(s, refs, statuses, out);
        }
        out.sort(Comparator.comparingDouble(Scored::llr).reversed().thenComparing(sc -> sc.target().toString()));
        return out;
    }

    private static void score(SegmentStats s, References refs, Set<Status> statuses, List<Scored> out) {
        // a segment without a settled reference of its own is still scored (against all traffic's, see the
        // detector): a low-volume path must not lose to its busier neighbours just for being young
        if (s == null || s.attempts() < 5) {
            return;
        }
        long k = 0;
        double q0 = 0;
        for (Status st : statuses) {
            k += s.count(st);
            double r = refs.statusRate(s.target(), st);
            q0 += Double.isNaN(r) ? 0 : r;
        }
        q0 = Math.min(0.99, Math.max(0.002, q0));
        double r = (double) k / s.attempts();
        double llr = r > q0 ? s.attempts() * kl(r, q0) : 0;
        out.add(new Scored(s.target(), llr, r, q0, s.attempts()));
    }

    /**
     * Narrows the best segment to one of its sub-segments when the trouble is all inside it: the sub-segment's
     * rise is significant and the rest of the best segment (best minus sub-segment) shows none. At low volume a
     * gateway's path to one issuer can score below the gateway as a whole merely for having fewer attempts.
     */
    static Scored narrow(List<Scored> scored, Snapshot snapshot, Set<Status> statuses, double significance) {
        Scored best = scored.get(0);
        SegmentStats parent = snapshot.segment(best.target());
        if (parent == null) {
            return best;
        }
        Scored pick = best;
        for (Scored child : scored) {
            if (child.target().size() != best.target().size() + 1 || !child.target().within(best.target())
                    || child.llr() < significance / 2) {
                continue;
            }
            SegmentStats c = snapshot.segment(child.target());
            long n = parent.attempts() - c.attempts();
            long k = count(parent, statuses) - count(c, statuses);
            double rest = n <= 0 ? 0 : n * (((double) k / n) > best.expected() ? kl((double) k / n, best.expected()) : 0);
            if (rest < significance / 4 && (pick == best || child.llr() > pick.llr())) {
                pick = child;
            }
        }
        return pick;
    }

    private static long count(SegmentStats s, Set<Status> statuses) {
        long k = 0;
        for (Status st : statuses) {
            k += s.count(st);
        }
        return k;
    }

    /** KL divergence between Bernoulli(p) and Bernoulli(q). */
    static double kl(double p, double q) {
        double a = p <= 0 ? 0 : p * Math.log(p / q);
        double b = p >= 1 ? 0 : (1 - p) * Math.log((1 - p) / (1 - q));
        return a + b;
    }

    /**
     * The strongest score among segments that share no traffic with {@code best}: a genuinely different
     * explanation, not the same trouble seen through a narrower, wider or crossing lens.
     */
    static double competitor(List<Scored> scored, Target best) {
        for (Scored s : scored) {
            if (!s.target().overlaps(best)) {
                return s.llr();
            }
        }
        return 0;
    }
}
