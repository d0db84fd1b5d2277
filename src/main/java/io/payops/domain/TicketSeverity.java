package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How bad the merchant says it is, from a question (low) to a store that cannot take orders (critical). */
public enum TicketSeverity {
    LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
