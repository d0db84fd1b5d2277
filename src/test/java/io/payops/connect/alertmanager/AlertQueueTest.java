package io.payops.connect.alertmanager;

import io.payops.connect.RetrySchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The queue between the engine and the sender: bounded, oldest re-posts dropped first, one alert once per batch. */
class AlertQueueTest {
    static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    static PayOpsAlert firing(String key) {
        return new PayOpsAlert(key, Map.of("alertname", "PayOpsIncident", "incident", key), Map.of(), T, null,
                "payops://session/s?t=1");
    }

    private static List<String> contents(AlertQueue q) throws InterruptedException {
        return q.awaitBatch(100, 0).stream().map(p -> p.kind().name().charAt(0) + " " + p.alert().key()).toList();
    }

    private static void deliverAll(AlertQueue q) throws InterruptedException {
        q.remove(q.awaitBatch(100, 0));
    }

    @Test
    void fullItDropsTheOldestRepostFirstThenTheOldestPostingAndCountsEach() throws InterruptedException {
        AlertQueue q = new AlertQueue(3);
        q.offer(firing("a"));
        deliverAll(q);
        q.offer(firing("b"));
        assertEquals(1, q.repostFiring(), "a again; b is still waiting");
        q.offer(firing("c"));
        assertEquals(List.of("F b", "R a", "F c"), contents(q));

        q.offer(firing("d"));
        assertEquals(List.of("F b", "F c", "F d"), contents(q), "the re-post went first");
        q.offer(firing("e"));
        assertEquals(List.of("F c", "F d", "F e"), contents(q), "then the oldest");
        assertEquals(2, q.dropped());
        assertEquals(3, q.size());
        // b's firing post was dropped, but b still fires: the next round posts it
        assertEquals(List.of("a", "b", "c", "d", "e"), q.firing().stream().map(PayOpsAlert::key).toList());
    }

    @Test
    void aBatchHoldsAnAlertOnceAndItsLaterPostingGoesNext() throws InterruptedException {
        AlertQueue q = new AlertQueue(10);
        q.offer(firing("a"));
        q.offer(firing("b"));
        q.offer(firing("a").resolved(T, Map.of()));
        assertEquals(List.of("F a", "F b"), contents(q));
        deliverAll(q);
        assertEquals(List.of("R a"), contents(q));
        assertEquals(List.of(firing("b")), q.firing());
    }

    @Test
    void aRepostRoundNeverBringsBackAnAlertWhoseEndWasOffered() throws InterruptedException {
        AlertQueue q = new AlertQueue(10);
        q.offer(firing("a"));
        deliverAll(q);
        q.offer(firing("a").resolved(T, Map.of()));
        assertEquals(0, q.repostFiring());
        assertEquals(List.of("R a"), contents(q));
    }

    @Test
    void deliveredPostingsLeaveEvenWhenSomeWereDroppedMeanwhile() throws InterruptedException {
        AlertQueue q = new AlertQueue(2);
        q.offer(firing("a"));
        q.offer(firing("b"));
        List<AlertQueue.Posting> inFlight = q.awaitBatch(100, 0);
        q.offer(firing("c"));   // drops a, which is in flight
        q.remove(inFlight);
        assertEquals(List.of("F c"), contents(q));
    }

    @Test
    void backoffDoublesFromHalfASecondUpToItsCapAndStartsOverAfterASuccess() {
        RetrySchedule b = AlertmanagerConnector.RETRIES;
        assertEquals(List.of(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L),
                java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(b::waitAfter).toList());
        // a success starts the count again (AlertSender's failures back to 0): the next wait is the first
        assertEquals(500L, b.waitAfter(1));
        assertEquals(true, Duration.ofMillis(b.maxMillis()).compareTo(AlertSender.REPOST_INTERVAL) < 0);
        assertEquals(true, AlertSender.REPOST_INTERVAL.compareTo(Duration.ofMinutes(5)) < 0,
                "re-posted within Alertmanager's default resolve_timeout");
    }
}
