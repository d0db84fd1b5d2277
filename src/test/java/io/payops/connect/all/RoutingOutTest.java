package io.payops.connect.all;

import io.payops.connect.ConnectorHealth;
import io.payops.connect.ConnectorSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;
import io.payops.connect.routing.RoutingConnector;
import io.payops.connect.routing.RoutingReceiver;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.engine.EventLogSession;
import io.payops.engine.LiveSession;
import io.payops.engine.RunSettings;
import io.payops.ingest.EventLogFormat;
import io.payops.ingest.EventLogWriter;
import io.payops.ingest.LogMapping;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.payops.connect.routing.RoutingReceiver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing out through the real HTTP client to the test's own router (an HTTP server on 127.0.0.1 that checks every
 * signature with its own HMAC): every change delivered once, signed; a failing router retried; a slow one never
 * holds a frame; over an event log, the router's acknowledgement marks the action applied.
 */
class RoutingOutTest {
    static final String SECRET_ENV = "PAYOPS_TEST_ROUTING_SECRET";
    static final String SECRET = "whsec-test-7d1c0a9e";
    static final Function<String, String> ENV = Map.of(SECRET_ENV, SECRET)::get;
    static final RunSettings AGENT = new RunSettings("agent", ApprovalMode.parse("auto:60"), "heuristic");

    @TempDir
    Path dir;

    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    RoutingConnector webhook(RoutingReceiver router) {
        return RoutingConnector.webhook(URI.create(router.url()), SECRET_ENV, ENV, warnings::add);
    }

    /** A seeded simulated run with these connectors; its frames. */
    static List<Frame> run(Connectors connectors, String scenario, int seconds) {
        List<Frame> frames = new ArrayList<>();
        Scenario s = ScenarioLoader.builtIn(scenario).withSeed(7).withDuration(seconds);
        ScenarioRunner.run(s, AGENT, List.of(), null, frames::add, connectors.listener());
        return frames;
    }

    /** The keys of the changes in these frames, in order: each routing record's first executed or rolled_back version. */
    static Set<String> changes(List<Frame> frames) {
        Set<String> out = new LinkedHashSet<>();
        for (Frame f : frames) {
            for (ActionRecord r : f.step().actions()) {
                if (r.action().type().changesRouting()
                        && (r.status() == ActionStatus.EXECUTED || r.status() == ActionStatus.ROLLED_BACK)) {
                    out.add(r.id() + "/" + r.status().key());
                }
            }
        }
        return out;
    }

