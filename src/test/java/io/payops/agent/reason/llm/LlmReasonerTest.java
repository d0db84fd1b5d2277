package io.payops.agent.reason.llm;

import io.payops.agent.Agent;
import io.payops.agent.AgentConfig;
import io.payops.agent.learn.LessonStore;
import io.payops.domain.AgentCycle;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Diagnosis;
import io.payops.domain.Frame;
import io.payops.domain.Hypothesis;
import io.payops.domain.ReasonerCall;
import io.payops.domain.Target;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LLM reasoner over a scripted model, through the real agent on stripe-outage: used, refused, paused, late. */
class LlmReasonerTest {
    static final Scenario OUTAGE = ScenarioLoader.builtIn("stripe-outage").withSeed(3).withDuration(340);
    /**
     * A deadline no in-process answer comes near, however loaded the machine: no verdict here depends on its speed
     * (a retry after a failure always fits in it). The deadline itself is tested with {@link #SHORT_DEADLINE}.
     */
    static final LlmSettings SETTINGS = new LlmSettings(LlmProvider.GEMINI, "test-model", "", Secret.of("k-123"), 30_000, 1);
    static final LlmSettings SHORT_DEADLINE = new LlmSettings(LlmProvider.GEMINI, "test-model", "", Secret.of("k-123"), 2000, 1);
    static final String GOOD = """
            {"hypotheses": [{"diagnosis": "gateway_outage", "target": {"gateway": "stripe"}, "confidence": 0.9,
              "evidence": ["GATEWAY_ERROR rose on stripe"]}]}""";

    /** A model that answers from a script; counts its calls. */
    static final class Scripted implements LlmClient {
        final Function<LlmRequest, LlmReply> answer;
        final AtomicInteger calls = new AtomicInteger();
        /** Calls that have returned (an answer or a failure). */
        final AtomicInteger returned = new AtomicInteger();
        final List<LlmRequest> requests = new ArrayList<>();

        Scripted(Function<LlmRequest, LlmReply> answer) {
            this.answer = answer;
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
            } finally {
                returned.incrementAndGet();
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
        return run(client, settings, mode, () -> { });
    }

    /** Runs OUTAGE; {@code afterTick} runs after each tick, before the next. */
    static List<AgentCycle> run(LlmClient client, LlmSettings settings, LlmReasoner.Mode mode, Runnable afterTick) {
        Agent agent = new Agent(AgentConfig.defaults(ApprovalMode.DEFAULT_HEADLESS), new LlmReasoner(client, settings, mode),
                new LessonStore(), OUTAGE.world());
        Engine engine = new Engine(OUTAGE, agent, EngineOptions.DEFAULT, null);
        List<AgentCycle> cycles = new ArrayList<>();
        while (!engine.finished()) {
            Frame f = engine.step();
            if (f.step().cycle() != null) {
                cycles.add(f.step().cycle());
            }
            afterTick.run();
        }
        return cycles;
    }

    /** Blocks until every call the model has had has returned (a generous bound only ends a hang). */
    static void awaitAnswered(Scripted model) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (model.returned.get() < model.calls.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the model's call thread did not return within 60 s");
            }
            Thread.onSpinWait();
            LockSupport.parkNanos(100_000);
        }
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

    /**
     * What the model wrote reaches the hypotheses (and so the console, frames and report) as it reads: no bidi
     * override, no line break; and a key hidden by a zero-width space is redacted once the space is gone.
     */
    @Test
    void modelEvidenceIsShownAsItReadsAndAKeyHiddenInItIsRedacted() {
        String answer = GOOD.replace("GATEWAY_ERROR rose on stripe", "stripe \u202Eyhtlaeh\u202C\\nkey k-\u200B123");
        List<AgentCycle> asked = incidentCycles(run(new Scripted(r -> reply(answer)), LlmReasoner.Mode.WAIT));

        Hypothesis top = asked.get(0).hypotheses().get(0);
        assertEquals(ReasonerCall.USED, asked.get(0).call().outcome(), asked.get(0).call().toString());
        assertTrue(top.evidence().contains("gemini says: stripe yhtlaeh key ***"), top.evidence().toString());
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

    /**
     * The late model does not answer at all until the checks are done: later than the deadline by any margin,
     * however slow the machine. The console's model answers at once, and each tick waits until it has returned, so
     * the answer has arrived (but for the instant its thread takes to hand it over) before the next cycle looks for
     * it, rather than whenever the machine gets round to that thread.
     */
    @Test
    void aDeadlineIsHardAndALateAnswerNeverStallsTheConsole() {
        CountDownLatch answerAfterTheChecks = new CountDownLatch(1);
        Scripted late = new Scripted(r -> {
            try {
                answerAfterTheChecks.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reply(GOOD);
        });
        try {
            List<AgentCycle> waited = incidentCycles(run(late, SHORT_DEADLINE, LlmReasoner.Mode.WAIT));
            assertTrue(waited.get(0).call().reason().startsWith("timeout"), waited.get(0).call().reason());
            assertEquals(0, late.returned.get(), "no answer came before the checks");
        } finally {
            answerAfterTheChecks.countDown();
        }

        Scripted quick = new Scripted(r -> reply(GOOD));
        List<AgentCycle> live = incidentCycles(run(quick, SETTINGS, LlmReasoner.Mode.NEVER_WAIT,
                () -> awaitAnswered(quick)));
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
