package io.payops.connect.alertmanager;

import io.payops.common.Json;
import io.payops.connect.RetrySchedule;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The thread that posts the queue to Alertmanager: a batch at a time, in order; after a failure it waits (backoff)
 * and posts the same batch again; every {@link #REPOST_INTERVAL} it queues the firing alerts again. It says once that
 * Alertmanager cannot be reached, and once that it is back; in between it only counts.
 */
final class AlertSender implements Runnable {
    /**
     * How often a firing alert is posted again. Alertmanager ends an alert posted without endsAt after its
     * resolve_timeout (5 min by default); one minute, as Prometheus re-sends its own alerts, keeps an alert firing
     * through four lost posts, and lets Alertmanager end the alerts of a console that died within five minutes.
     */
    static final Duration REPOST_INTERVAL = Duration.ofSeconds(60);
    /**
     * Alerts per post. A session opens a handful at a time; after an outage the backlog goes out in a few posts of
     * at most ~{@value #MAX_BATCH} × 5 KB, which Alertmanager takes in one go.
     */
    static final int MAX_BATCH = 64;

    private final String name;
    private final AlertQueue queue;
    private final AlertTransport transport;
    private final RetrySchedule retries;
    /** Posts failed in a row (the sender's thread only): the next wait is {@code retries.waitAfter(failures)}. */
    private int failures;
    private final long repostNanos;
    private final Consumer<String> warnings;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile String lastError;
    /** Since the first failure after a success: the warning was given, the next success says it is over. */
    private volatile boolean inTrouble;
    private long failedThisTrouble;

    AlertSender(String name, AlertQueue queue, AlertTransport transport, RetrySchedule retries, Duration repostInterval,
                Consumer<String> warnings) {
        this.name = name;
        this.queue = queue;
        this.transport = transport;
        this.retries = retries;
        this.repostNanos = repostInterval.toNanos();
        this.warnings = warnings;
    }

    @Override
    public void run() {
        long nextRepost = System.nanoTime() + repostNanos;
        try {
            while (true) {
                long untilRepost = nextRepost - System.nanoTime();
                if (untilRepost <= 0) {
                    queue.repostFiring();
                    nextRepost = System.nanoTime() + repostNanos;
                    continue;
                }
                List<AlertQueue.Posting> batch = queue.awaitBatch(MAX_BATCH, Math.max(1, untilRepost / 1_000_000L));
                if (batch.isEmpty()) {
                    if (queue.closed()) {
                        return;
                    }
                    continue;
                }
                if (!post(batch)) {
                    if (queue.closed()) {
                        // closing while Alertmanager is down: no backoff, the command is waiting to exit
                        queue.dropAll();
                        return;
                    }
                    queue.pause(retries.waitAfter(++failures));
                }
            }
        } catch (InterruptedException e) {
            // close() gave up waiting: what is still queued is counted as dropped there
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a bug here must not take the engine down; the alerts stop, and health says why
            lastError = "stopped: " + e;
            warnings.accept(name + ": alert delivery stopped: " + e);
            queue.dropAll();
        }
    }

    /** @return false when it should be tried again after a backoff */
    private boolean post(List<AlertQueue.Posting> batch) throws InterruptedException {
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(batch.stream().map(p -> p.alert().toJson()).toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write alerts as JSON", e);
        }
        AlertTransport.Answer answer;
        try {
            answer = transport.post(json);
        } catch (IOException e) {
            failure("cannot reach it (" + describe(e) + ")");
            return false;
        }
        if (answer.accepted()) {
            queue.remove(batch);
            delivered.addAndGet(batch.size());
            failures = 0;
            if (inTrouble) {
                inTrouble = false;
                warnings.accept(name + ": delivering alerts again (" + failedThisTrouble + " failed "
                        + (failedThisTrouble == 1 ? "attempt" : "attempts") + " before)");
            }
            lastError = null;
            return true;
        }
        if (answer.rejected()) {
            // the same alerts would be refused again: they leave, counted, and the queue behind them moves on
            queue.remove(batch);
            rejected.addAndGet(batch.size());
            failure("it refused " + batch.size() + (batch.size() == 1 ? " alert" : " alerts") + " with HTTP "
                    + answer.status() + ": " + answer.body() + "; they are dropped");
            return true;
        }
        failure("HTTP " + answer.status() + (answer.body().isEmpty() ? "" : ": " + answer.body()));
        return false;
    }

    private void failure(String what) {
        failed.incrementAndGet();
        lastError = what;
        if (!inTrouble) {
            inTrouble = true;
            failedThisTrouble = 0;
            warnings.accept(name + ": cannot deliver alerts: " + what + ". The session goes on; alerts wait in a "
                    + "queue (at most " + AlertmanagerConnector.QUEUE_CAPACITY + ") and are posted again with backoff "
                    + "(up to " + AlertmanagerConnector.RETRIES.maxMillis() / 1000 + " s); said once until it is back.");
        }
        failedThisTrouble++;
    }

    /** A failure in words: "connection refused", "no answer within 5 s", else the exception's own message. */
    static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + HttpAlertTransport.CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + HttpAlertTransport.REQUEST_TIMEOUT.toSeconds() + " s";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    long delivered() {
        return delivered.get();
    }

    long failed() {
        return failed.get();
    }

    long rejected() {
        return rejected.get();
    }

    String lastError() {
        return lastError;
    }

    /** Between a failure and the next success: the warning was given. */
    boolean inTrouble() {
        return inTrouble;
    }
}
