package io.payops.sim;

/** A routing change that validation refused; the message says why. Routing is left as it was. */
public class RoutingRefusedException extends RuntimeException {
    public RoutingRefusedException(String message) {
        super(message);
    }
}
