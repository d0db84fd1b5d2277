package io.payops.ui.gateways;

import io.payops.domain.RoutingState;
import io.payops.domain.Target;

/** The state of one circuit breaker (a gateway's, or a gateway path's) as routing reports it. */
public enum CircuitState {
    CLOSED("closed"), OPEN("open"), HALF_OPEN("half-open");

    private final String key;

    CircuitState(String key) {
        this.key = key;
    }

    /** "closed", "open", "half-open": the text on the card and the pseudo-class name. */
    public String key() {
        return key;
    }

    public static CircuitState of(RoutingState routing, Target target) {
        if (routing.openCircuits().contains(target)) {
            return OPEN;
        }
        return routing.halfOpenCircuits().contains(target) ? HALF_OPEN : CLOSED;
    }
}
