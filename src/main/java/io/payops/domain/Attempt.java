package io.payops.domain;

/**
 * One try of a payment through one gateway. {@code attemptNo} starts at 1; a retry has 2, 3, ...
 * Dimension values are plain strings so an event log may bring values the simulator never had.
 */
public record Attempt(
        long paymentId,
        int attemptNo,
        long tsMillis,
        String gateway,
        String issuer,
        String network,
        String method,
        String merchant,
        double amount,
        String currency,
        Status status,
        int latencyMs) {

    public boolean firstAttempt() {
        return attemptNo == 1;
    }

    public String value(Dimension d) {
        return switch (d) {
            case GATEWAY -> gateway;
            case ISSUER -> issuer;
            case NETWORK -> network;
            case METHOD -> method;
            case MERCHANT -> merchant;
        };
    }
}
