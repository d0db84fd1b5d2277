package io.payops.sim;

import io.payops.domain.ActiveFault;
import io.payops.domain.SimTotals;

import java.util.List;

/**
 * Where a run's attempts come from: the simulator (closed loop: routing changes reach the traffic) or an event log
 * (open loop: the traffic happened already, so the policy's changes are recommendations). The engine thread owns it.
 */
public interface TrafficSource {
    /** The time up to which every attempt has been sent, relative to the start of the run. */
    long nowMillis();

    /** Sends every attempt that happened before {@code untilMillis} to the engine, then sets the clock there. */
    void advanceTo(long untilMillis);

    /**
     * Where the next tick should end. The simulator always moves by one tick; an event log may jump over a long
     * stretch with no events, which the observer would forget anyway.
     */
    default long nextTickEnd(long nowMillis, long tickMillis) {
        return nowMillis + tickMillis;
    }

    /**
     * Whether a tick up to {@code untilMillis} can be taken now. Always true except when following a growing file
     * whose events have not reached that time yet.
     */
    default boolean ready(long untilMillis) {
        return true;
    }

    /** True when no attempt will ever come again (the scenario's end, the end of a file not followed). */
    boolean finished();

    SimTotals totals();

    /** The faults acting now: ground truth the simulator knows and an event log never does. */
    List<ActiveFault> activeFaults();

    /**
     * The absolute time of run time 0 when the traffic carries its own clock (an event log, a topic: the first
     * events' second), or null (the simulator's time is its own; or no event was read yet).
     */
    default java.time.Instant origin() {
        return null;
    }

    /** The world's truth for a policy that reads it; an event log has none. */
    default GroundTruth groundTruth() {
        return GroundTruth.NONE;
    }
}
