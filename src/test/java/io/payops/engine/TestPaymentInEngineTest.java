package io.payops.engine;

import io.payops.common.Json;
import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.domain.Target;
import io.payops.domain.TestPayment;
import io.payops.ingest.EventLogFormat;
import io.payops.ingest.EventLogWriter;
import io.payops.ingest.LogMapping;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A test payment goes through the live routing, retries and circuits; over an event log it is refused in words. */
class TestPaymentInEngineTest {
    @TempDir
    Path dir;

    private static Engine engine(Scenario s) {
        return new Engine(s, PolicyFactory.create("static", RunSettings.of("static"), s.world()));
    }

    /** A test payment on the first merchant, method, issuer and network of the world. */
    private static Command firstPath(io.payops.sim.World w, String id, double amount) {
        return new Command.SendTestPayment(id, w.merchants().get(0).name(), w.methods().get(0).name(),
                w.issuers().get(0).name(), w.networks().get(0).name(), amount);
    }

    /** Steps until the payment has its outcome, collecting each version of it the frames carry. */
    private static List<TestPayment> runUntilDone(Engine e, String id) {
        List<TestPayment> seen = new ArrayList<>();
        for (int i = 0; i < 200 && (seen.isEmpty() || !seen.get(seen.size() - 1).finished()); i++) {
            e.step().testPayments().stream().filter(t -> t.id().equals(id)).forEach(seen::add);
        }
        return seen;
    }

    @Test
    void aTestPaymentTakesARouteOfItsPathAndEndsWithAnOutcome() {
        Engine e = engine(ScenarioLoader.builtIn("quiet"));
        e.step();
        var w = e.scenario().world();
        e.submit(firstPath(w, "test-1", 120));
        List<TestPayment> seen = runUntilDone(e, "test-1");
        TestPayment t = seen.get(seen.size() - 1);
        assertTrue(t.finished(), "the payment ends: " + t);
        TestPayment.TestAttempt first = t.attempts().get(0);
        assertTrue(first.chosenShare() > 0, "the gateway had a share of the path: " + first);
        assertEquals(1, first.attemptNo());
        assertEquals(t.attempts().get(t.attempts().size() - 1).status(), t.outcome());
        assertTrue(t.result().contains(t.attempts().get(t.attempts().size() - 1).gateway()), t.result());
    }

    @Test
    void testPaymentsSentInOneTickAllShowInItsFrameAndItsRecording() {
        Scenario s = ScenarioLoader.builtIn("quiet");
        Engine e = engine(s);
        e.step();
        var w = s.world();
        for (int k = 0; k < 20; k++) {
            e.submit(firstPath(w, "t" + k, 50));
        }
        Frame f = e.step();
        assertEquals(20, f.testPayments().size());
        assertTrue(f.commandErrors().isEmpty(), f.commandErrors().toString());
        String json = Json.mapper().valueToTree(f).toString();
        assertTrue(json.contains("\"testPayments\""), "a frame with test payments records them");
    }

    @Test
    void aFrameWithoutTestPaymentsIsRecordedAsBeforeAndReadsBack() throws Exception {
        Engine e = engine(ScenarioLoader.builtIn("quiet"));
        Frame f = e.step();
        String json = Json.mapper().writeValueAsString(f);
        assertFalse(json.contains("testPayments"), "no new field in frames without test payments");
        assertTrue(Json.mapper().readValue(json, Frame.class).testPayments().isEmpty());
    }

    @Test
    void unknownNamesAreRefusedInWords() {
        Engine e = engine(ScenarioLoader.builtIn("quiet"));
        e.submit(new Command.SendTestPayment("x", "no-such-merchant", "card", "HDFC", "visa", 10));
        Frame f = e.step();
        assertTrue(f.testPayments().isEmpty());
        assertTrue(f.commandErrors().get(0).contains("unknown merchant no-such-merchant"), f.commandErrors().toString());
    }

    @Test
    void overAnEventLogATestPaymentIsRefusedClearly() throws Exception {
        Path log = dir.resolve("events.jsonl");
        try (EventLogWriter writer = new EventLogWriter(log, EventLogFormat.JSONL, EventLogWriter.DEFAULT_START)) {
            ScenarioRunner.run(ScenarioLoader.builtIn("stripe-outage").withDuration(30), RunSettings.of("static"),
                    writer, f -> { });
            writer.commit();
        }
        EventLogSession opened = EventLogSession.open(log, null, LogMapping.NONE, null, false, () -> false);
        Engine e = opened.engine(PolicyFactory.create("static", RunSettings.of("static"), opened.scenario().world()),
                EngineOptions.DEFAULT);
        var w = opened.scenario().world();
        e.submit(firstPath(w, "t", 10));
        Frame f = e.step();
        assertTrue(f.testPayments().isEmpty());
        assertEquals(List.of("a test payment needs simulated traffic; this run reads an event log, whose payments "
                + "have already happened"), f.commandErrors());
        opened.close();
    }

    @Test
    void aTestPaymentNeverTouchesAnOpenCircuitsGateway() {
        Scenario s = ScenarioLoader.builtIn("quiet");
        Engine e = engine(s);
        e.step();
        var w = s.world();
        String gateway = w.gateways().get(0).name();
        e.routing().openCircuit(Target.gateway(gateway));
        for (int k = 0; k < 30; k++) {
            e.submit(firstPath(w, "c" + k, 50));
        }
        List<TestPayment> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.addAll(e.step().testPayments());
        }
        assertFalse(all.isEmpty());
        for (TestPayment t : all) {
            for (TestPayment.TestAttempt a : t.attempts()) {
                assertFalse(a.gateway().equals(gateway), "no attempt on " + gateway + ": " + a);
                assertEquals(0.0, a.routeShares().get(gateway));
                assertTrue(a.circuits().contains("open " + Target.gateway(gateway)), a.circuits().toString());
            }
        }
    }
}
