package io.payops.agent.detect;

import io.payops.domain.Status;
import io.payops.domain.Target;

/**
 * What "normal" looks like for a segment: the rates a segment is compared against. Live, the detector's own
 * references (frozen while a segment is in alarm); for a single snapshot, the snapshot's baseline window.
 */
public interface References {
    /** Whether the segment has enough history to be compared at all. */
    boolean established(Target target);

    /** Share of attempts ending in this status; NaN when unknown. */
    double statusRate(Target target, Status status);

    double p95(Target target);

    double attemptsPerPayment(Target target);

    /**
     * How strongly the segment's own sequential test says something is wrong there now (a log-likelihood ratio, 0
     * when it says nothing); NaN when there is no such test (a single snapshot).
     */
    default double alarmLevel(Target target) {
        return Double.NaN;
    }

    /** Share of attempts failing for technical reasons (not customer declines). */
    default double technicalRate(Target target) {
        double sum = 0;
        for (Status s : Status.values()) {
            if (!s.success() && !s.customerSide()) {
                sum += statusRate(target, s);
            }
        }
        return sum;
    }

    default double declineRate(Target target) {
        return statusRate(target, Status.USER_DECLINED) + statusRate(target, Status.INSUFFICIENT_FUNDS);
    }
}
