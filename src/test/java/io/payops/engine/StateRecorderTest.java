package io.payops.engine;

import io.payops.domain.ApprovalEnd;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.store.StateFiles;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a request for approval ended reaches the audit. Stripe outage, seed 7, nobody answering: the agent asks to open
 * Stripe's circuit at t = 303 s and, once half of Stripe's traffic has moved, may open it alone and does (t = 424 s).
 */
class StateRecorderTest {
    @Test
    void aRequestTheAgentTakesItselfIsRecordedAsWithdrawnWithItsReason() {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withSeed(7);
        RunSettings settings = new RunSettings("agent", ApprovalMode.MANUAL, "heuristic");
        Engine engine = new Engine(s, PolicyFactory.create("agent", settings, s.world()), EngineOptions.DEFAULT, null);
        StateRecorder recorder = new StateRecorder("test-session", List.of(), Clock.systemUTC());
        List<ApprovalEnd> ends = new ArrayList<>();
        while (engine.lastFrame() == null || engine.lastFrame().simMillis() < 430_000) {
            Frame f = engine.step();
            recorder.accept(f);
            ends.addAll(f.step().approvalEnds());
        }
        assertEquals(1, ends.size(), "one request, ended once: " + ends);
        ApprovalEnd end = ends.get(0);
        assertEquals(ApprovalEnd.Kind.WITHDRAWN, end.kind());
        assertEquals(ApprovalEnd.AGENT, end.by());
        assertEquals(424_000, end.atMillis());
        StateFiles.AuditEntry line = recorder.pendingAudit().stream()
                .filter(e -> e.kind().equals("approval_request")).findFirst().orElseThrow();
        assertEquals(end.actionId(), line.actionId());
        assertEquals("withdrawn", line.status());
        assertEquals("agent", line.approval());
        assertEquals("the agent took this action itself at t=424 s: the guardrails now let it act alone (it had asked "
                + "because high impact: moves 41% of all traffic)", line.note());
        assertTrue(recorder.pendingAudit().stream().anyMatch(e -> e.kind().equals("action")
                && e.actionId() == end.actionId() && e.status().equals("executed")
                && e.note().startsWith("request #" + end.actionId() + " for approval withdrawn: ")),
                "the action's own line says it took the request's place");
    }
}
