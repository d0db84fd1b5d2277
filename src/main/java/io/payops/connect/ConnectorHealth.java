package io.payops.connect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How a connector's deliveries (or, for a source such as Kafka, its reading) have gone so far.
 *
 * @param name       the connector's {@link Connector#name()} ("kafka 127.0.0.1:9092/payments" for a source), or the
 *                   option that asked for it when it could not start ("--metrics-port 9400")
 * @param direction  {@link Direction#OUT} for a connector the console tells (it delivers), {@link Direction#IN} for a
 *                   source it reads from: the counts mean different things, and {@link #counts()} says which
 * @param delivered  deliveries the other side accepted; records read, for a source
 * @param failed     attempts that failed (each retry counts); outages, for a source
 * @param queued     waiting now; records held (read, not yet handed to the engine), for a source
 * @param dropped    given up on (the queue was full, or retries ran out); a source drops nothing
 * @param lastError  the last failure in words, or null
 * @param notRunning why the connector does not run (it could not start: a port in use), or null while it runs; only
 *                   the console's lenient start ({@code Connectors.startWhatCan}) has such entries, so a report never
 *                   does (and the field is left out of its JSON)
 */
public record ConnectorHealth(String name, Direction direction, long delivered, long failed, long queued,
                             long dropped, String lastError,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String notRunning) {
    /** Which way a connector's traffic goes, with the words for its counts. */
    public enum Direction {
        /** A source the session reads from (Kafka): records read, outages, records held; nothing dropped. */
        IN("in", "records read", "outages", "held", null),
        /** A connector the session tells (Alertmanager, Prometheus, the router). */
        OUT("out", "delivered", "failed attempts", "queued", "dropped");

        private final String key;
        private final String delivered;
        private final String failed;
        private final String queued;
        private final String dropped;

        Direction(String key, String delivered, String failed, String queued, String dropped) {
            this.key = key;
            this.delivered = delivered;
            this.failed = failed;
            this.queued = queued;
            this.dropped = dropped;
        }

        /** "in" or "out", as the report writes it. */
        @JsonValue
        public String key() {
            return key;
        }
    }

    public ConnectorHealth {
        direction = direction == null ? Direction.OUT : direction;
    }

    /** An outgoing connector that runs. */
    public ConnectorHealth(String name, long delivered, long failed, long queued, long dropped, String lastError) {
        this(name, Direction.OUT, delivered, failed, queued, dropped, lastError, null);
    }

    /** A source that runs: records read, outages, records held now, and the error while it is down. */
    public static ConnectorHealth source(String name, long read, long outages, long held, String lastError) {
        return new ConnectorHealth(name, Direction.IN, read, outages, held, 0, lastError, null);
    }

    /** A connector asked for that could not start: {@code name} is the option and its value. */
    public static ConnectorHealth notRunning(String name, String why) {
        return new ConnectorHealth(name, Direction.OUT, 0, 0, 0, 0, null, why);
    }

    /** Running, and no failure now. */
    public boolean healthy() {
        return notRunning == null && lastError == null;
    }

    public boolean running() {
        return notRunning == null;
    }

    /**
     * The counts in the words of the direction, for the summary and the status line: "12 delivered, 0 failed
     * attempts, 0 queued, 1 dropped", or for a source "12,345 records read, 0 outages, 3 held"; "not running" for one
     * that could not start.
     */
    public String counts() {
        if (notRunning != null) {
            return "not running";
        }
        String s = String.format(Locale.ROOT, "%,d %s, %,d %s, %,d %s", delivered, direction.delivered, failed,
                direction.failed, queued, direction.queued);
        return direction.dropped == null ? s : s + String.format(Locale.ROOT, ", %,d %s", dropped, direction.dropped);
    }
}
