package io.payops.agent.decide;

import io.payops.agent.detect.References;
import io.payops.domain.Dimension;
import io.payops.domain.RoutingState;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;
import io.payops.sim.World;

/**
 * What the decide step reads about the present: traffic shares and failure rates per segment, routing, the world's
 * gateway fees and base success, and the {@code evidence} the reasoner localized on (every segment's counts over the
 * trouble's own seconds; the snapshot's window when there is no history). A thin read-only view so the estimates
 * below stay simple.
 */
public record SituationView(Snapshot snapshot, References references, RoutingState routing, World world,
                            Snapshot evidence) {

    public SituationView {
        evidence = evidence == null ? snapshot : evidence;
    }

    public SituationView(Snapshot snapshot, References references, RoutingState routing, World world) {
        this(snapshot, references, routing, world, null);
    }

    /**
     * How a gateway-pinned target's traffic fares against the same slice of traffic on the other gateways, over the
     * evidence: e.g. razorpay's SBI payments against SBI's payments elsewhere. Technical failures decide whether
     * the target is in trouble the others do not share (declines follow the customer, wherever the payment goes);
     * the references' decline rates say what a move would change in declines (gateways differ in how many of the
     * same payments they get approved). Null when the target names no gateway or either side saw nothing.
     */
    public PathComparison compareWithOtherGateways(Target t) {
        if (!t.has(Dimension.GATEWAY)) {
            return null;
        }
        Target slice = t.without(Dimension.GATEWAY);
        SegmentStats own = evidence.segment(t);
        SegmentStats all = evidence.segment(slice);
        if (own == null || all == null) {
            return null;
        }
        long n = own.attempts();
        long m = all.attempts() - n;
        if (n <= 0 || m <= 0) {
            return null;
        }
        long k = technicalFailures(own);
        long j = Math.max(0, technicalFailures(all) - k);
        double[] declines = declineRates(t, slice, n, m);
        double ownRef = references.technicalRate(t);
        return new PathComparison(t, n, k, declines[0], m, j, declines[1], routing.retryPolicy().maxRetries(),
                ownRef, restReference(references.technicalRate(slice), ownRef, n, m));
    }

    /**
     * The rest of a path's gateway (its traffic outside the path) against all traffic on the other gateways: what a
     * move of the whole gateway does to the payments that were not in trouble. Null when there is no such rest.
     */
    public PathComparison compareRestOfGateway(Target path) {
        String g = path.get(Dimension.GATEWAY);
        if (g == null || path.size() < 2) {
            return null;
        }
        SegmentStats gateway = evidence.segment(Target.gateway(g));
        SegmentStats own = evidence.segment(path);
        SegmentStats all = evidence.total();
        if (gateway == null || own == null || all == null) {
            return null;
        }
        long n = gateway.attempts() - own.attempts();
        long m = all.attempts() - gateway.attempts();
        if (n <= 0 || m <= 0) {
            return null;
        }
        long k = Math.max(0, technicalFailures(gateway) - technicalFailures(own));
        long j = Math.max(0, technicalFailures(all) - technicalFailures(gateway));
        double[] declines = declineRates(Target.gateway(g), Target.ALL, gateway.attempts(), m);
        double gatewayRef = references.technicalRate(Target.gateway(g));
        return new PathComparison(path, n, k, declines[0], m, j, declines[1], routing.retryPolicy().maxRetries(),
                gatewayRef, restReference(references.technicalRate(Target.ALL), gatewayRef, gateway.attempts(), m));
    }

    /**
     * The normal technical failure rate of a whole's traffic outside one part, from the whole's and the part's
     * references weighted by their attempts now; NaN when either is unknown.
     */
    private static double restReference(double wholeRef, double partRef, long partAttempts, long restAttempts) {
        if (Double.isNaN(wholeRef) || Double.isNaN(partRef) || restAttempts <= 0) {
            return Double.NaN;
        }
        double rest = (wholeRef * (partAttempts + restAttempts) - partRef * partAttempts) / restAttempts;
        return Math.max(0, Math.min(1, rest));
    }

    /** A segment's normal decline rate (the references'), 0 when unknown. */
    private double declineRate(Target t) {
        double r = references.declineRate(t);
        return Double.isNaN(r) ? 0 : r;
    }

    /**
     * The normal decline rates of {@code t} and of the rest of its slice (the slice holds {@code n + m} attempts,
     * t holds {@code n}), from the references, so a surge of customer declines going on now does not count as
     * something a move would avoid. (Shrinking a low-volume segment's gap towards none was tried: it let moves onto
     * gateways that really decline more look free, and lost payments in 9 of 300 random worlds against 3.)
     */
    private double[] declineRates(Target t, Target slice, long n, long m) {
        double whole = declineRate(slice);
        double own = declineRate(t);
        double others = Math.max(0, Math.min(1, ((n + m) * whole - n * own) / m));
        return new double[] {own, others};
    }

    private static long technicalFailures(SegmentStats s) {
        return s.attempts() - s.successes() - s.count(io.payops.domain.Status.USER_DECLINED)
                - s.count(io.payops.domain.Status.INSUFFICIENT_FUNDS);
    }

    /** Share of all attempts in the window that fall in a target (0 when it saw nothing). */
    public double share(Target t) {
        SegmentStats total = snapshot.total();
        SegmentStats s = snapshot.segment(t);
        if (total.attempts() == 0 || s == null) {
            return 0;
        }
        return (double) s.attempts() / total.attempts();
    }

    public double fee(String gateway) {
        return world.gateways().stream().filter(g -> g.name().equals(gateway)).mapToDouble(g -> g.feePercent())
                .findFirst().orElse(0);
    }

    /** The weight-averaged fee of the gateways other than {@code gateway}: what moved traffic will pay. */
    public double alternativeFee(String gateway) {
        double w = 0;
        double f = 0;
        for (var e : routing.weights().entrySet()) {
            if (!e.getKey().equals(gateway)) {
                w += e.getValue();
                f += e.getValue() * fee(e.getKey());
            }
        }
        return w == 0 ? fee(gateway) : f / w;
    }

    /** How much lower the other gateways' base success is than this one's (positive = moving costs approvals). */
    public double alternativeBaseGap(String gateway) {
        double own = 0;
        double w = 0;
        double alt = 0;
        for (var g : world.gateways()) {
            if (g.name().equals(gateway)) {
                own = g.baseSuccess();
            } else {
                double weight = routing.weights().getOrDefault(g.name(), 0.0);
                w += weight;
                alt += weight * g.baseSuccess();
            }
        }
        return w == 0 ? 0 : own - alt / w;
    }

    public String gatewayOf(Target t) {
        return t.get(Dimension.GATEWAY);
    }
}
