package io.payops.domain;

import java.util.Locale;

/** A dimension payments are broken down by; the JSON key is the lower-case name. */
public enum Dimension {
    GATEWAY, ISSUER, NETWORK, METHOD, MERCHANT;

    private final String key = name().toLowerCase(Locale.ROOT);

    public String key() {
        return key;
    }

    /** @return the dimension for a JSON key, or null when the key names none. */
    public static Dimension fromKey(String key) {
        for (Dimension d : values()) {
            if (d.key().equals(key)) {
                return d;
            }
        }
        return null;
    }
}
