package io.payops.connect.alertmanager;

import io.payops.connect.ConnectorSession;
import io.payops.domain.ActionStatus;
import io.payops.domain.Approval;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Decider;
import io.payops.domain.Frame;
import io.payops.domain.PolicyStep;
import io.payops.domain.RootCause;
import io.payops.domain.TicketAction;
import io.payops.domain.TicketActionType;
import io.payops.domain.TriageStep;
import io.payops.engine.RunSettings;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which alerts a session's frames start and end, with fixed seeds: labels, annotations and lifecycle. */
class AlertTrackerTest {
    static final Instant WALL = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(WALL, ZoneOffset.UTC);

    /** A change and the session second of the frame that made it. */
    record Change(long second, PayOpsAlert alert) {
        String what() {
            return (alert.firing() ? "fire " : "resolve ") + alert.key();
        }
    }

    static ConnectorSession session(Scenario s) {
        return new ConnectorSession(s.name() + "-seed" + s.seed(), s.name(), s.world(), false, c -> false);
    }

    static List<Change> run(Scenario s, AlertTracker tracker) {
        List<Change> changes = new ArrayList<>();
        ScenarioRunner.run(s, new RunSettings("agent", ApprovalMode.parse("auto:60"), "heuristic"), List.of(), null,
                f -> tracker.onFrame(f).forEach(a -> changes.add(new Change(f.simMillis() / 1000, a))));
        tracker.endSession().forEach(a -> changes.add(new Change(-1, a)));
        return changes;
    }

    @Test
    void aStripeOutageRaisesTheIncidentAndTheApprovalRequestAndEndsThemWhenTheyEnd() {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withSeed(7);
        List<Change> changes = run(s, new AlertTracker(new AlertFactory(session(s)), CLOCK));

        assertEquals(List.of("fire incident-1", "fire approval-3", "resolve approval-3", "resolve incident-1"),
                changes.stream().map(Change::what).toList());
        Change opened = changes.get(0);
        PayOpsAlert incident = opened.alert();
        assertEquals(Map.of("alertname", "PayOpsIncident", "severity", "critical", "diagnosis", "gateway_outage",
                "gateway", "stripe", "incident", "1", "session", "stripe-outage-seed7"), incident.labels());
        // the outage starts at 300 s; detection takes seconds, not minutes
        assertTrue(opened.second() >= 300 && opened.second() < 330, "opened at " + opened.second());
        assertTrue(incident.annotations().get("summary").startsWith("Gateway outage on gateway=stripe (confidence 0."),
                incident.annotations().toString());
        assertTrue(incident.annotations().get("description").contains("GATEWAY_ERROR"), "the cycle's explanation: "
                + incident.annotations().get("description"));
        assertEquals(Long.toString(opened.second()), incident.annotations().get("session_second"));
        assertEquals("payops://session/stripe-outage-seed7?t=" + opened.second(), incident.generatorUrl());
        assertEquals(WALL, incident.startsAt(), "wall-clock time, when first seen");
        assertNull(incident.endsAt());

        Change asked = changes.get(1);
        assertEquals(Map.of("alertname", "PayOpsApprovalNeeded", "severity", "warning", "diagnosis", "gateway_outage",
                "gateway", "stripe", "action", "open_circuit", "request", "3", "incident", "1",
                "session", "stripe-outage-seed7"), asked.alert().labels());
        assertTrue(asked.alert().annotations().get("description").contains("high impact"),
                asked.alert().annotations().toString());

        Change answered = changes.get(2);
        assertEquals(asked.second() + 60, answered.second(), "auto:60 answers a minute after it was raised");
        assertEquals(asked.alert().labels(), answered.alert().labels(), "the same alert, resolved");
        assertEquals(WALL, answered.alert().endsAt());
        assertTrue(answered.alert().annotations().get("resolution").startsWith("approved by operator (auto:60)"),
                answered.alert().annotations().toString());

        Change closed = changes.get(3);
        assertEquals(incident.labels(), closed.alert().labels());
        // the outage ends at 780 s; the incident closes once the gateway has been quiet for a while
        assertTrue(closed.second() >= 780, "closed at " + closed.second());
        assertEquals("closed at t=" + closed.second() + " s: recovered", closed.alert().annotations().get("resolution"));
        assertEquals(incident.startsAt(), closed.alert().startsAt());
    }

    @Test
    void theSessionsEndResolvesEverythingItLeftFiring() {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withSeed(7).withDuration(340);
        AlertTracker tracker = new AlertTracker(new AlertFactory(session(s)), CLOCK);
        List<Change> changes = run(s, tracker);
        assertEquals(List.of("fire incident-1", "fire approval-3", "resolve incident-1", "resolve approval-3"),
                changes.stream().map(Change::what).toList());
        assertEquals(-1, changes.get(2).second(), "at the session's end, not in a frame");
        assertEquals("the session ended at t=340 s", changes.get(2).alert().annotations().get("resolution"));
        assertEquals(0, tracker.firingCount());
    }

