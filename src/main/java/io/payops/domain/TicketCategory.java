package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a merchant's support ticket is about; the JSON key is the lower-case name. */
public enum TicketCategory implements Keyed {
    WEBHOOK_TIMEOUT, IMAGE_CDN_404, AUTHENTICATION, SHIPPING_CALCULATION, CART_SESSION, INVENTORY_SYNC, PAYMENT_GATEWAY;

    private final String key = name().toLowerCase(Locale.ROOT);

    @JsonValue
    @Override
    public String key() {
        return key;
    }

    /** @throws IllegalArgumentException naming the expected keys, so a scenario error can say what was wanted */
    @JsonCreator
    public static TicketCategory fromKey(String key) {
        return Keyed.of(TicketCategory.class, key, "a ticket category");
    }
}
