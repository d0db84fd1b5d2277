package io.payops.agent.detect;

import io.payops.agent.AgentConfig;
import io.payops.domain.Dimension;
import io.payops.domain.StandingCondition;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-sectional detection: a segment far worse than its siblings (the other values of its dimension), judged on
 * the references, not the last seconds. A sequential test compares a segment with its own past and so never sees
 * trouble that was there from the first second (an issuer at 54% among issuers at 84%); this does. The references
 * hold still while a segment is in alarm, so a fault in progress is not taken for a standing condition, and one
 * that has passed leaves none behind.
 */
final class StandingConditions {
    /** A condition is dropped when its gap shrinks below this share of {@code standingGap}: no flicker at the edge. */
    private static final double HYSTERESIS = 0.75;

    private final AgentConfig.Detection limits;
    private final Map<Target, Long> since = new HashMap<>();

    StandingConditions(AgentConfig.Detection limits) {
        this.limits = limits;
    }

    List<StandingCondition> update(Collection<SegmentMonitor> monitors, long now) {
        Map<Dimension, double[]> totals = new EnumMap<>(Dimension.class);
        List<SegmentMonitor> single = new ArrayList<>();
        for (SegmentMonitor m : monitors) {
            if (m.target.size() != 1 || !m.established()) {
                continue;
            }
            single.add(m);
            double[] t = totals.computeIfAbsent(dimension(m.target), d -> new double[2]);
            t[0] += m.referenceAttempts();
            t[1] += m.technicalCount();
        }
        List<StandingCondition> out = new ArrayList<>();
        for (SegmentMonitor m : single) {
            double[] t = totals.get(dimension(m.target));
            double n1 = m.referenceAttempts();
            double n0 = t[0] - n1;
            if (n0 < limits.standingMinAttempts() || n1 < limits.standingMinAttempts()) {
                since.remove(m.target);
                continue;
            }
            double p1 = m.technicalCount() / n1;
            double p0 = (t[1] - m.technicalCount()) / n0;
            double pooled = t[1] / t[0];
            double se = Math.sqrt(Math.max(1e-12, pooled * (1 - pooled) * (1 / n1 + 1 / n0)));
            boolean held = since.containsKey(m.target);
            double gap = held ? limits.standingGap() * HYSTERESIS : limits.standingGap();
            if (p1 - p0 >= gap && (p1 - p0) / se >= limits.standingMinZ()) {
                long first = since.computeIfAbsent(m.target, k -> now);
                out.add(new StandingCondition(m.target, round(p1), round(p0), Math.round(n1), first));
            } else {
                since.remove(m.target);
            }
        }
        out.sort(Comparator.comparingDouble((StandingCondition c) -> c.siblingsRate() - c.technicalRate())
                .thenComparing(c -> c.target().toString()));
        return out;
    }

    private static Dimension dimension(Target t) {
        return t.values().keySet().iterator().next();
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
