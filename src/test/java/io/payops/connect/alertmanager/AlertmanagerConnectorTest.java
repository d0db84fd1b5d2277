package io.payops.connect.alertmanager;

import io.payops.connect.RetrySchedule;
import com.fasterxml.jackson.databind.JsonNode;
import io.payops.connect.ConnectorHealth;
import io.payops.connect.ConnectorSession;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.engine.LiveSession;
import io.payops.engine.RunSettings;
import io.payops.engine.SessionListener;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole run through the connector, over a fake network: what goes out, in what order, and what health says. */
class AlertmanagerConnectorTest {

    /** What {@code Connectors.listener()} does for one connector. */
    static SessionListener listener(AlertmanagerConnector c) {
        return new SessionListener() {
            @Override
            public void started(LiveSession s) {
                c.sessionStarted(new ConnectorSession(s.scenario().name() + "-seed" + s.scenario().seed(),
                        s.scenario().name(), s.scenario().world(), s.openLoop(), s::submit));
            }

            @Override
            public void frame(Frame frame) {
                c.frame(frame);
            }

            @Override
            public void ended(LiveSession s) {
                c.sessionEnded();
            }
        };
    }

    @Test
    void aStripeOutageRunPostsItsAlertsInOrderAndEndsWithNothingFiring() {
        FakeTransport t = new FakeTransport();
        List<String> warnings = new CopyOnWriteArrayList<>();
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withSeed(7);
        ConnectorHealth h;
        try (AlertmanagerConnector c = new AlertmanagerConnector("alertmanager http://am.test:9093", t,
                AlertmanagerConnector.RETRIES, Duration.ofHours(1), AlertmanagerConnector.QUEUE_CAPACITY, Clock.systemUTC(),
                warnings::add)) {
            ScenarioRunner.run(s, new RunSettings("agent", ApprovalMode.parse("auto:60"), "heuristic"), List.of(), null,
                    f -> { }, listener(c));
            assertEquals(List.of(), c.firing(), "the session ended: nothing left firing");
            c.close();   // the last delivery, bounded
            h = c.health();
        }
        List<String> got = new ArrayList<>();
        for (JsonNode a : t.accepted()) {
            got.add(a.get("labels").get("alertname").asText() + (a.has("endsAt") ? " resolved" : " firing"));
            assertEquals("stripe-outage-seed7", a.get("labels").get("session").asText());
            assertTrue(a.get("generatorURL").asText().startsWith("payops://session/stripe-outage-seed7?t="));
            assertTrue(a.get("startsAt").asText().endsWith("Z"), a.toString());
        }
        assertEquals(List.of("PayOpsIncident firing", "PayOpsApprovalNeeded firing", "PayOpsApprovalNeeded resolved",
                "PayOpsIncident resolved"), got);
        assertEquals(new ConnectorHealth("alertmanager http://am.test:9093", 4, 0, 0, 0, null), h);
        assertEquals(List.of(), warnings);
    }
}
