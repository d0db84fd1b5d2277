package io.payops.connect.alertmanager;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alerts waiting to be posted, bounded, between the engine thread (which offers) and the sender (which takes a
 * batch, posts it, and removes it once Alertmanager has it). It also knows which alerts fire now, so a re-post round
 * can never bring back an alert whose resolution was just offered: both happen under this one lock, which is held
 * for list work only, never across a post.
 * <p>
 * Full, it drops the oldest re-post first (a later re-post or the resolution says the same and more), then the
 * oldest posting of any kind, and counts each drop. An alert whose firing post was dropped is still firing here, so
 * the next re-post round delivers it.
 */
final class AlertQueue {
    /** Why a posting is queued: a new alert, a firing alert said again, or an alert's end. */
    enum Kind { FIRING, REPOST, RESOLVED }

    record Posting(long seq, Kind kind, PayOpsAlert alert) {
    }

    private final int capacity;
    private final ArrayDeque<Posting> postings = new ArrayDeque<>();
    private final Map<String, PayOpsAlert> firing = new LinkedHashMap<>();
    private long nextSeq;
    private boolean closed;
    // written under the lock, read without it: health() is asked from the console's FX thread and must not wait
    private volatile int size;
    private volatile long dropped;

    AlertQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " (expected at least 1)");
        }
        this.capacity = capacity;
    }

    /** A new alert or an alert's end (engine thread): never waits for the sender. */
    synchronized void offer(PayOpsAlert alert) {
        if (alert.firing()) {
            firing.put(alert.key(), alert);
        } else {
            firing.remove(alert.key());
        }
        add(alert.firing() ? Kind.FIRING : Kind.RESOLVED, alert);
    }

    /** Queues every firing alert again, except those already waiting to be posted. @return how many */
    synchronized int repostFiring() {
        Set<String> waiting = new HashSet<>();
        postings.forEach(p -> waiting.add(p.alert().key()));
        int n = 0;
        for (PayOpsAlert a : firing.values()) {
            if (!waiting.contains(a.key())) {
                add(Kind.REPOST, a);
                n++;
            }
        }
        return n;
    }

    /**
     * Waits up to {@code waitMillis} for something to post, then returns the oldest postings, at most {@code max} and
     * never the same alert twice (its second posting goes in the next batch, in order). Empty: nothing came, or closed.
     */
    synchronized List<Posting> awaitBatch(int max, long waitMillis) throws InterruptedException {
        if (postings.isEmpty() && !closed && waitMillis > 0) {
            wait(waitMillis);
        }
        List<Posting> batch = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Posting p : postings) {
            if (batch.size() == max || !keys.add(p.alert().key())) {
                break;
            }
            batch.add(p);
        }
        return batch;
    }

    /** A batch was delivered (or rejected for good): it leaves, as far as it was not dropped meanwhile. */
    synchronized void remove(List<Posting> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // a batch is a prefix of the queue when taken, new postings go to the tail, and drops only remove:
        // what is left of the batch is still at the head
        long last = batch.get(batch.size() - 1).seq();
        while (!postings.isEmpty() && postings.peekFirst().seq() <= last) {
            postings.removeFirst();
        }
        size = postings.size();
    }

    /** Gives up on everything queued (closing while Alertmanager is down). @return how many were dropped */
    synchronized int dropAll() {
        int n = postings.size();
        postings.clear();
        size = 0;
        dropped += n;
        return n;
    }

    /** Waits up to {@code millis} (a backoff) unless closed or closing meanwhile. */
    synchronized void pause(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        long left = millis;
        while (!closed && left > 0) {
            wait(left);
            left = (end - System.nanoTime()) / 1_000_000L;
        }
    }

    /** No more waiting: the sender delivers what it can and stops. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Without the lock, for health(). */
    int size() {
        return size;
    }

    /** Without the lock, for health(). */
    long dropped() {
        return dropped;
    }

    /** The alerts firing now, oldest first. */
    synchronized List<PayOpsAlert> firing() {
        return List.copyOf(firing.values());
    }

    private void add(Kind kind, PayOpsAlert alert) {
        if (postings.size() >= capacity) {
            dropOne();
        }
        postings.addLast(new Posting(nextSeq++, kind, alert));
        size = postings.size();
        notifyAll();
    }

    private void dropOne() {
        for (Iterator<Posting> it = postings.iterator(); it.hasNext(); ) {
            if (it.next().kind() == Kind.REPOST) {
                it.remove();
                dropped++;
                return;
            }
        }
        postings.removeFirst();
        dropped++;
    }
}
