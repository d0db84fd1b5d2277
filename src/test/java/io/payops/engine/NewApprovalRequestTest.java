package io.payops.engine;

import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Pause when a request needs a human" fires on the tick that raises a routing request or a support-ticket one. */
class NewApprovalRequestTest {
    @Test
    void aTicketEscalationIsANewRequestOnTheTickItIsRaised() throws URISyntaxException {
        Scenario s = ScenarioLoader.resolve(Path.of(NewApprovalRequestTest.class
                .getResource("/tickets/platform-bug-burst.json").toURI()).toString()).withSeed(5);
        RunSettings settings = new RunSettings("agent", ApprovalMode.MANUAL, "heuristic");
        Engine engine = new Engine(s, PolicyFactory.create("agent", settings, s.world()), EngineOptions.DEFAULT, null);
        NewApprovalRequest fresh = new NewApprovalRequest();
        Frame first = null;
        for (int i = 0; i < 600 && first == null; i++) {
            Frame f = engine.step();
            if (fresh.test(f)) {
                first = f;
            }
        }
        assertTrue(first != null, "a request within ten minutes");
        assertTrue(first.step().pendingApprovals().isEmpty(), "no routing request comes first");
        assertEquals(1_000_001, first.tickets().pendingApprovals().get(0).id());
        assertEquals(239_000, first.simMillis(), 1_000);
        Frame next = engine.step();
        assertTrue(!fresh.test(next) || next.tickets().pendingApprovals().size() > 1, "the same request is not new twice");
    }
}
