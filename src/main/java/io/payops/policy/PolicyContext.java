package io.payops.policy;

import io.payops.domain.Snapshot;
import io.payops.sim.GroundTruth;
import io.payops.sim.Routing;

import java.util.Objects;

/**
 * What a policy sees in one tick. {@code groundTruth} is the simulated world's truth for policies that
 * {@link Policy#readsGroundTruth() read it} over simulated traffic, and {@link GroundTruth#NONE} for all others.
 */
public record PolicyContext(long nowMillis, Snapshot snapshot, Routing routing, GroundTruth groundTruth) {
    public PolicyContext {
        Objects.requireNonNull(groundTruth, "groundTruth (GroundTruth.NONE when not known)");
    }

    /** The context of a policy that does not read the truth. */
    public PolicyContext(long nowMillis, Snapshot snapshot, Routing routing) {
        this(nowMillis, snapshot, routing, GroundTruth.NONE);
    }

    public double nowSeconds() {
        return nowMillis / 1000.0;
    }
}
