package io.payops.foreign;

/**
 * What an attempt came to, in our status words (DESIGN §5.4). The generator keeps its own copy instead of importing
 * the product's enum, so that this traffic source stays independent of the code it is meant to test; each
 * {@link ForeignShape} renders an outcome in its own tool's words.
 */
public enum Outcome {
    SUCCESS, ISSUER_DOWN, BANK_TIMEOUT, GATEWAY_ERROR, NETWORK_ERROR, USER_DECLINED, INSUFFICIENT_FUNDS;

    public boolean success() {
        return this == SUCCESS;
    }

    /** A decline that says something about the customer, not about a bank or gateway. */
    public boolean customerSide() {
        return this == USER_DECLINED || this == INSUFFICIENT_FUNDS;
    }

    /** A technical failure: only these are retried. */
    public boolean technical() {
        return !success() && !customerSide();
    }
}
