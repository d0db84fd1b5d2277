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

    /** Still in the learning period: the references are learning and nothing is tested yet. */
    default boolean learning() {
        return false;
    }

    /**
     * How strongly the segment's own sequential test says something is wrong there now (a log-likelihood ratio, 0
     * when it says nothing); NaN when there is no such test (a single snapshot).
     */
    default double alarmLevel(Target target) {
        return Double.NaN;
    }

    /** The rung of the latency ladder the segment's slow test watches; -1 when none (or no such test). */
    default int slowRung(Target target) {
        return -1;
    }

    /** The segment's normal share of attempts slower than a rung of the latency ladder; NaN when unknown. */
    default double slowRate(Target target, int rung) {
        return Double.NaN;
    }

    /**
     * Whether the segment's own sequential test says it is in trouble now (at least half-way to its alarm, where
     * its reference stops learning); true when there is no such test (a single snapshot). The reasoner's evidence
     * reaches back to the trouble's onset, so a target whose trouble has ended would otherwise still be found.
     */
    default boolean troubled(Target target) {
        return true;
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
