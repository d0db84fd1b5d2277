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
     * evidence: e.g. razorpay's SBI payments against SBI's payments elsewhere. Null when the target names no gateway
     * or either side saw nothing.
     */
    public PathComparison compareWithOtherGateways(Target t) {
        if (!t.has(Dimension.GATEWAY)) {
            return null;
        }
        SegmentStats own = evidence.segment(t);
        SegmentStats slice = evidence.segment(t.without(Dimension.GATEWAY));
        if (own == null || slice == null) {
            return null;
        }
        long n = own.attempts();
        long k = technicalFailures(own);
        long m = slice.attempts() - n;
        long j = technicalFailures(slice) - k;
        if (n <= 0 || m <= 0) {
            return null;
        }
        return new PathComparison(t, n, k, m, Math.max(0, j));
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

    /** Technical failure share above the segment's reference, in [0, 1]. */
    public double excessFailureRate(Target t) {
        SegmentStats s = snapshot.segment(t);
        if (s == null || s.attempts() == 0) {
            return 0;
        }
        long customer = s.count(io.payops.domain.Status.USER_DECLINED) + s.count(io.payops.domain.Status.INSUFFICIENT_FUNDS);
        double tech = (double) (s.attempts() - s.successes() - customer) / s.attempts();
        double ref = references.technicalRate(t);
        return Math.max(0, tech - (Double.isNaN(ref) ? 0 : ref));
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
