package io.payops.agent.detect;

import io.payops.domain.Dimension;
import io.payops.domain.SegmentStats;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * How far a segment's siblings (the other values of its dimension) run above their references right now: the
 * cross-sectional expectation. Traffic drifts as a whole (a bank holiday, a slow afternoon), and a segment judged only
 * against its own past alarms with all of its siblings; judged against what its siblings do now, it alarms only when it
 * stands out. The factor is the median of the siblings' ratios (robust to one sibling with trouble of its own), used
 * only when at least half of them are themselves clearly above their references, so calm traffic is judged exactly as
 * before (factor 1). A path (two dimensions) takes the smaller of its two values' factors.
 */
final class SiblingDrift {
    /** Window attempts a sibling needs before its ratio counts: fewer give a rate too noisy to say anything. */
    private static final long MIN_ATTEMPTS = 50;
    /** A sibling counts as clearly above its reference at this many standard errors. */
    private static final double CLEARLY_ABOVE_SE = 3;
    /** Two siblings at least: one is only the other value of a two-valued dimension, no cross-section. */
    private static final int MIN_SIBLINGS = 2;
    /** The factor never exceeds this: past it the siblings are not drifting, they are failing. */
    static final double MAX_FACTOR = 3;

    private record Ratio(Target target, double ratio, boolean clearlyAbove) {
    }

    private SiblingDrift() {
    }

    /**
     * @param rate the window's rate of a segment (technical failures or declines)
     * @param ref  the segment's reference rate, NaN when it has none
     * @return the factor per target (absent: 1)
     */
    static Map<Target, Double> factors(List<SegmentStats> windows, Map<Target, SegmentMonitor> monitors,
                                       ToDoubleFunction<SegmentStats> rate, ToDoubleFunction<SegmentMonitor> ref) {
        Map<Dimension, List<Ratio>> byDimension = new EnumMap<>(Dimension.class);
        for (SegmentStats w : windows) {
            SegmentMonitor m = monitors.get(w.target());
            if (w.target().size() != 1 || m == null || !m.established() || w.attempts() < MIN_ATTEMPTS) {
                continue;
            }
            double q = ref.applyAsDouble(m);
            if (!(q > 0)) {
                continue;
            }
            double observed = rate.applyAsDouble(w);
            double se = Math.sqrt(q * (1 - q) / w.attempts());
            Dimension d = w.target().values().keySet().iterator().next();
            byDimension.computeIfAbsent(d, k -> new ArrayList<>())
                    .add(new Ratio(w.target(), observed / q, observed > q + CLEARLY_ABOVE_SE * se));
        }
        Map<Target, Double> single = new HashMap<>();
        for (List<Ratio> same : byDimension.values()) {
            for (Ratio r : same) {
                List<Double> others = new ArrayList<>();
                int above = 0;
                for (Ratio o : same) {
                    if (o != r) {
                        others.add(o.ratio());
                        above += o.clearlyAbove() ? 1 : 0;
                    }
                }
                if (others.size() >= MIN_SIBLINGS && above * 2 >= others.size()) {
                    double f = Math.min(MAX_FACTOR, median(others));
                    if (f > 1) {
                        single.put(r.target(), f);
                    }
                }
            }
        }
        if (single.isEmpty()) {
            return single;
        }
        Map<Target, Double> out = new HashMap<>(single);
        for (SegmentStats w : windows) {
            if (w.target().size() == 2) {
                double f = Double.MAX_VALUE;
                for (Map.Entry<Dimension, String> e : w.target().values().entrySet()) {
                    f = Math.min(f, single.getOrDefault(Target.of(e.getKey(), e.getValue()), 1.0));
                }
                if (f > 1) {
                    out.put(w.target(), f);
                }
            }
        }
        return out;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
