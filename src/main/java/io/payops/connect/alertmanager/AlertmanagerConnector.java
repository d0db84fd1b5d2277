package io.payops.connect.alertmanager;

import io.payops.connect.Connector;
import io.payops.connect.ConnectorHealth;
import io.payops.connect.ConnectorSession;
import io.payops.connect.RetrySchedule;
import io.payops.domain.Frame;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code --alertmanager URL}: every incident opened, every approval request raised (routing, support-ticket
 * escalations) and every rollback, posted to Alertmanager's API v2 as an alert, re-posted while it lasts and resolved
 * when it ends, and when the session ends. On the engine thread it only works out what changed and queues it
 * ({@link AlertTracker}, {@link AlertQueue}); a thread of its own posts ({@link AlertSender}).
 */
public final class AlertmanagerConnector implements Connector {
    /**
     * Postings held while Alertmanager cannot be reached. A session has a few alerts firing at a time (re-posted once
     * a minute) and opens a few an hour, so a thousand outlasts an outage of hours; at a few KB each it is a few MB.
     */
    static final int QUEUE_CAPACITY = 1_000;
    /**
     * After a failed post: half a second first, as a refused connection (Alertmanager restarting) is often over within
     * one; doubling to at most 30 s, below {@link AlertSender#REPOST_INTERVAL}, so an Alertmanager that comes back
     * hears the firing alerts before the next re-post round would have been due, and far below its default
     * resolve_timeout (5 min). Never given up: the queue is bounded, and what is firing must reach it once it is back.
     */
    static final RetrySchedule RETRIES = new RetrySchedule(500, 30_000, Integer.MAX_VALUE);
    /**
     * How long {@link #close()} waits for the last posts (the session's resolutions) before it gives up and counts
     * them as dropped: a post takes milliseconds, and one stuck post times out after
     * {@link HttpAlertTransport#REQUEST_TIMEOUT}; a command's exit is never held longer than this.
     */
    static final Duration CLOSE_TIMEOUT = HttpAlertTransport.REQUEST_TIMEOUT.plusSeconds(3);

    private final String name;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final AlertQueue queue;
    private final AlertSender sender;
    private final Thread thread;
    /** The current session's; set and used on its engine thread, and sessions follow one another. */
    private volatile AlertTracker tracker;
    private volatile boolean trackerFailed;
    private boolean closed;

    AlertmanagerConnector(String name, AlertTransport transport, RetrySchedule retries, Duration repostInterval, int capacity,
                          Clock clock, Consumer<String> warnings) {
        this.name = name;
        this.clock = clock;
        this.warnings = warnings;
        this.queue = new AlertQueue(capacity);
        this.sender = new AlertSender(name, queue, transport, retries, repostInterval, warnings);
        this.thread = new Thread(sender, "alertmanager-sender");
        // never keeps the JVM alive: close() gives the last posts their time, a JVM exiting without it owes nothing
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param base     Alertmanager's base URL, as {@code --alertmanager} gave it (checked there to be http(s))
     * @param warnings where "cannot deliver" and "delivering again" are said, once each per outage
     */
    public static AlertmanagerConnector start(URI base, Consumer<String> warnings) {
        // shown without a password or query, where a token may hide: the name goes into warnings and the report
        return new AlertmanagerConnector("alertmanager " + io.payops.connect.UrlText.shown(base),
                new HttpAlertTransport(base), RETRIES,
                AlertSender.REPOST_INTERVAL, QUEUE_CAPACITY, Clock.systemUTC(), warnings);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void sessionStarted(ConnectorSession session) {
        if (tracker != null) {
            sessionEnded();   // a session that never said it ended leaves nothing firing
        }
        tracker = new AlertTracker(new AlertFactory(session), clock);
    }

    @Override
    public void frame(Frame frame) {
        AlertTracker t = tracker;
        if (t == null || trackerFailed) {
            return;
        }
        try {
            offer(t.onFrame(frame));
        } catch (RuntimeException e) {
            // a bug here must not stop the engine; the session's alerts stop, said once
            trackerFailed = true;
            warnings.accept(name + ": stopped working out alerts for this session: " + e);
        }
    }

    @Override
    public void sessionEnded() {
        AlertTracker t = tracker;
        tracker = null;
        trackerFailed = false;
        if (t != null) {
            offer(t.endSession());
        }
    }

    @Override
    public ConnectorHealth health() {
        return new ConnectorHealth(name, sender.delivered(), sender.failed(), queue.size(),
                queue.dropped() + sender.rejected(), sender.lastError());
    }

    /** Delivers what is queued (the session's resolutions) for at most {@link #CLOSE_TIMEOUT}, then stops. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.close();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = queue.dropAll();
        if (left > 0 && !sender.inTrouble()) {
            warnings.accept(name + ": " + left + (left == 1 ? " alert was" : " alerts were") + " not delivered within "
                    + CLOSE_TIMEOUT.toSeconds() + " s at exit; Alertmanager ends the firing ones after its "
                    + "resolve_timeout");
        }
    }

    /** The alerts firing now (for tests and the console's view of what is out). */
    List<PayOpsAlert> firing() {
        return queue.firing();
    }

    /** Queues alerts that started or ended (the engine thread; tests offer their own). */
    void offer(List<PayOpsAlert> changes) {
        for (PayOpsAlert a : changes) {
            queue.offer(a);
        }
    }
}
