package io.payops.connect.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;
import io.payops.connect.ConnectorSession;
import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.domain.PolicyStep;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document the router receives, from real frames of seeded runs: one per change, whole, and the same every run. */
class RoutingChangeFinderTest {
    static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    static ConnectorSession session(String id, boolean openLoop, Scenario s) {
        return new ConnectorSession(id, s.name(), s.world(), openLoop, c -> true);
    }

    /** Every frame of a seeded run of the agent, and the documents a finder made of them. */
    record Run(List<Frame> frames, List<RoutingDocument> documents) {
    }

    static Run run(String scenario, String approval, int seconds) {
        Scenario s = ScenarioLoader.resolve(scenario).withSeed(7);
        RunSettings settings = new RunSettings("agent", ApprovalMode.parse(approval), "heuristic");
        Engine e = new Engine(s, PolicyFactory.create("agent", settings, s.world()), EngineOptions.DEFAULT, null);
        RoutingChangeFinder finder = new RoutingChangeFinder(session("s-7", false, s), Clock.fixed(T0, ZoneOffset.UTC));
        List<Frame> frames = new ArrayList<>();
        List<RoutingDocument> docs = new ArrayList<>();
        for (int i = 0; i < seconds && !e.finished(); i++) {
            Frame f = e.step();
            frames.add(f);
            docs.addAll(finder.find(f));
        }
        return new Run(frames, docs);
    }

    @Test
    void everyExecutionAndRollbackIsOneDocumentWithTheRoutingInForce() throws Exception {
        Run run = run("hdfc-trouble-spreads", "manual", 400);
        // what the frames say, independently: each routing record's first executed and first rolled_back version
        Map<String, Frame> expected = new LinkedHashMap<>();
        for (Frame f : run.frames()) {
            for (ActionRecord r : f.step().actions()) {
                if (r.action().type().changesRouting()
                        && (r.status() == ActionStatus.EXECUTED || r.status() == ActionStatus.ROLLED_BACK)) {
                    expected.putIfAbsent("s-7/" + T0.toEpochMilli() + "/" + r.id() + "/" + r.status().key(), f);
                }
            }
        }
        assertEquals(List.copyOf(expected.keySet()), run.documents().stream().map(RoutingDocument::idempotencyKey)
                .toList());
        assertTrue(expected.size() >= 3, "the run opened circuits and rolled one back: " + expected.keySet());
        for (RoutingDocument d : run.documents()) {
            Frame f = expected.get(d.idempotencyKey());
            assertEquals(f.routing(), d.routing(), "the whole routing in force after the change");
            assertEquals(f.simMillis(), d.simMillis());
            assertEquals(T0.toString(), d.wallTime());
            assertEquals(RoutingDocument.SCHEMA, d.schema());
            assertNotEquals(d.change().before(), d.change().after(), "the change changed something: " + d);
        }
        RoutingDocument rollback = run.documents().stream().filter(d -> d.change().rollback()).findFirst().orElseThrow();
        assertEquals("rolled_back", rollback.change().status());
        assertEquals("agent", rollback.change().who());
        assertEquals("open", rollback.change().before().circuitState());
        assertEquals("closed", rollback.change().after().circuitState());
        assertTrue(rollback.change().why().startsWith("Rolled back open_circuit on ")
                && rollback.change().why().contains("made things worse"), rollback.change().why());

        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsBytes(rollback));
        for (String field : List.of("schema", "idempotencyKey", "sessionId", "scenario", "openLoop", "simMillis",
                "wallTime", "routing", "change")) {
            assertTrue(json.has(field), field + " in " + json);
        }
        assertTrue(json.get("routing").has("weights") && json.get("routing").has("openCircuits"), json.toString());
        assertEquals("HDFC", json.get("change").get("target").get("issuer").asText());
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws Exception {
        List<RoutingDocument> a = run("hdfc-trouble-spreads", "manual", 400).documents();
        List<RoutingDocument> b = run("hdfc-trouble-spreads", "manual", 400).documents();
        assertEquals(new String(Json.mapper().writeValueAsBytes(a)), new String(Json.mapper().writeValueAsBytes(b)));
    }

    @Test
    void anApprovedChangeSaysWhoApprovedIt() {
        RoutingDocument approved = run("stripe-outage", "auto:60", 600).documents().stream()
                .filter(d -> d.change().who().equals("operator")).findFirst().orElseThrow();
        assertEquals("auto", approved.change().approval());
        assertEquals("operator (auto:60)", approved.change().approvedBy());
        assertTrue(approved.change().why().contains("once operator (auto:60) approved it"), approved.change().why());
        RoutingDocument alone = run("stripe-outage", "auto:60", 600).documents().get(0);
        assertEquals("agent", alone.change().who());
        assertNull(alone.change().approvedBy());
        assertTrue(alone.change().why().startsWith("The agent took shift 50% of stripe's traffic away alone"),
                alone.change().why());
        assertEquals(40.0, alone.change().before().weights().get("stripe"));
        assertEquals(20.0, alone.change().after().weights().get("stripe"));
    }

    @Test
    void aChangePublishedAgainKeepsItsOneDocumentAndARollbackIsANewOne() {
        Run run = run("stripe-outage", "manual", 400);
        Frame f = run.frames().get(run.frames().size() - 1);
        ActionRecord executed = run.frames().stream().flatMap(x -> x.step().actions().stream())
                .filter(r -> r.action().type().changesRouting() && r.status() == ActionStatus.EXECUTED)
                .findFirst().orElseThrow();
        Scenario s = ScenarioLoader.resolve("stripe-outage");
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        RoutingChangeFinder finder = new RoutingChangeFinder(session("s-7", true, s), clock);

        List<RoutingDocument> first = finder.find(with(f, executed));
        assertEquals(1, first.size());
        String key = first.get(0).idempotencyKey();
        assertEquals(RoutingChangeFinder.idempotencyKey("s-7", T0.toEpochMilli(), executed.id(), ActionStatus.EXECUTED),
                key);
        assertTrue(first.get(0).openLoop());
        // its outcome measured, then the router's acknowledgement: the same change, nothing new to send
        assertEquals(List.of(), finder.find(with(f, executed.withOutcome(ActionOutcome.HELPED, 1))));
        assertEquals(List.of(), finder.find(with(f, executed.withApplied(2))));
        List<RoutingDocument> rollback = finder.find(with(f, executed.withStatus(ActionStatus.ROLLED_BACK, 3, "x")));
        assertEquals(1, rollback.size());
        assertNotEquals(key, rollback.get(0).idempotencyKey());
        assertTrue(rollback.get(0).change().rollback());
        // a pending request is no change yet
        assertEquals(List.of(), finder.find(with(f, executed.withStatus(ActionStatus.PENDING, 4, "asked"))));

        // the same change in a later run of the same scenario and seed is a new change for the router
        RoutingChangeFinder later = new RoutingChangeFinder(session("s-7", true, s),
                Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        assertNotEquals(key, later.find(with(f, executed)).get(0).idempotencyKey());
        assertFalse(key.contains(" "), key);
    }

    /** {@code f} with {@code r} as its only action record. */
    static Frame with(Frame f, ActionRecord r) {
        return new Frame(f.tick(), f.simMillis(), false, f.snapshot(), f.routing(), f.faults(),
                PolicyStep.ofActions(List.of(r)), f.totals(), List.of(), List.of());
    }
}
