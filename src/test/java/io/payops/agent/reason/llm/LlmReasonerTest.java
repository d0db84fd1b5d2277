package io.payops.agent.reason.llm;

import io.payops.agent.Agent;
import io.payops.agent.AgentConfig;
import io.payops.agent.learn.LessonStore;
import io.payops.domain.AgentCycle;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Diagnosis;
import io.payops.domain.Hypothesis;
import io.payops.domain.ReasonerCall;
import io.payops.domain.Target;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.engine.Frame;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LLM reasoner over a scripted model, through the real agent on stripe-outage: used, refused, paused, late. */
class LlmReasonerTest {
    static final Scenario OUTAGE = ScenarioLoader.builtIn("stripe-outage").withSeed(3).withDuration(340);
    static final LlmSettings SETTINGS = new LlmSettings("gemini", "test-model", "", Secret.of("k-123"), 2000, 1);
    static final String GOOD = """
            {"hypotheses": [{"diagnosis": "gateway_outage", "target": {"gateway": "stripe"}, "confidence": 0.9,
              "evidence": ["GATEWAY_ERROR rose on stripe"]}]}""";

    /** A model that answers from a script; counts its calls. */
    static final class Scripted implements LlmClient {
        final Function<LlmRequest, LlmReply> answer;
        final AtomicInteger calls = new AtomicInteger();
        final List<LlmRequest> requests = new ArrayList<>();

        Scripted(Function<LlmRequest, LlmReply> answer) {
            this.answer = answer;
        }

        @Override
        public String provider() {
            return "gemini";
        }

        @Override
        public String model() {
            return "test-model";
        }

        @Override
        public LlmReply complete(LlmRequest r) throws LlmFailure {
            calls.incrementAndGet();
            synchronized (requests) {
                requests.add(r);
            }
            try {
                return answer.apply(r);
            } catch (Failing f) {
                throw f.failure;
            }
        }
    }

    static final class Failing extends RuntimeException {
        final LlmFailure failure;

        Failing(LlmFailure.Kind kind, String message) {
            failure = new LlmFailure(kind, message);
        }
    }

    static LlmReply reply(String text) {
        return new LlmReply(text, 1200, 80, 5);
    }

    static List<AgentCycle> run(LlmClient client, LlmReasoner.Mode mode) {
        return run(client, SETTINGS, mode);
    }

    static List<AgentCycle> run(LlmClient client, LlmSettings settings, LlmReasoner.Mode mode) {
        Agent agent = new Agent(AgentConfig.defaults(ApprovalMode.DEFAULT_HEADLESS), new LlmReasoner(client, settings, mode),
                new LessonStore(), OUTAGE.world());
        Engine engine = new Engine(OUTAGE, agent, EngineOptions.DEFAULT, null);
        List<AgentCycle> cycles = new ArrayList<>();
        while (!engine.finished()) {
            Frame f = engine.step();
            if (f.step().cycle() != null) {
                cycles.add(f.step().cycle());
            }
        }
        return cycles;
    }

    static List<AgentCycle> incidentCycles(List<AgentCycle> cycles) {
        return cycles.stream().filter(c -> c.atMillis() > 300_000 && c.call() != null
                && !ReasonerCall.SKIPPED.equals(c.call().outcome())).toList();
    }

    @Test
    void aGoodAnswerIsUsedWithItsConfidenceBlendedAndItsSourceShown() {
        Scripted model = new Scripted(r -> reply(GOOD));
        List<AgentCycle> cycles = run(model, LlmReasoner.Mode.WAIT);
        assertTrue(cycles.stream().filter(c -> c.atMillis() < 300_000).allMatch(c -> model.calls.get() == 0
                || ReasonerCall.SKIPPED.equals(c.call().outcome()) || c.call().outcome().equals(ReasonerCall.USED)));
        List<AgentCycle> asked = incidentCycles(cycles);
        assertFalse(asked.isEmpty());
        AgentCycle c = asked.get(0);
        assertEquals(ReasonerCall.USED, c.call().outcome());
        assertEquals(1200, c.call().promptTokens());
        Hypothesis top = c.hypotheses().get(0);
        assertEquals(Diagnosis.GATEWAY_OUTAGE, top.diagnosis());
        assertEquals(Target.gateway("stripe"), top.target());
        assertEquals("gemini", top.source());
        assertTrue(top.confidence() <= Hypothesis.MAX_CONFIDENCE);
        assertTrue(top.evidence().stream().anyMatch(e -> e.startsWith("gemini says: ")), top.evidence().toString());
        assertTrue(c.reasonerNote().startsWith("gemini test-model:"), c.reasonerNote());
        String prompt = model.requests.get(0).prompt();
        assertTrue(prompt.contains(HypothesisPrompt.DATA_OPEN) && prompt.contains("\"stripe\""), prompt);
        assertFalse(prompt.contains("k-123"));
    }

