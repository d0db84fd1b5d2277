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
    /** A status written in words other than our names; resolved with the fields below once the line is read. */
    StatusVocabulary.Word statusWord;
    /** The error/decline code column's word, which refines a generic failure. */
    StatusVocabulary.Word codeWord;
    /** A success column: 1 yes, 0 no, -1 absent. */
    int successFlag = -1;
    /** After {@link #finish()}: the word no vocabulary knew that decided this line's status, or null. */
    StatusVocabulary.Word unmapped;
    /** After {@link #finish()}: whether that word was the error code's (else the status column's). */
    boolean unmappedIsCode;

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
        statusWord = null;
        codeWord = null;
        successFlag = -1;
        unmapped = null;
        unmappedIsCode = false;
    }

    /**
     * Settles the status from what the line said (a status word, a success flag, an error code, in any order), then
     * checks the line is whole. A word nobody mapped still makes a failure, never a bad line.
     *
     * @return what a valid line still lacks, or null when it is whole
     */
    String finish() {
        if (status == null) {
            status = resolveStatus();
        }
        return missing();
    }

    private Status resolveStatus() {
        boolean failed = successFlag == 0;
        if (statusWord != null) {
            switch (statusWord.kind()) {
                case STATUS, SUCCESS -> {
                    return statusWord.status();
                }
                case GENERIC_FAILURE -> failed = true;
                case UNMAPPED -> {
                    failed = true;
                    unmapped = statusWord;
                }
            }
        } else if (successFlag == 1) {
            return Status.SUCCESS;
        }
        if (!failed) {
            return null;
        }
        if (codeWord != null) {
            switch (codeWord.kind()) {
                case STATUS -> {
                    return codeWord.status();
                }
                case UNMAPPED -> {
                    if (unmapped == null) {
                        unmapped = codeWord;
                        unmappedIsCode = true;
                    }
                    return codeWord.status();
                }
                default -> {
                    // a code that says only "failed" (or, oddly, "ok" on a failure) refines nothing
                }
            }
        }
        return unmapped != null ? unmapped.status() : Status.OTHER_FAILURE;
    }

    /** @return what a valid line must still have, or null when it has it all */
    String missing() {
        if (!hasTs) {
            return "ts is missing (" + Timestamps.EXPECTED + ")";
        }
        if (status == null) {
            return "status is missing (expected a status such as " + StatusNames.EXPECTED + ", success or failed, or a "
                    + "success column of true/false)";
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
