package io.payops.domain;

import java.util.Locale;

/** What a hypothesis says is going on (DESIGN §5.3). */
public enum Diagnosis {
    ISSUER_DEGRADATION, GATEWAY_OUTAGE, RETRY_STORM, LATENCY_SPIKE, NETWORK_ERRORS, USER_DECLINES,
    BROAD_DEGRADATION, NORMAL_VARIANCE, INSUFFICIENT_DATA;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this diagnosis says something is actually wrong. */
    public boolean isIncident() {
        return this != NORMAL_VARIANCE && this != INSUFFICIENT_DATA;
    }

    /** The fault type this diagnosis names, or null for the ones that name none. */
    public FaultType faultType() {
        return switch (this) {
            case ISSUER_DEGRADATION -> FaultType.ISSUER_DEGRADATION;
            case GATEWAY_OUTAGE -> FaultType.GATEWAY_OUTAGE;
            case RETRY_STORM -> FaultType.RETRY_STORM;
            case LATENCY_SPIKE -> FaultType.LATENCY_SPIKE;
            case NETWORK_ERRORS -> FaultType.NETWORK_ERRORS;
            case USER_DECLINES -> FaultType.USER_DECLINES;
            default -> null;
        };
    }
}
