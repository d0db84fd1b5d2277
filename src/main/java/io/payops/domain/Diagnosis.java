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

    /**
     * This diagnosis as it reads on a target: an outage, a degradation or network errors is named after the dimension
     * the target has (gateway errors on an issuer's traffic are that issuer's trouble as the user sees it: the
     * failures are on its traffic whatever code they carry), the gateway first, then the issuer, then the network.
     * A target with none of the three (a method, a merchant, all traffic) keeps the name its failures give.
     */
    public Diagnosis fitTo(Target target) {
        Dimension own = switch (this) {
            case GATEWAY_OUTAGE -> Dimension.GATEWAY;
            case ISSUER_DEGRADATION -> Dimension.ISSUER;
            case NETWORK_ERRORS -> Dimension.NETWORK;
            default -> null;
        };
        if (own == null || target.has(own)) {
            return this;
        }
        if (target.has(Dimension.GATEWAY)) {
            return GATEWAY_OUTAGE;
        }
        if (target.has(Dimension.ISSUER)) {
            return ISSUER_DEGRADATION;
        }
        if (target.has(Dimension.NETWORK)) {
            return NETWORK_ERRORS;
        }
        return this;
    }

    /** The diagnosis that names a fault type (the inverse of {@link #faultType()}). */
    public static Diagnosis naming(FaultType type) {
        for (Diagnosis d : values()) {
            if (d.faultType() == type) {
                return d;
            }
        }
        throw new IllegalArgumentException("no diagnosis names " + type);
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
