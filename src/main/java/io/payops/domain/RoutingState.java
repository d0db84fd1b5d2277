package io.payops.domain;

import java.util.List;
import java.util.Map;

/**
 * An immutable picture of routing: gateway weights (relative, any non-negative numbers), open circuits
 * (a gateway, or a gateway path such as {gateway: razorpay, issuer: SBI}), circuits probing half-open, and the
 * retry policy. Maps are sorted so JSON output is stable.
 */
public record RoutingState(
        Map<String, Double> weights,
        List<Target> openCircuits,
        List<Target> halfOpenCircuits,
        RetryPolicy retryPolicy) {

    public RoutingState {
        weights = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(weights));
        openCircuits = List.copyOf(openCircuits);
        halfOpenCircuits = List.copyOf(halfOpenCircuits);
    }

    public double totalWeight() {
        return weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** A gateway's share of the total weight, 0..1. */
    public double share(String gateway) {
        double total = totalWeight();
        return total <= 0 ? 0 : weights.getOrDefault(gateway, 0.0) / total;
    }
}
