package io.payops.domain;

import java.util.Locale;

/** Kinds of chaos the simulator can inject; JSON names are lower-case with underscores. */
public enum FaultType implements Keyed {
    ISSUER_DEGRADATION(Status.ISSUER_DOWN),
    GATEWAY_OUTAGE(Status.GATEWAY_ERROR),
    LATENCY_SPIKE(Status.BANK_TIMEOUT),
    RETRY_STORM(Status.BANK_TIMEOUT),
    NETWORK_ERRORS(Status.NETWORK_ERROR),
    USER_DECLINES(Status.USER_DECLINED);

    private final Status failureStatus;

    FaultType(Status failureStatus) {
        this.failureStatus = failureStatus;
    }

    /** The status an attempt gets when this fault makes it fail. */
    public Status failureStatus() {
        return failureStatus;
    }

    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the type for a JSON name, or null when the name is not a fault type. */
    public static FaultType fromKey(String key) {
        return Keyed.find(FaultType.class, key);
    }

    /** Whether this fault can, in principle, be routed around when its target pins a gateway. */
    public boolean routable() {
        return this != USER_DECLINES;
    }
}