    @Test
    void aRollbackAlertsForAFixedLifeOfSessionTime() {
        Scenario s = ScenarioLoader.builtIn("hdfc-trouble-spreads");
        List<Change> changes = run(s, new AlertTracker(new AlertFactory(session(s)), CLOCK));
        List<Change> rollback = changes.stream().filter(c -> c.alert().key().startsWith("rollback-")).toList();
        assertEquals(2, rollback.size(), rollback.toString());
        PayOpsAlert fired = rollback.get(0).alert();
        assertTrue(fired.firing());
        assertEquals("PayOpsRollback", fired.labels().get("alertname"));
        assertEquals("warning", fired.labels().get("severity"));
        assertEquals("open_circuit", fired.labels().get("action"));
        assertEquals("razorpay", fired.labels().get("gateway"));
        assertEquals("HDFC", fired.labels().get("issuer"));
        assertEquals("issuer_degradation", fired.labels().get("diagnosis"), "the incident it was for");
        assertTrue(fired.annotations().get("description").startsWith("rolled back: "), fired.annotations().toString());
        assertEquals(rollback.get(0).second() + AlertTracker.ROLLBACK_ALERT_LIFE_MILLIS / 1000, rollback.get(1).second());
        assertFalse(rollback.get(1).alert().firing());
    }

    @Test
    void aSupportTicketEscalationFiresUntilSomeoneAnswersIt() {
        Scenario s = ScenarioLoader.builtIn("checkout-migration");
        AlertTracker tracker = new AlertTracker(new AlertFactory(session(s)), CLOCK);
        TicketAction asked = new TicketAction(1_000_001, 90_000, "C7", TicketActionType.P0_ESCALATION,
                RootCause.PLATFORM_BUG, "checkout:500", List.of("acme", "bolt"), ActionStatus.PENDING, Approval.PENDING,
                "12 tickets from 2 merchants in 4 minutes", List.of("pages engineering on call"), 390_000L, null, null,
                90_000, null);
        List<PayOpsAlert> first = tracker.onFrame(frame(90_000, new TriageStep(90_000, List.of(), List.of(), List.of(),
                List.of(asked), List.of(), List.of(asked), List.of())));
        assertEquals(1, first.size());
        assertEquals(Map.of("alertname", "PayOpsApprovalNeeded", "severity", "critical", "action", "p0_escalation",
                "request", "1000001", "root_cause", "platform_bug", "ticket_cluster", "C7",
                "session", "checkout-migration-seed11"), first.get(0).labels());
        assertEquals("acme, bolt", first.get(0).annotations().get("merchants"));
        assertEquals("390", first.get(0).annotations().get("expires_session_second"));

        TicketAction approved = asked.decided(ActionStatus.EXECUTED, new Decider.Operator("dana"), 120_000, "paged");
        List<PayOpsAlert> second = tracker.onFrame(frame(120_000, new TriageStep(120_000, List.of(), List.of(),
                List.of(), List.of(approved), List.of(), List.of(), List.of())));
        assertEquals(1, second.size());
        assertFalse(second.get(0).firing());
        assertEquals("executed by dana at t=120 s: paged", second.get(0).annotations().get("resolution"));
    }

    @Test
    void alertsGoOutAsAlertmanagersPostableAlerts() {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withSeed(7);
        List<Change> changes = run(s, new AlertTracker(new AlertFactory(session(s)), CLOCK));
        Map<String, Object> firing = changes.get(0).alert().toJson();
        assertEquals(List.of("labels", "annotations", "startsAt", "generatorURL"), List.copyOf(firing.keySet()),
                "no endsAt while it fires: Alertmanager keeps it for its resolve_timeout after each post");
        assertEquals("2026-03-01T12:00:00Z", firing.get("startsAt"));
        Map<String, Object> resolved = changes.get(3).alert().toJson();
        assertEquals("2026-03-01T12:00:00Z", resolved.get("endsAt"));
    }

    @Test
    void aSessionIdThatIsNoUrlPartIsEncodedInTheGeneratorUrl() {
        Scenario s = ScenarioLoader.builtIn("quiet");
        AlertFactory f = new AlertFactory(new ConnectorSession("my run/1", "quiet", s.world(), true, c -> false));
        assertEquals("payops://session/my%20run%2F1?t=12", f.generatorUrl(12_345));
        java.net.URI.create(f.generatorUrl(12_345));
    }

    private static Frame frame(long simMillis, TriageStep tickets) {
        return new Frame(simMillis / 1000, simMillis, false, null, null, List.of(), PolicyStep.NONE, null, List.of(),
                List.of(), tickets);
    }
}
