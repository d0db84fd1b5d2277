package io.payops.ingest;

import io.payops.domain.Attempt;
import io.payops.domain.Status;

/**
 * One event log line's fields as they are parsed (DESIGN §5.4). Mutable and reused for every line, so the hot path
 * allocates only the {@link Attempt} it finally builds; dimension values come interned from a {@link ValueCache}.
 */
final class EventFields {
    long ts;
    boolean hasTs;
    long paymentId;
    int attemptNo;
    String gateway;
    String issuer;
    String network;
    String method;
    String merchant;
    double amount;
    String currency;
    Status status;
    int latencyMs;
    boolean hasLatency;

    void clear() {
        hasTs = false;
        paymentId = 0;
        attemptNo = 1;
        gateway = null;
        issuer = null;
        network = null;
        method = null;
        merchant = null;
        amount = 0;
        currency = null;
        status = null;
        hasLatency = false;
    }

    /** @return what a valid line must still have, or null when it has it all */
    String missing() {
        if (!hasTs) {
            return "ts is missing (expected ISO-8601 or epoch milliseconds)";
        }
        if (status == null) {
            return "status is missing (expected one of " + StatusNames.EXPECTED + ")";
        }
        if (!hasLatency) {
            return "latencyMs is missing (expected a whole number of milliseconds >= 0)";
        }
        if (gateway == null && issuer == null && network == null && method == null && merchant == null) {
            return "no dimension (expected at least one of gateway, issuer, network, method, merchant)";
        }
        return null;
    }

    Attempt toAttempt(long tsMillis) {
        return new Attempt(paymentId, attemptNo, tsMillis, gateway, issuer, network, method, merchant, amount, currency,
                status, latencyMs);
    }
}
