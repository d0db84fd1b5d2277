package io.payops.connect.routing;

import io.payops.connect.Connector;
import io.payops.connect.ConnectorHealth;
import io.payops.connect.RetrySchedule;
import io.payops.connect.ConnectorSession;
import io.payops.domain.Command;
import io.payops.domain.Frame;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Routing out (issue #19): every routing change the agent executes or a human approves, and every rollback and
 * recovery, goes to the router as one {@link RoutingDocument}, through a webhook ({@link WebhookSink}) or a file
 * ({@link FileSink}). The engine thread only finds the changes in its frame and queues them; one sender thread per
 * connector delivers them in order, retrying what the other side could not take ({@link RetrySchedule}). Over an event
 * log or a topic a webhook's 2xx is the router's word that it applied the change: the connector tells the session's
 * engine ({@link Command.RoutingDelivered}), which marks the action record {@code applied}.
 */
public final class RoutingConnector implements Connector {
    /**
     * Changes waiting while the other side is down. A session makes a few routing changes an hour, so a thousand is
     * days of them; when it is full the oldest waiting one is dropped (and counted), because each document carries
     * the whole routing in force and the newest stands for those before it.
     */
    static final int QUEUE_CAPACITY = 1_000;
    /**
     * At exit (a run's end, the console closing) the last changes get this long to be delivered: a run's last
     * rollback is worth a few seconds; a router that stays down is not worth holding the command line longer.
     */
    static final long CLOSE_MILLIS = 10_000;
    /** How soon an idle sender notices that the connector is closing. */
    static final long IDLE_POLL_MILLIS = 250;

    /** A document found on the engine thread, with the session it belongs to. */
    private record Queued(RoutingDocument document, ConnectorSession session) {
    }

    private final RoutingSink sink;
    private final Consumer<String> warnings;
    private final Clock clock;
    private final RetrySchedule retries;
    private final LinkedBlockingDeque<Queued> queue = new LinkedBlockingDeque<>(QUEUE_CAPACITY);
    private final Thread sender;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lateAcknowledgements = new AtomicLong();
    private volatile String lastError;
    private volatile boolean inFlight;
    private volatile boolean closing;
    private volatile boolean closed;
    /** The current session's finder; null between sessions. Set and read on the engine thread. */
    private volatile RoutingChangeFinder finder;
    /** Whether the queue's overflow was said (once per process: it repeats on every change while the router is down). */
    private volatile boolean overflowSaid;
    /**
     * Sender thread only: the kinds of failure said since the last delivery. Each kind is said once per outage: a
     * router that is down (retried) and one that refuses changes (dropped) are different news.
     */
    private final java.util.EnumSet<RoutingSink.Kind> outage = java.util.EnumSet.noneOf(RoutingSink.Kind.class);
    /** Sender thread only: failed attempts since the outage began. */
    private long outageFailures;
    private boolean lateSaid;

    RoutingConnector(RoutingSink sink, Consumer<String> warnings, Clock clock, RetrySchedule retries) {
        this.sink = Objects.requireNonNull(sink);
        this.warnings = Objects.requireNonNull(warnings);
        this.clock = Objects.requireNonNull(clock);
        this.retries = Objects.requireNonNull(retries);
        this.sender = new Thread(this::send, "routing-out " + sink.name());
        // a router that never answers must not keep the process alive: close() bounds the last delivery
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * {@code --routing-webhook URL [--routing-secret-env NAME]}: the secret is read from the environment once, here,
     * and kept only in memory.
     *
     * @param environment the process's environment ({@code System::getenv}), read once
     * @throws IllegalArgumentException naming the option when the variable is not set
     */
    public static RoutingConnector webhook(URI url, String secretEnv, Function<String, String> environment,
                                           Consumer<String> warnings) {
        WebhookSignature signature = null;
        if (secretEnv != null) {
            String secret = environment.apply(secretEnv);
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("--routing-secret-env: the environment variable " + secretEnv
                        + " is not set (expected the webhook's HMAC secret in it)");
            }
            signature = new WebhookSignature(secret);
        }
        WebhookSink sink = new WebhookSink(url, signature);
        if (signature == null) {
            warnings.accept(sink.name() + ": deliveries are not signed (no --routing-secret-env): the router cannot "
                    + "tell them from anyone else's");
        }
        return new RoutingConnector(sink, warnings, Clock.systemUTC(), RetrySchedule.DEFAULT);
    }

    /** {@code --routing-file PATH}: the latest change and the routing in force, written atomically after each. */
    public static RoutingConnector file(Path path, Consumer<String> warnings) {
        return new RoutingConnector(new FileSink(path), warnings, Clock.systemUTC(), RetrySchedule.DEFAULT);
    }

    @Override
    public String name() {
        return sink.name();
    }

    @Override
    public void sessionStarted(ConnectorSession session) {
        finder = new RoutingChangeFinder(session, clock);
    }

    @Override
    public void frame(Frame frame) {
        RoutingChangeFinder f = finder;
        if (f == null) {
            return;
        }
        List<RoutingDocument> changes = f.find(frame);
        for (RoutingDocument d : changes) {
            enqueue(new Queued(d, f.session()));
        }
    }

    /** Never blocks: when the queue is full, its oldest change makes room. */
    private void enqueue(Queued q) {
        if (closed) {
            dropped.incrementAndGet();
            return;
        }
        while (!queue.offerLast(q)) {
            if (queue.pollFirst() != null) {
                dropped.incrementAndGet();
                if (!overflowSaid) {
                    overflowSaid = true;
                    warnings.accept(sink.name() + ": " + QUEUE_CAPACITY + " changes are waiting; the oldest are "
                            + "dropped (each change carries the whole routing, so the newest stands for them)");
                }
            }
        }
    }

    @Override
    public void sessionEnded() {
        // what is queued keeps going out; the session's acknowledgements that come too late are counted
        finder = null;
    }

    @Override
    public ConnectorHealth health() {
        return new ConnectorHealth(name(), delivered.get(), failed.get(), queue.size() + (inFlight ? 1 : 0),
                dropped.get(), lastError);
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            sender.join(CLOSE_MILLIS);
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(CLOSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        long left = 0;
        while (queue.pollFirst() != null) {
            left++;
        }
        dropped.addAndGet(left);
        long undelivered = left + (inFlight ? 1 : 0);
        inFlight = false;
        if (undelivered > 0) {
            warnings.accept(sink.name() + ": " + undelivered + " routing change(s) not delivered at exit"
                    + (lastError == null ? "" : " (last failure: " + lastError + ")"));
        }
        long late = lateAcknowledgements.get();
        if (late > 1) {
            warnings.accept(sink.name() + ": in all " + late + " acknowledgements came after their session ended; "
                    + "those changes stay recommendations in its recording");
        }
    }

    /** The sender thread: one document at a time, in order, each retried until delivered, refused or given up. */
    private void send() {
        try {
            while (true) {
                Queued q = queue.pollFirst(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (q == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                inFlight = true;
                deliver(Delivery.of(q.document(), q.session()));
                inFlight = false;
            }
        } catch (InterruptedException e) {
            // closing, and the time for a last delivery ran out: close() counts what is left
            if (inFlight) {
                dropped.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // a bug here must not pass silently: said once, and what is left is counted at close
            lastError = "the sender stopped: " + e;
            warnings.accept(sink.name() + ": " + lastError);
        }
    }

    private void deliver(Delivery d) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            RoutingSink.Attempt a = sink.send(d);
            if (a.kind() == RoutingSink.Kind.DELIVERED) {
                back();
                acknowledge(d);
                // counted once its acknowledgement is with the engine: a delivery seen in health() is complete
                delivered.incrementAndGet();
                return;
            }
            failed.incrementAndGet();
            outageFailures++;
            if (a.kind() == RoutingSink.Kind.REJECTED) {
                lastError = a.error();
                trouble(a.kind(), a.error() + "; not retried, the change is dropped");
                dropped.incrementAndGet();
                return;
            }
            if (attempt >= retries.attempts()) {
                lastError = a.error() + "; gave up on change " + d.key() + " after " + attempt + " attempts";
                trouble(a.kind(), lastError);
                dropped.incrementAndGet();
                return;
            }
            lastError = a.error();
            trouble(a.kind(), a.error() + "; retrying with backoff, the console goes on (up to " + QUEUE_CAPACITY
                    + " changes wait)");
            Thread.sleep(retries.waitAfter(attempt));
        }
    }

    /** The first failure of each kind in an outage is said; the rest are counted. */
    private void trouble(RoutingSink.Kind kind, String message) {
        if (outage.add(kind)) {
            warnings.accept(sink.name() + ": " + message);
        }
    }

    /** A delivery after failures: said once, and the health is good again (the failures stay counted). */
    private void back() {
        if (!outage.isEmpty()) {
            outage.clear();
            warnings.accept(sink.name() + ": delivering again (" + outageFailures + " failed attempt(s) meanwhile)");
            lastError = null;
        }
        outageFailures = 0;
    }

    /** Over an event log or a topic, the router's 2xx marks the action applied in its session. */
    private void acknowledge(Delivery d) {
        if (!sink.acknowledges() || !d.session().openLoop()) {
            return;
        }
        RoutingChange c = d.document().change();
        if (!d.session().commands().test(new Command.RoutingDelivered(c.actionId(), c.status(), d.key()))) {
            lateAcknowledgements.incrementAndGet();
            if (!lateSaid) {
                lateSaid = true;
                warnings.accept(sink.name() + ": the router acknowledged change " + d.key() + " after its session "
                        + "ended: it stays a recommendation in that session's recording");
            }
        }
    }
}
