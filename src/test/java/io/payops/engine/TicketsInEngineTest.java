package io.payops.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.BadInputException;
import io.payops.common.Json;
import io.payops.domain.ActionStatus;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Command;
import io.payops.domain.Decider;
import io.payops.domain.Frame;
import io.payops.domain.MigrationStage;
import io.payops.domain.RootCause;
import io.payops.domain.TicketAction;
import io.payops.domain.TicketSettings;
import io.payops.report.RunReport;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.tickets.TicketsReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #8 through the engine: tickets generated, triaged, approved with the same command, reported and recorded. */
class TicketsInEngineTest {

    @Test
    void aGatewayOutagesTicketsFormAClusterLinkedToTheAgentsIncidentAndTheReportSaysSo() {
        RunReport r = ScenarioRunner.run(ScenarioLoader.builtIn("checkout-migration"), RunSettings.of("agent"));
        TicketsReport t = r.tickets();
        assertNotNull(t);
        TicketsReport.Cluster payment = t.clusters().stream()
                .filter(c -> c.rootCause().equals(RootCause.PAYMENT_INCIDENT.key())).findFirst().orElseThrow();
        assertEquals("payment_gateway:gateway=stripe:GATEWAY_ERROR", payment.signature());
        assertNotNull(payment.linkedIncidentId(), "linked to the agent's stripe incident");
        assertTrue(payment.merchants().size() >= 3);
        assertTrue(payment.firstSeenSecond() >= 600, "no payment tickets before the outage");
        assertEquals(t.tickets(), t.byCategory().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theSameSeedGivesTheSameTicketsAndAWorldWithoutTicketsHasNoSection() throws Exception {
        Scenario s = ScenarioLoader.builtIn("checkout-migration");
        RunReport a = ScenarioRunner.run(s, RunSettings.of("agent"));
        RunReport b = ScenarioRunner.run(s, RunSettings.of("agent"));
        assertEquals(a.tickets(), b.tickets());
        RunReport plain = ScenarioRunner.run(ScenarioLoader.builtIn("stripe-outage").withDuration(120), RunSettings.of("agent"));
        assertNull(plain.tickets());
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsBytes(plain));
        assertFalse(json.has("tickets"), "the run report of a world without tickets is unchanged");
    }

    @Test
    void aPlatformBugEscalationWaitsForAHumanAndTheDecideCommandAnswersIt() {
        // after launch every cross-merchant burst reads as a platform bug, and escalations need approval
        Scenario s = ScenarioLoader.builtIn("quiet").withDuration(3 * 3600)
                .withTickets(new TicketSettings(0.3, MigrationStage.POST_LAUNCH, 6, 5, 0));
        Engine engine = new Engine(s, PolicyFactory.create("agent",
                new RunSettings("agent", ApprovalMode.MANUAL, "heuristic"), s.world()), EngineOptions.DEFAULT, null);
        TicketAction pending = null;
        while (pending == null && !engine.finished()) {
            Frame f = engine.step();
            if (f.tickets() != null && !f.tickets().pendingApprovals().isEmpty()) {
                pending = f.tickets().pendingApprovals().get(0);
            }
        }
        assertNotNull(pending, "a platform bug asked for approval");
        assertTrue(pending.type().needsApproval());
        assertEquals(ActionStatus.PENDING, pending.status());

        engine.submit(new Command.Decide(pending.id(), true, "operator"));
        List<TicketAction> changes = new ArrayList<>();
        Frame f = engine.step();
        assertEquals(List.of(), f.commandErrors());
        for (int i = 0; i < 3; i++) {
            changes.addAll(f.tickets().actions());
            f = engine.step();
        }
        long id = pending.id();
        TicketAction done = changes.stream().filter(a -> a.id() == id).reduce((x, y) -> y).orElseThrow();
        assertEquals(ActionStatus.EXECUTED, done.status());
        assertEquals(Decider.named("operator"), done.decidedBy());

        engine.submit(new Command.Decide(id, true, "operator"));
        Frame again = engine.step();
        assertTrue(again.commandErrors().get(0).contains("no longer pending"), again.commandErrors().toString());
        engine.submit(new Command.Decide(1_000_000_999L, false, "operator"));
        assertTrue(engine.step().commandErrors().get(0).contains("no pending ticket action with id 1000000999"));
    }

    @Test
    void framesWithTicketsReadBackExactlyAsTheRecordingWritesThem() throws Exception {
        Scenario s = ScenarioLoader.builtIn("checkout-migration").withDuration(900);
        List<Frame> frames = new ArrayList<>();
        ScenarioRunner.run(s, RunSettings.of("agent"), null, frames::add);
        int withTickets = 0;
        for (Frame f : frames) {
            Frame back = Json.mapper().readValue(Json.mapper().writeValueAsBytes(f), Frame.class);
            assertEquals(f.tickets(), back.tickets(), "tick " + f.tick());
            withTickets += f.tickets().newTickets().size();
        }
        assertTrue(withTickets > 5, "tickets were written: " + withTickets);
    }

    @Test
    void theTicketsSectionOfAScenarioFileIsCheckedLikeTheRest() {
        String base = "{\"name\":\"t\",\"durationSeconds\":60,\"tps\":5,\"tickets\":%s}";
        Scenario ok = ScenarioLoader.fromString(String.format(base, "{\"stage\":\"planning\",\"burstSize\":3}"), "t.json");
        assertEquals(MigrationStage.PLANNING, ok.tickets().stage());
        assertEquals(3, ok.tickets().burstSize());
        assertEquals(TicketSettings.DEFAULT.ticketsPerMinute(), ok.tickets().ticketsPerMinute());
        for (String[] bad : new String[][]{
                {"{\"stage\":\"go-live\"}", "tickets.stage: unknown migration stage 'go-live' (expected one of planning"},
                {"{\"burstSize\":0}", "tickets.burstSize"},
                {"{\"ticketsPerMinute\":-1}", "tickets.ticketsPerMinute"},
                {"{\"rate\":1}", "rate"},
                {"[1]", "tickets"}}) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> ScenarioLoader.fromString(String.format(base, bad[0]), "t.json"), bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
    }
}
