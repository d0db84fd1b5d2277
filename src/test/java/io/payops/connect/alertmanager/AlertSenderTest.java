package io.payops.connect.alertmanager;

import io.payops.connect.RetrySchedule;
import com.fasterxml.jackson.databind.JsonNode;
import io.payops.connect.ConnectorHealth;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.payops.connect.alertmanager.AlertQueueTest.T;
import static io.payops.connect.alertmanager.AlertQueueTest.firing;
import static io.payops.connect.alertmanager.FakeTransport.REFUSED;
import static io.payops.connect.alertmanager.FakeTransport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sender over a fake network: retries with backoff, failures counted and said once, never holding up the engine. */
class AlertSenderTest {
    /** Short, so a test's retries take milliseconds; the doubling is {@link AlertQueueTest}'s. */
    static final RetrySchedule QUICK = new RetrySchedule(1, 4, Integer.MAX_VALUE);
    static final Duration NO_REPOSTS = Duration.ofHours(1);

    final List<String> warnings = new CopyOnWriteArrayList<>();

    AlertmanagerConnector connector(FakeTransport t, Duration repost, int capacity) {
        return new AlertmanagerConnector("alertmanager http://am.test:9093", t, QUICK, repost, capacity,
                Clock.systemUTC(), warnings::add);
    }

    /** What the engine thread does with a frame's changes, without a session. */
    static void offer(AlertmanagerConnector c, PayOpsAlert a) {
        c.offer(List.of(a));
    }

    static List<String> keys(List<JsonNode> alerts) {
        return alerts.stream().map(a -> a.get("labels").get("incident").asText()
                + (a.has("endsAt") ? " resolved" : "")).toList();
    }

    @Test
    void failuresAreCountedAndSaidOnceAndTheAlertsGoOutInOrderWhenItIsBack() throws Exception {
        FakeTransport t = new FakeTransport().then(REFUSED, REFUSED, REFUSED, new AlertTransport.Answer(503, "busy"),
                REFUSED);
        try (AlertmanagerConnector c = connector(t, NO_REPOSTS, 100)) {
            offer(c, firing("a"));
            offer(c, firing("b"));
            offer(c, firing("a").resolved(T, Map.of()));
            await("three alerts delivered", () -> c.health().delivered() == 3);
            ConnectorHealth h = c.health();
            assertEquals(5, h.failed(), "each retry counts");
            assertEquals(0, h.dropped());
            assertEquals(0, h.queued());
            assertTrue(h.healthy(), "back: " + h);
            assertEquals(List.of("a", "b", "a resolved"), keys(t.accepted()));
        }
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals("alertmanager http://am.test:9093: cannot deliver alerts: cannot reach it (connection refused). "
                + "The session goes on; alerts wait in a queue (at most 1000) and are posted again with backoff (up to "
                + "30 s); said once until it is back.", warnings.get(0));
        assertEquals("alertmanager http://am.test:9093: delivering alerts again (5 failed attempts before)",
                warnings.get(1));
    }

    @Test
    void aStuckAlertmanagerNeverHoldsUpTheEngineAndTheQueueStaysBounded() throws Exception {
        FakeTransport t = new FakeTransport().stuck();
        try (AlertmanagerConnector c = connector(t, NO_REPOSTS, 10)) {
            // the engine offers a hundred alerts while the sender's post hangs: none of them waits for it
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 100; i++) {
                    offer(c, firing("k" + i));
                }
            });
            assertEquals(10, c.health().queued());
            assertEquals(90, c.health().dropped());
            t.open();
            await("the ten newest delivered", () -> c.health().delivered() >= 10 && c.health().queued() == 0);
            List<String> got = keys(t.accepted());
            assertEquals(List.of("k90", "k91", "k92", "k93", "k94", "k95", "k96", "k97", "k98", "k99"),
                    got.subList(got.size() - 10, got.size()));
        }
    }

    @Test
    void closingWhileItIsDownGivesUpAtOnceAndCountsWhatWasLeft() throws Exception {
        FakeTransport t = new FakeTransport().then(java.util.stream.Stream.generate(() -> REFUSED).limit(10_000)
                .toArray());
        AlertmanagerConnector c = new AlertmanagerConnector("alertmanager http://am.test:9093", t,
                // a long backoff: close must not wait it out
                new RetrySchedule(600_000, 600_000, Integer.MAX_VALUE), NO_REPOSTS, 100, Clock.systemUTC(),
                warnings::add);
        offer(c, firing("a"));
        offer(c, firing("b"));
        await("a failed post", () -> c.health().failed() >= 1);
        assertTimeoutPreemptively(AlertmanagerConnector.CLOSE_TIMEOUT, c::close);
        ConnectorHealth h = c.health();
        assertEquals(2, h.dropped(), h.toString());
        assertEquals(0, h.queued());
        assertEquals(2, h.failed(), "the first post and one last try at close");
        assertTrue(h.lastError().contains("connection refused"), h.lastError());
        assertEquals(1, warnings.size(), "said once, not again at exit: " + warnings);
    }

    @Test
    void alertsAlertmanagerRefusesAreDroppedNotRetriedAndTheRestGoOn() throws Exception {
        FakeTransport t = new FakeTransport().then(new AlertTransport.Answer(400, "{\"code\":400,\"message\":\"bad\"}"));
        try (AlertmanagerConnector c = connector(t, NO_REPOSTS, 100)) {
            offer(c, firing("a"));
            await("a refused", () -> c.health().dropped() == 1);
            offer(c, firing("b"));
            await("b delivered", () -> c.health().delivered() == 1);
            assertEquals(List.of("b"), keys(t.accepted()));
            assertEquals(1, c.health().failed());
        }
        assertTrue(warnings.get(0).contains("it refused 1 alert with HTTP 400: {\"code\":400,\"message\":\"bad\"}; "
                + "they are dropped"), warnings.toString());
    }

    @Test
    void firingAlertsArePostedAgainEveryIntervalUntilTheyEnd() throws Exception {
        FakeTransport t = new FakeTransport();
        try (AlertmanagerConnector c = connector(t, Duration.ofMillis(20), 100)) {
            offer(c, firing("a"));
            await("a re-posted twice", () -> keys(t.accepted()).stream().filter("a"::equals).count() >= 3);
            offer(c, firing("a").resolved(T, Map.of()));
            await("a resolved", () -> keys(t.accepted()).contains("a resolved"));
            assertEquals(List.of(), c.firing());
        }
    }
}