    static String change(RoutingReceiver.Request r) {
        String key = r.idempotencyKey();
        String[] parts = key.split("/");
        return parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    @Test
    void everyChangeIsPostedOnceSignedAndTheFileEndsWithTheLast() throws Exception {
        Path file = dir.resolve("out/routing.json");
        List<Frame> frames;
        RoutingConnector hook;
        try (RoutingReceiver router = RoutingReceiver.start(SECRET);
             Connectors connectors = new Connectors(List.of(hook = webhook(router),
                     RoutingConnector.file(file, warnings::add)))) {
            frames = run(connectors, "hdfc-trouble-spreads", 900);
            Set<String> expected = changes(frames);
            assertTrue(expected.size() >= 4 && expected.stream().anyMatch(k -> k.endsWith("rolled_back")),
                    "circuits opened, one rolled back: " + expected);
            assertTrue(await(() -> connectors.health().stream().allMatch(h -> h.delivered() == expected.size())),
                    connectors.health().toString());
            List<RoutingReceiver.Request> got = router.requests();
            assertEquals(List.copyOf(expected), got.stream().map(RoutingOutTest::change).toList(),
                    "each change once, in order");
            for (RoutingReceiver.Request r : got) {
                assertTrue(r.signatureValid(), "signed with the secret: " + r.signature());
                assertTrue(r.signature().matches("sha256=[0-9a-f]{64}"), r.signature());
                assertEquals("application/json", r.contentType());
                JsonNode doc = Json.mapper().readTree(r.body());
                assertEquals(r.idempotencyKey(), doc.get("idempotencyKey").asText());
                assertFalse(doc.get("openLoop").asBoolean(), "the simulator applied it already");
            }
            String last = router.requests().get(got.size() - 1).idempotencyKey();
            assertEquals(last, Json.mapper().readTree(file.toFile()).get("idempotencyKey").asText(),
                    "the file holds the routing in force with its last change");
            ConnectorHealth h = hook.health();
            assertEquals(0, h.failed() + h.dropped() + h.queued(), h.toString());
            assertTrue(h.healthy());
        }
        assertTrue(frames.stream().flatMap(f -> f.commands().stream())
                        .noneMatch(c -> c instanceof Command.RoutingDelivered),
                "in closed loop nothing comes back: the simulator applied every change");
        assertTrue(frames.stream().flatMap(f -> f.step().actions().stream()).noneMatch(ActionRecord::applied));
        assertEquals(List.of(), warnings);
        assertTrue(Files.list(file.getParent()).allMatch(p -> p.equals(file)), "no temporary file left");
    }

    @Test
    void aFailingRouterIsRetriedThenGetsTheChangeOnce() throws Exception {
        try (RoutingReceiver router = RoutingReceiver.start(SECRET)) {
            router.answer(500, 503, 500);
            RoutingConnector hook = webhook(router);
            List<Frame> frames;
            try (Connectors connectors = new Connectors(List.of(hook))) {
                frames = run(connectors, "stripe-outage", 900);
                int n = changes(frames).size();
                assertTrue(await(() -> hook.health().delivered() == n), hook.health().toString());
            }
            List<RoutingReceiver.Request> got = router.requests();
            String first = got.get(0).idempotencyKey();
            assertEquals(4, got.stream().filter(r -> r.idempotencyKey().equals(first)).count(),
                    "three failures, then delivered: " + got.stream().map(r -> r.status() + " " + r.idempotencyKey())
                            .toList());
            Map<String, Long> accepted = router.accepted().stream().collect(Collectors.groupingBy(
                    RoutingReceiver.Request::idempotencyKey, Collectors.counting()));
            assertEquals(changes(frames).size(), accepted.size());
            assertTrue(accepted.values().stream().allMatch(c -> c == 1), "each delivered once: " + accepted);
            assertTrue(got.stream().allMatch(RoutingReceiver.Request::signatureValid), "every attempt signed");
            ConnectorHealth h = hook.health();
            assertEquals(3, h.failed());
            assertEquals(0, h.dropped());
            assertTrue(h.healthy(), "delivering again: " + h);
            assertEquals(2, warnings.size(), "the outage said once, and its end: " + warnings);
            assertTrue(warnings.get(0).contains("answered HTTP 500") && warnings.get(0).contains("retrying"),
                    warnings.get(0));
            assertTrue(warnings.get(1).contains("delivering again (3 failed attempt(s)"), warnings.get(1));
            assertTrue(warnings.stream().noneMatch(w -> w.contains(SECRET)));
        }
    }

    @Test
    void aChangeTheRouterRefusesIsNotRetriedButCounted() throws Exception {
        try (RoutingReceiver router = RoutingReceiver.start(SECRET)) {
            router.answer(422);
            RoutingConnector hook = webhook(router);
            try (Connectors connectors = new Connectors(List.of(hook))) {
                int n = changes(run(connectors, "stripe-outage", 900)).size();
                assertTrue(await(() -> hook.health().delivered() == n - 1), hook.health().toString());
            }
            String first = router.requests().get(0).idempotencyKey();
            assertEquals(1, router.requests().stream().filter(r -> r.idempotencyKey().equals(first)).count());
            ConnectorHealth h = hook.health();
            assertEquals(1, h.failed());
            assertEquals(1, h.dropped());
            assertTrue(warnings.get(0).contains("refused the change with HTTP 422") && warnings.get(0)
                    .contains("not retried"), warnings.toString());
        }
    }

    @Test
    void aRouterThatHangsNeverHoldsAFrame() throws Exception {
        try (RoutingReceiver router = RoutingReceiver.start(SECRET)) {
            router.holdRequests();
            RoutingConnector hook = webhook(router);
            try (Connectors connectors = new Connectors(List.of(hook))) {
                List<Frame> frames = run(connectors, "stripe-outage", 1800);
                // the whole run went by while the router sat on the first change without an answer
                assertEquals(0, router.answered(), "the router has answered nothing yet");
                assertTrue(frames.get(frames.size() - 1).finished() && frames.size() >= 1800, "" + frames.size());
                int n = changes(frames).size();
                assertTrue(n >= 3, "changes were made meanwhile: " + n);
                assertTrue(hook.health().delivered() == 0 && hook.health().queued() == n, hook.health().toString());
                router.release();
                assertTrue(await(() -> hook.health().delivered() == n), hook.health().toString());
                assertTrue(router.requests().stream().allMatch(RoutingReceiver.Request::signatureValid));
            }
        }
    }

    @Test
    void overAnEventLogTheRoutersAcknowledgementMarksTheActionApplied() throws Exception {
        Path log = dir.resolve("events.jsonl");
        try (EventLogWriter writer = new EventLogWriter(log, EventLogFormat.JSONL, EventLogWriter.DEFAULT_START)) {
            ScenarioRunner.run(ScenarioLoader.builtIn("stripe-outage").withSeed(7).withDuration(600),
                    RunSettings.of("static"), writer, f -> { });
            writer.commit();
        }
        try (RoutingReceiver router = RoutingReceiver.start(SECRET)) {
            RoutingConnector hook = webhook(router);
            List<Frame> frames = new ArrayList<>();
            try (Connectors connectors = new Connectors(List.of(hook))) {
                EventLogSession opened = EventLogSession.open(log, null, LogMapping.NONE, null, false, () -> false);
                boolean[] changeSeen = {false, false};
                LiveSession session = LiveSession.eventLog(opened, AGENT).listener(connectors.listener()).frames(f -> {
                    frames.add(f);
                    // a log read flat out could end before the router answers: the test's own frame consumer (not
                    // the connector) waits, once, on the engine thread until the first change was acknowledged
                    if (changeSeen[0] && !changeSeen[1]) {
                        changeSeen[1] = true;
                        try {
                            assertTrue(await(() -> hook.health().delivered() >= 1), hook.health().toString());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    changeSeen[0] |= !changes(List.of(f)).isEmpty();
                }).build();
                session.runHere();
                assertTrue(session.openLoop());
            }
            RoutingReceiver.Request first = router.requests().get(0);
            assertTrue(first.signatureValid());
            assertTrue(Json.mapper().readTree(first.body()).get("openLoop").asBoolean(), "a recommendation");
            Frame marked = frames.stream().filter(f -> f.commands().stream().anyMatch(c ->
                    c instanceof Command.RoutingDelivered d && d.idempotencyKey().equals(first.idempotencyKey())))
                    .findFirst().orElseThrow(() -> new AssertionError("the acknowledgement reached the engine"));
            assertEquals(List.of(), marked.commandErrors());
            long id = Long.parseLong(change(first).split("/")[0]);
            ActionRecord applied = marked.step().actions().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
            assertTrue(applied.applied(), "applied: true, recorded in the frame " + applied);
            assertEquals(ActionStatus.EXECUTED, applied.status());
            assertTrue(Json.mapper().writeValueAsString(applied).contains("\"applied\":true"));
            // before the acknowledgement, the change was a recommendation
            assertTrue(frames.stream().takeWhile(f -> f != marked).flatMap(f -> f.step().actions().stream())
                    .filter(r -> r.id() == id).noneMatch(ActionRecord::applied));
        }
    }

    @Test
    void aRouterThatIsDownCostsTheRunNothingAndIsSaidOnce() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        RoutingConnector hook = RoutingConnector.webhook(URI.create("http://127.0.0.1:" + port + "/routing?token=abc"),
                SECRET_ENV, ENV, warnings::add);
        int n;
        try (Connectors connectors = new Connectors(List.of(hook))) {
            List<Frame> frames = run(connectors, "stripe-outage", 900);
            assertTrue(frames.get(frames.size() - 1).finished(), "the run went to its end");
            n = changes(frames).size();
        }
        ConnectorHealth h = hook.health();
        assertEquals(0, h.delivered());
        assertEquals(n, h.dropped(), "every change counted as undelivered: " + h);
        assertEquals(0, h.queued());
        assertTrue(h.failed() >= 1 && !h.healthy() && h.lastError().contains("cannot reach it"), h.toString());
        assertEquals("routing webhook http://127.0.0.1:" + port + "/routing?…", hook.name(), "no token shown");
        assertEquals(2, warnings.size(), "the outage said once, then what was lost at exit: " + warnings);
        assertTrue(warnings.get(0).contains("cannot reach it") && warnings.get(0).contains("retrying"), warnings.get(0));
        assertTrue(warnings.get(1).contains(n + " routing change(s) not delivered at exit"), warnings.get(1));
    }

    @Test
    void anAcknowledgementAfterItsSessionEndedIsCountedAndSaid() throws Exception {
        List<Frame> frames = run(Connectors.NONE, "stripe-outage", 900);
        int n = changes(frames).size();
        Scenario s = ScenarioLoader.builtIn("stripe-outage");
        try (RoutingReceiver router = RoutingReceiver.start(SECRET)) {
            RoutingConnector hook = webhook(router);
            // an event log's session that has ended: its engine takes no more commands
            hook.sessionStarted(new ConnectorSession("ended", s.name(), s.world(), true, c -> false));
            frames.forEach(hook::frame);
            hook.sessionEnded();
            assertTrue(await(() -> hook.health().delivered() == n), hook.health().toString());
            hook.close();
        }
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("acknowledged change ended/") && warnings.get(0)
                .contains("stays a recommendation"), warnings.get(0));
        assertTrue(warnings.get(1).contains("in all " + n + " acknowledgements came after their session ended"),
                warnings.get(1));
    }
}
