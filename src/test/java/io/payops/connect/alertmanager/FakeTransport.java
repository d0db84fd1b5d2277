package io.payops.connect.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the network under the queue and the backoff (never for Alertmanager itself: AlertmanagerIT posts to
 * the real one). Answers from a script, then accepts; keeps every post's alerts as JSON.
 */
final class FakeTransport implements AlertTransport {
    /** A scripted refusal to connect, as when nothing listens on the port. */
    static final Object REFUSED = new Object();

    private final Deque<Object> script = new ArrayDeque<>();
    private final List<JsonNode> posts = new ArrayList<>();
    private volatile CountDownLatch gate;
    private int attempts;

    /** Answers in order: {@link #REFUSED} or an {@link Answer}; after them, 200. */
    synchronized FakeTransport then(Object... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Every post waits until {@link #open()}: an Alertmanager that hangs. */
    FakeTransport stuck() {
        gate = new CountDownLatch(1);
        return this;
    }

    void open() {
        gate.countDown();
    }

    @Override
    public Answer post(byte[] json) throws IOException, InterruptedException {
        CountDownLatch g = gate;
        if (g != null) {
            g.await();
        }
        synchronized (this) {
            attempts++;
            Object next = script.isEmpty() ? new Answer(200, "") : script.removeFirst();
            if (next == REFUSED) {
                throw new ConnectException("Connection refused");
            }
            Answer a = (Answer) next;
            if (a.accepted()) {
                posts.add(Json.mapper().readTree(json));
            }
            return a;
        }
    }

    synchronized int attempts() {
        return attempts;
    }

    /** The alerts accepted so far, each as posted, in order. */
    synchronized List<JsonNode> accepted() {
        List<JsonNode> all = new ArrayList<>();
        posts.forEach(p -> p.forEach(all::add));
        return all;
    }

    synchronized List<JsonNode> posts() {
        return List.copyOf(posts);
    }

    /** Polls for a condition; the deadline only ends a wait for something that would never happen. */
    static void await(String what, BooleanSupplier condition) throws Exception {
        io.payops.testing.Await.until(what, 30, condition::getAsBoolean);
    }
}
