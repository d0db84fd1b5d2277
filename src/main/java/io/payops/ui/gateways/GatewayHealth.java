package io.payops.ui.gateways;

import java.util.Locale;

/** How a gateway card judges its gateway; the view shows it as the CSS pseudo-class of the same name. */
public enum GatewayHealth {
    HEALTHY, DEGRADED, DOWN;

    /** "healthy", "degraded", "down": the word on the card and the pseudo-class name. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
