package io.payops.sim;

/**
 * A dimension value with its share of traffic and a success factor that scales every gateway's base success
 * (an issuer with factor 0.97 approves 3% less often than average).
 */
public record Share(String name, double share, double successFactor) {
}
