package io.payops.policy;

import io.payops.domain.ActiveFault;
import io.payops.domain.Snapshot;
import io.payops.sim.Routing;

import java.util.List;

/**
 * What a policy sees in one tick. {@code groundTruth} holds the active faults for policies that
 * {@link Policy#readsGroundTruth() read it} and is empty for all others.
 */
public record PolicyContext(long nowMillis, Snapshot snapshot, Routing routing, List<ActiveFault> groundTruth) {
    public double nowSeconds() {
        return nowMillis / 1000.0;
    }
}
