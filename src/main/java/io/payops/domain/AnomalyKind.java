package io.payops.domain;

import java.util.Locale;

/** What a detector saw move against its baseline. */
public enum AnomalyKind {
    /** More technical failures (bank, gateway, network) than the baseline allows. */
    TECHNICAL_FAILURES,
    /** More customer-side declines than the baseline allows. */
    CUSTOMER_DECLINES,
    LATENCY,
    RETRY_AMPLIFICATION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
