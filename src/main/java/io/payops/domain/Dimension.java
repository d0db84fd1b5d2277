package io.payops.domain;

import java.util.Locale;

/** A dimension payments are broken down by; the JSON key is the lower-case name. */
public enum Dimension implements Keyed {
    GATEWAY, ISSUER, NETWORK, METHOD, MERCHANT;

    private final String key = name().toLowerCase(Locale.ROOT);

    @Override
    public String key() {
        return key;
    }

    /** @return the dimension for a JSON key, or null when the key names none. */
    public static Dimension fromKey(String key) {
        return Keyed.find(Dimension.class, key);
    }
}
