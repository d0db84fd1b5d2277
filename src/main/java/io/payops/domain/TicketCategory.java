package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a merchant's support ticket is about; the JSON key is the lower-case name. */
public enum TicketCategory {
    WEBHOOK_TIMEOUT, IMAGE_CDN_404, AUTHENTICATION, SHIPPING_CALCULATION, CART_SESSION, INVENTORY_SYNC, PAYMENT_GATEWAY;

    private final String key = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String key() {
        return key;
    }

    /** @throws IllegalArgumentException naming the expected keys, so a scenario error can say what was wanted */
    @JsonCreator
    public static TicketCategory fromKey(String key) {
        for (TicketCategory c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a ticket category (expected one of " + keys() + ")");
    }

    public static String keys() {
        return Arrays.stream(values()).map(TicketCategory::key).collect(Collectors.joining(", "));
    }
}
