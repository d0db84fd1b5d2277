package io.payops.connect;

import io.payops.domain.Frame;

/**
 * Something outside the console that hears of every frame: Alertmanager (alerts), a Prometheus endpoint (metrics),
 * the router (routing changes). One instance lives as long as the process; sessions come and go under it.
 * <p>
 * {@link #frame} is called on the engine thread after every tick and must never block it: a connector copies what
 * it needs into a bounded queue and delivers from its own thread, with retries and backoff; what it cannot deliver
 * it counts in {@link #health()}, never throws.
 */
public interface Connector extends AutoCloseable {
    /** What the user named, for messages: "alertmanager http://127.0.0.1:9093". */
    String name();

    /** A session begins (a run, an event log, the console's next start): what it is and how to act on it. */
    void sessionStarted(ConnectorSession session);

    /** One frame of the current session, on the engine thread: enqueue, never block. */
    void frame(Frame frame);

    /** The current session ended: resolve what it left open (its alerts), deliver what is queued if it can. */
    void sessionEnded();

    /**
     * Delivered, failed, queued and dropped so far, and the last failure: shown in the console and the report.
     * Any thread, cheap and non-blocking (counters): the console's FX thread asks once a second.
     */
    ConnectorHealth health();

    /** Stops the connector's threads and servers, after a bounded last delivery. Never throws. */
    @Override
    void close();
}
