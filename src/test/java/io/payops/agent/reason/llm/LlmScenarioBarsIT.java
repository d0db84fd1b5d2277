package io.payops.agent.reason.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.Json;
import io.payops.domain.ApprovalMode;
import io.payops.engine.RunSettings;
import io.payops.report.IncidentReport;
import io.payops.report.RunReport;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the LLM on (the real Gemini client, a stub server on 127.0.0.1 answering like a model that reads the
 * measurements well: it restates the statistical hypotheses the prompt carries), a headless run over the built-in
 * fault scenarios is no worse than the heuristics on the agent's bars; and with the LLM failing every call the run
 * is the heuristic run, decision for decision.
 */
class LlmScenarioBarsIT {
    static final List<String> SCENARIOS = List.of("stripe-outage", "sbi-degradation", "hdfc-trouble-spreads",
            "icici-down-everywhere", "paypal-latency-spike", "adyen-retry-storm", "network-errors-everywhere",
            "user-decline-surge", "quiet");
    static StubLlmServer stub;
    /** How often the good model's answers were used, per scenario run so far. */
    static final Map<String, Integer> GOOD_MODEL_USED = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        stub = StubLlmServer.start();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    /** A good model: the hypotheses the measurements support, restated from the prompt's data block. */
    static StubLlmServer.Reply goodAnswer(StubLlmServer.Request request) {
        try {
            String prompt = request.json().at("/contents/0/parts/0/text").asText();
            String data = prompt.substring(prompt.indexOf(HypothesisPrompt.DATA_OPEN) + HypothesisPrompt.DATA_OPEN.length(),
                    prompt.indexOf(HypothesisPrompt.DATA_CLOSE));
            JsonNode stated = Json.mapper().readTree(data).get("statisticalHypotheses");
            ObjectNode answer = Json.mapper().createObjectNode();
            var list = answer.putArray("hypotheses");
            for (JsonNode h : stated) {
                ObjectNode o = list.addObject();
                o.set("diagnosis", h.get("diagnosis"));
                o.set("target", h.get("target"));
                o.set("confidence", h.get("confidence"));
                o.putArray("evidence").add("restating the measured " + h.get("diagnosis").asText());
            }
            return StubLlmServer.Reply.ok(StubLlmServer.geminiBody(Json.mapper().writeValueAsString(answer), 1500, 120));
        } catch (Exception e) {
            return StubLlmServer.Reply.status(500, "{\"error\": {\"message\": \"stub: " + e + "\"}}");
        }
    }

    static RunReport run(Scenario s, String reasoner) {
        if ("heuristic".equals(reasoner)) {
            return ScenarioRunner.run(s, RunSettings.of("agent"));
        }
        // a deadline the stub never comes near, so a loaded machine cannot turn a good answer into a timeout
        LlmSettings llm = new LlmSettings(LlmProvider.GEMINI, "stub-model", stub.baseUrl(), Secret.of("k"),
                GeminiClientTest.GENEROUS, 0);
        return ScenarioRunner.run(s, new RunSettings("agent", ApprovalMode.DEFAULT_HEADLESS, "gemini", llm,
                LlmReasoner.Mode.WAIT));
    }

    static List<String> scenarios() {
        return SCENARIOS;
    }

    /** One case per scenario, so one scenario's failure hides no other's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aGoodModelIsNoWorseThanTheHeuristicsAndAFailingOneIsTheHeuristics(String name) {
        Scenario s = ScenarioLoader.builtIn(name);
        RunReport heuristic = run(s, "heuristic");

        stub.respond(LlmScenarioBarsIT::goodAnswer);
        RunReport good = run(s, "gemini");
        GOOD_MODEL_USED.put(name, good.llm() == null ? 0 : good.llm().used());
        assertTrue(good.falseActions() <= heuristic.falseActions(), name + ": false actions " + good.falseActions());
        assertTrue(good.excessFailures() <= heuristic.excessFailures() + Math.max(2, 0.05 * heuristic.excessFailures()),
                name + ": excess failures " + good.excessFailures() + " vs " + heuristic.excessFailures());
        for (int i = 0; i < heuristic.incidents().size(); i++) {
            IncidentReport h = heuristic.incidents().get(i);
            IncidentReport g = good.incidents().get(i);
            if (Objects.equals(h.diagnosis(), h.fault())) {
                assertEquals(h.diagnosis(), g.diagnosis(), name + ": diagnosis");
                assertEquals(h.diagnosisTarget(), g.diagnosisTarget(), name + ": diagnosis target");
            }
            if (h.detectedAtSecond() != null) {
                assertTrue(g.detectedAtSecond() != null
                        && g.detectedAtSecond().doubleValue() <= h.detectedAtSecond().doubleValue(), name + ": detection");
            }
        }

        stub.fallback(StubLlmServer.Reply.status(503, "{\"error\": {\"message\": \"overloaded\"}}"));
        RunReport failing = run(s, "gemini");
        assertEquals(comparable(heuristic), comparable(failing), name + ": a model failing every call changes nothing");
        assertTrue(failing.llm() == null || failing.llm().used() == 0);
    }

    /**
     * The bars above would hold trivially if the good model's answers were never used: over the whole suite they
     * must have been used more than 100 times. Checked once every scenario has run (not when a single case is run).
     */
    @AfterAll
    static void theGoodModelWasReallyUsed() {
        if (GOOD_MODEL_USED.keySet().containsAll(SCENARIOS)) {
            int used = GOOD_MODEL_USED.values().stream().mapToInt(Integer::intValue).sum();
            assertTrue(used > 100, "the good model's answers were used " + used + " times: " + GOOD_MODEL_USED);
        }
    }

    /** The report without what is allowed to differ: wall time, the reasoner's name and its usage section. */
    private static JsonNode comparable(RunReport r) {
        ObjectNode n = Json.mapper().valueToTree(r);
        n.remove(List.of("wallMillis", "reasoner", "llm"));
        return n;
    }
}
