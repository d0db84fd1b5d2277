package io.payops.sim;

import java.util.Map;

/** A merchant: its share of payments, its mix of payment methods, and its typical ticket size. */
public record MerchantProfile(
        String name,
        double volumeShare,
        Map<String, Double> methodMix,
        double avgAmount,
        String currency) {
}