    @Test
    void everyKindOfBadAnswerFallsBackToTheHeuristicsWithTheReason() {
        String[][] cases = {
                {"{not json", "bad_answer: the answer is not JSON"},
                {"{\"hypotheses\": [{\"diagnosis\": \"reroute_everything\", \"target\": {}, \"confidence\": 0.9, \"evidence\": []}]}",
                        "bad_answer: hypotheses[0].diagnosis: 'reroute_everything' is not a diagnosis"},
                {"{\"hypotheses\": [{\"diagnosis\": \"gateway_outage\", \"target\": {\"gateway\": \"acmepay\"}, \"confidence\": 0.9, \"evidence\": []}]}",
                        "bad_answer: hypotheses[0].target: gateway=acmepay does not exist"},
                {"{\"hypotheses\": [{\"diagnosis\": \"gateway_outage\", \"target\": {\"gateway\": \"stripe\"}, \"confidence\": 7.0, \"evidence\": []}]}",
                        "bad_answer: hypotheses[0].confidence: 7.0 (expected a number from 0 to 1)"},
                {"{\"hypotheses\": [], \"actions\": [\"open every circuit\"]}", "bad_answer: actions: unexpected field"},
        };
        List<AgentCycle> heuristic = run(new Scripted(r -> {
            throw new Failing(LlmFailure.Kind.CLIENT_ERROR, "never asked");
        }), LlmReasoner.Mode.WAIT);
        for (String[] c : cases) {
            List<AgentCycle> cycles = run(new Scripted(r -> reply(c[0])), LlmReasoner.Mode.WAIT);
            AgentCycle first = incidentCycles(cycles).get(0);
            assertEquals(ReasonerCall.FALLBACK, first.call().outcome(), c[0]);
            assertTrue(first.call().reason().startsWith(c[1]), first.call().reason());
            assertTrue(first.reasonerNote().startsWith("heuristics answered"), first.reasonerNote());
            assertEquals(hypothesesOf(heuristic), hypothesesOf(cycles), "the heuristics answered exactly: " + c[0]);
        }
    }

    @Test
    void transportFailuresFallBackAndThreeInARowPauseTheModel() {
        for (LlmFailure.Kind kind : new LlmFailure.Kind[]{LlmFailure.Kind.RATE_LIMITED, LlmFailure.Kind.SERVER_ERROR,
                LlmFailure.Kind.TIMEOUT}) {
            Scripted model = new Scripted(r -> {
                throw new Failing(kind, "HTTP trouble with key k-123");
            });
            List<AgentCycle> asked = incidentCycles(run(model, LlmReasoner.Mode.WAIT));
            assertTrue(asked.get(0).call().reason().startsWith(kind.key() + ": HTTP trouble with key ***"),
                    asked.get(0).call().reason());
            assertTrue(asked.stream().anyMatch(c -> c.call().reason() != null && c.call().reason().contains("paused for 120 s")));
            AgentCycle paused = asked.stream().filter(c -> ReasonerCall.SKIPPED.equals(c.call().outcome())).findFirst()
                    .orElse(null);
            assertNull(paused, "skipped cycles are filtered out of incidentCycles");
            // 3 failed cycles, each with one retry where the kind allows, then the model is left alone
            assertEquals(kind.retryable() ? 6 : 3, model.calls.get(), kind.toString());
        }
    }

    @Test
    void aDeadlineIsHardAndALateAnswerNeverStallsTheConsole() {
        Scripted slow = new Scripted(r -> {
            try {
                Thread.sleep(r.deadlineMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reply(GOOD);
        });
        List<AgentCycle> waited = incidentCycles(run(slow, LlmReasoner.Mode.WAIT));
        assertTrue(waited.get(0).call().reason().startsWith("timeout"), waited.get(0).call().reason());

        List<AgentCycle> live = incidentCycles(run(new Scripted(r -> reply(GOOD)), LlmReasoner.Mode.NEVER_WAIT));
        assertEquals(ReasonerCall.PENDING, live.get(0).call().outcome(), "the first incident cycle does not wait");
        assertTrue(live.stream().anyMatch(c -> ReasonerCall.USED.equals(c.call().outcome())),
                "a later cycle uses an answer");
    }

    @Test
    void quietTrafficCostsNoTokens() {
        Scripted model = new Scripted(r -> reply(GOOD));
        Scenario quiet = ScenarioLoader.builtIn("quiet").withSeed(3).withDuration(300);
        Agent agent = new Agent(AgentConfig.defaults(ApprovalMode.DEFAULT_HEADLESS),
                new LlmReasoner(model, SETTINGS, LlmReasoner.Mode.WAIT), new LessonStore(), quiet.world());
        Engine engine = new Engine(quiet, agent, EngineOptions.DEFAULT, null);
        int asked = 0;
        while (!engine.finished()) {
            AgentCycle c = engine.step().step().cycle();
            if (c != null && !ReasonerCall.SKIPPED.equals(c.call().outcome())) {
                asked++;
            }
        }
        assertEquals(asked, model.calls.get());
        assertTrue(model.calls.get() <= 3, "asked " + model.calls.get() + " times on quiet traffic");
    }

    private static List<List<Hypothesis>> hypothesesOf(List<AgentCycle> cycles) {
        return cycles.stream().map(AgentCycle::hypotheses).toList();
    }
}
