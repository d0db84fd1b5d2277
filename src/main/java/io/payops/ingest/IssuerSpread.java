package io.payops.ingest;

import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * A MetricsSnapshot gives each issuer's failures but only one error mix for all traffic, so each issuer's split by
 * status is an estimate. Read alone, failures are spread over that mix in proportion ({@link #PROPORTIONAL}). Once a
 * baseline is known that is refined ({@link #BASELINE_AWARE}): an issuer's failures up to its baseline failure rate
 * are split as in the baseline, and only those beyond it carry the statuses that rose overall. Otherwise an issuer
 * failing for one reason would lend that reason to every healthy issuer, and its own failures would borrow the
 * healthy ones' declines.
 */
public final class IssuerSpread {
    public static final String PROPORTIONAL = "The export has no error breakdown per issuer: each issuer's failures "
            + "are spread over the overall error mix in proportion.";
    public static final String BASELINE_AWARE = "The export has no error breakdown per issuer: each issuer's failures "
            + "up to its baseline failure rate are split as in the baseline, and those beyond it carry the statuses "
            + "that rose over all traffic.";
    public static final String ISSUER_ONLY = "The export breaks traffic down by issuer only: trouble on one gateway's "
            + "path to an issuer cannot be told from trouble on the issuer everywhere.";

    private IssuerSpread() {
    }

    /**
     * The snapshot with its segments' failures split again against {@code normal} (a segment's normal rate of a
     * status, as the baseline references give it); all traffic is unchanged.
     */
    public static Snapshot respread(Snapshot window, ToDoubleBiFunction<Target, Status> normal) {
        SegmentStats total = window.total();
        Map<Status, Long> excessMix = new EnumMap<>(Status.class);
        Map<Status, Long> windowMix = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            if (s.success()) {
                continue;
            }
            windowMix.put(s, total.count(s));
            double ref = normal.applyAsDouble(Target.ALL, s);
            double expected = Double.isNaN(ref) ? 0 : ref * total.attempts();
            long excess = Math.max(0, Math.round(total.count(s) - expected));
            if (excess > 0) {
                excessMix.put(s, excess);
            }
        }
        if (excessMix.isEmpty()) {
            excessMix = windowMix;
        }
        List<SegmentStats> segments = new ArrayList<>();
        for (SegmentStats seg : window.segments()) {
            segments.add(respread(seg, normal, excessMix, windowMix));
        }
        return new Snapshot(window.atMillis(), window.windowSeconds(), window.baselineSeconds(), total, segments,
                window.baselineTotal(), window.baselineSegments(), window.recentTotal(), window.recentSegments());
    }

    private static SegmentStats respread(SegmentStats seg, ToDoubleBiFunction<Target, Status> normal, Map<Status, Long> excessMix,
                                         Map<Status, Long> windowMix) {
        long failures = seg.failures();
        if (failures == 0) {
            return seg;
        }
        // expected failures by status at the baseline's rates, in hundredths of an attempt so weights stay exact enough
        Map<Status, Long> normalMix = new EnumMap<>(Status.class);
        double expected = 0;
        for (Status s : Status.values()) {
            if (s.success()) {
                continue;
            }
            double r = normal.applyAsDouble(seg.target(), s);
            if (!Double.isNaN(r) && r > 0) {
                normalMix.put(s, Math.round(r * seg.attempts() * 100));
                expected += r * seg.attempts();
            }
        }
        if (normalMix.isEmpty()) {
            normalMix = windowMix;
        }
        long background = Math.min(failures, Math.round(expected));
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        if (seg.successes() > 0) {
            counts.put(Status.SUCCESS, seg.successes());
        }
        MetricsSnapshotConverter.allocate(background, normalMix).forEach((s, c) -> counts.merge(s, c, Long::sum));
        MetricsSnapshotConverter.allocate(failures - background, excessMix).forEach((s, c) -> counts.merge(s, c, Long::sum));
        return new SegmentStats(seg.target(), seg.attempts(), seg.payments(), seg.successes(), seg.successRate(),
                seg.p50(), seg.p95(), seg.p99(), seg.attemptsPerPayment(), seg.attemptsPerSecond(), counts,
                seg.slowCounts());
    }
}
