package io.payops.agent.reason;

import io.payops.agent.Agent;
import io.payops.agent.AgentConfig;
import io.payops.agent.learn.LessonStore;
import io.payops.domain.AgentCycle;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Diagnosis;
import io.payops.domain.Frame;
import io.payops.domain.Hypothesis;
import io.payops.engine.Engine;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the reasoner says when nothing is wrong: too little data at first, then normal variance. */
class HeuristicReasonerTest {

    private static List<AgentCycle> cycles(Scenario s) {
        Agent agent = new Agent(AgentConfig.defaults(ApprovalMode.MANUAL), new HeuristicReasoner(), new LessonStore(),
                s.world());
        Engine engine = new Engine(s, agent);
        List<AgentCycle> out = new ArrayList<>();
        while (!engine.finished()) {
            Frame f = engine.step();
            if (f.step().cycle() != null) {
                out.add(f.step().cycle());
            }
        }
        return out;
    }

    @Test
    void saysInsufficientDataBeforeABaselineAndNormalVarianceOnQuietTrafficAfter() {
        List<AgentCycle> cycles = cycles(ScenarioLoader.builtIn("quiet").withDuration(900));
        Hypothesis first = cycles.get(0).hypotheses().get(0);
        assertEquals(Diagnosis.INSUFFICIENT_DATA, first.diagnosis());
        assertTrue(first.evidence().get(0).contains("Learning what is normal"), first.evidence().toString());
        assertTrue(cycles.stream().filter(c -> c.atMillis() < 110_000).allMatch(c -> c.hypotheses().get(0).diagnosis()
                == Diagnosis.INSUFFICIENT_DATA), "the learning period says so, and nothing else");
        long normal = cycles.stream().filter(c -> c.atMillis() > 300_000)
                .filter(c -> c.hypotheses().get(0).diagnosis() == Diagnosis.NORMAL_VARIANCE).count();
        long late = cycles.stream().filter(c -> c.atMillis() > 300_000).count();
        assertTrue(normal >= 0.98 * late, normal + " of " + late + " cycles after warm-up said normal variance");
        for (AgentCycle c : cycles) {
            for (Hypothesis h : c.hypotheses()) {
                assertTrue(h.confidence() <= Hypothesis.MAX_CONFIDENCE);
                assertEquals(HeuristicReasoner.NAME, h.source());
                assertTrue(!h.evidence().isEmpty());
            }
            assertTrue(!c.explanation().isEmpty(), "every cycle explains itself");
        }
    }

    @Test
    void confidenceGrowsWithEvidenceAndShrinksWithACompetitorAndNeverPassesTheCap() {
        double weak = HeuristicReasoner.confidence(10, 0, 8);
        double strong = HeuristicReasoner.confidence(60, 0, 8);
        double contested = HeuristicReasoner.confidence(60, 50, 8);
        assertTrue(weak < strong, weak + " < " + strong);
        assertTrue(contested < strong, contested + " < " + strong);
        assertEquals(0.5, HeuristicReasoner.confidence(5, 0, 8), 1e-9, "below the significance level: a coin toss");
        assertTrue(HeuristicReasoner.confidence(1e9, 0, 8) <= Hypothesis.MAX_CONFIDENCE);
    }
}
