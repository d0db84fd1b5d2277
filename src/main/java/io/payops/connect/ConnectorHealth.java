package io.payops.connect;

/**
 * How a connector's deliveries have gone so far.
 *
 * @param name      the connector's {@link Connector#name()}
 * @param delivered deliveries the other side accepted
 * @param failed    attempts that failed (each retry counts)
 * @param queued    waiting now
 * @param dropped   given up on (the queue was full, or retries ran out)
 * @param lastError the last failure in words, or null
 */
public record ConnectorHealth(String name, long delivered, long failed, long queued, long dropped, String lastError) {
    public boolean healthy() {
        return lastError == null;
    }
}
