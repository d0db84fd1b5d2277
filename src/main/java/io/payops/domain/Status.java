package io.payops.domain;

/** The outcome of one attempt. */
public enum Status {
    SUCCESS(false),
    ISSUER_DOWN(true),
    BANK_TIMEOUT(true),
    GATEWAY_ERROR(true),
    NETWORK_ERROR(true),
    USER_DECLINED(false),
    INSUFFICIENT_FUNDS(false),
    /**
     * A technical failure whose cause a foreign log does not say in words we know (its status or error code is not in
     * our vocabulary and the user mapped it to nothing). Counted, never dropped: a log's failures are exactly the
     * lines a reader must not lose.
     */
    OTHER_FAILURE(true);

    private final boolean retryable;

    Status(boolean retryable) {
        this.retryable = retryable;
    }

    /** A retryable failure is a technical one: another try (perhaps elsewhere) may succeed. */
    public boolean retryable() {
        return retryable;
    }

    public boolean success() {
        return this == SUCCESS;
    }

    /** Failures that say something about the customer, not about banks or gateways. */
    public boolean customerSide() {
        return this == USER_DECLINED || this == INSUFFICIENT_FUNDS;
    }
}
