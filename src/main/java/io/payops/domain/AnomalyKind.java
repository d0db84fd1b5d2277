package io.payops.domain;

import java.util.Locale;

/** What a detector saw move against its baseline. */
public enum AnomalyKind {
    /** More technical failures (bank, gateway, network) than the baseline allows. */
    TECHNICAL_FAILURES,
    /** More customer-side declines than the baseline allows. */
    CUSTOMER_DECLINES,
    /** Window p95 well above its baseline (needs a hundred attempts in the window). */
    LATENCY,
    /**
     * More attempts slower than the segment's rung of the latency ladder than its baseline allows: a latency rise
     * told by a sequential test, so low-volume segments are watched too ({@code observed}/{@code expected} are
     * shares of attempts, {@code score} the test's log-likelihood ratio).
     */
    SLOW_ATTEMPTS,
    RETRY_AMPLIFICATION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
