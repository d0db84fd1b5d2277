package io.payops.agent.detect;

import io.payops.domain.SegmentStats;
import io.payops.domain.Status;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** How a segment's attempts split across statuses, as both detectors describe it in their anomalies. */
final class StatusMix {
    private StatusMix() {
    }

    /** Share of attempts that failed for technical reasons (not customer declines). */
    static double technicalShare(SegmentStats w) {
        if (w.attempts() == 0) {
            return 0;
        }
        long customer = w.count(Status.USER_DECLINED) + w.count(Status.INSUFFICIENT_FUNDS);
        return (double) (w.attempts() - w.successes() - customer) / w.attempts();
    }

    static double declineShare(SegmentStats w) {
        return w.share(Status.USER_DECLINED) + w.share(Status.INSUFFICIENT_FUNDS);
    }

    /** The failure status (of one side) that rose most above its reference share (NaN references count as 0). */
    static Status dominant(SegmentStats w, ToDoubleFunction<Status> reference, boolean customerSide) {
        Status best = null;
        double bestRise = Double.NEGATIVE_INFINITY;
        for (Status s : Status.values()) {
            if (s.success() || s.customerSide() != customerSide) {
                continue;
            }
            double ref = reference.applyAsDouble(s);
            double rise = w.share(s) - (Double.isNaN(ref) ? 0 : ref);
            if (rise > bestRise) {
                bestRise = rise;
                best = s;
            }
        }
        return best;
    }

    /** Every status that occurred, with its share rounded to 4 decimals for reading. */
    static Map<Status, Double> shares(SegmentStats w) {
        Map<Status, Double> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            if (w.count(s) > 0) {
                m.put(s, Math.round(w.share(s) * 10000) / 10000.0);
            }
        }
        return m;
    }
}
