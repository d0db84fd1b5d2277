package io.payops.connect.routing;

/** Where routing documents go: the router's webhook, or a file the router reads. One attempt at a time. */
interface RoutingSink {
    /** What the user named, for messages and health: "routing webhook http://127.0.0.1:8080/routing". */
    String name();

    /** Whether a delivery is the router's own acknowledgement that it applied the change (a webhook's 2xx). */
    boolean acknowledges();

    /**
     * One attempt to deliver one document.
     *
     * @throws InterruptedException when the connector is closing and its time for a last delivery ran out
     */
    Attempt send(Delivery delivery) throws InterruptedException;

    /** How one attempt went. */
    record Attempt(Kind kind, String error) {
        static final Attempt DELIVERED = new Attempt(Kind.DELIVERED, null);

        static Attempt retry(String error) {
            return new Attempt(Kind.RETRY, error);
        }

        static Attempt rejected(String error) {
            return new Attempt(Kind.REJECTED, error);
        }
    }

    enum Kind {
        /** Accepted by the other side. */
        DELIVERED,
        /** The other side is down, slow or busy: worth another attempt later. */
        RETRY,
        /** The other side refused this document (a 4xx): another attempt would be refused the same way. */
        REJECTED
    }
}
