package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why several merchants report the same error; the JSON key is the lower-case name. */
public enum RootCause {
    /** Merchants pointed their webhooks at endpoints that do not answer in time (their setup, fixable by a guide). */
    WEBHOOK_CONFIGURATION,
    /** Something broken on the platform itself: only engineering can fix it. */
    PLATFORM_BUG,
    /** Something the move to the new storefront left behind (data, settings) on the merchants' side. */
    MIGRATION_ISSUE,
    /** Merchants ask how to do something, nothing is broken: the docs do not say it clearly enough. */
    DOCUMENTATION_GAP,
    /** Merchants feel a payment incident (a failing gateway, issuer…): the payment agent owns the response. */
    PAYMENT_INCIDENT;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
