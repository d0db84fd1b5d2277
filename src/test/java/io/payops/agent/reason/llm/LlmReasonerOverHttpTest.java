package io.payops.agent.reason.llm;

import io.payops.domain.AgentCycle;
import io.payops.domain.ReasonerCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reasoner with the REAL clients (google-genai for Gemini, java.net.http for OpenAI-compatible) against a stub
 * HTTP server on 127.0.0.1 (DESIGN §8), through the real agent on stripe-outage: a good answer is used; malformed
 * JSON, a diagnosis outside the enum, a target that does not exist, confidence 7.0, a timeout, 429 and 500 each fall
 * back to the heuristics with the reason recorded.
 */
class LlmReasonerOverHttpTest {
    static StubLlmServer stub;
    static final String KEY = "AIza-test-key-0123456789";
    /** Every answer that must arrive has this long: far beyond what a loaded machine needs (no verdict on speed). */
    static final long GENEROUS = GeminiClientTest.GENEROUS;
    /** The deadline of the timeout case, whose stub answers ten times later. */
    static final long SHORT = 1500;

    @BeforeAll
    static void start() {
        stub = StubLlmServer.start();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    static LlmSettings settings(String provider) {
        return settings(provider, GENEROUS);
    }

    static LlmSettings settings(String provider, long deadlineMillis) {
        String base = "openai".equals(provider) ? stub.baseUrl() + "/v1" : stub.baseUrl();
        return new LlmSettings(LlmProvider.of(provider), "stub-model", base, Secret.of(KEY), deadlineMillis, 0);
    }

    static StubLlmServer.Reply answer(String provider, String text) {
        return StubLlmServer.Reply.ok("openai".equals(provider) ? StubLlmServer.openAiBody(text, 900, 60)
                : StubLlmServer.geminiBody(text, 900, 60));
    }

    /** The first cycle of the incident that asked the model, with every request answered by {@code reply}. */
    static AgentCycle firstAsked(String provider, StubLlmServer.Reply reply) {
        return firstAsked(settings(provider), reply);
    }

    static AgentCycle firstAsked(LlmSettings s, StubLlmServer.Reply reply) {
        stub.fallback(reply);
        try (LlmClient client = LlmClients.create(s)) {
            List<AgentCycle> cycles = LlmReasonerTest.run(client, s, LlmReasoner.Mode.WAIT);
            return LlmReasonerTest.incidentCycles(cycles).get(0);
        }
    }

    @Test
    void aGoodAnswerIsUsedOnBothProviders() {
        for (String provider : List.of("gemini", "openai")) {
            // answered 20 ms late, so the latency measured has a floor that holds on the fastest machine
            AgentCycle c = firstAsked(provider, answer(provider, LlmReasonerTest.GOOD).delayed(20));
            assertEquals(ReasonerCall.USED, c.call().outcome(), provider + ": " + c.call());
            assertEquals(provider, c.hypotheses().get(0).source());
            assertEquals(900, c.call().promptTokens());
            assertEquals(60, c.call().outputTokens());
            assertTrue(c.call().latencyMillis() >= 20, provider + ": latency " + c.call().latencyMillis());
        }
    }

    /** A redirect to another host is not followed by either client: that host gets nothing, the heuristics answer. */
    @Test
    void aRedirectFallsBackToTheHeuristicsAndTheOtherHostGetsNoRequest() {
        try (StubLlmServer elsewhere = StubLlmServer.start()) {
            for (String provider : List.of("gemini", "openai")) {
                elsewhere.fallback(answer(provider, LlmReasonerTest.GOOD));
                AgentCycle c = firstAsked(provider, StubLlmServer.Reply.redirect(307, elsewhere.baseUrl() + "/v1"));
                assertEquals(ReasonerCall.FALLBACK, c.call().outcome(), provider + ": " + c.call());
                assertTrue(c.call().reason().startsWith("client_error: " + provider + ": HTTP 307 redirect to "
                        + elsewhere.baseUrl() + " not followed"), provider + ": " + c.call().reason());
                assertTrue(c.hypotheses().stream().allMatch(h -> "heuristic".equals(h.source())));
            }
            // every call has returned (WAIT mode): a followed redirect would already be recorded there
            assertEquals(List.of(), elsewhere.requests());
        }
    }

    @Test
    void everyFailureFallsBackToTheHeuristicsWithTheReason() {
        String[][] answers = {
                {"{\"hypotheses\": [ {\"diagnosis\": ", "bad_answer: the answer is not JSON"},
                {"{\"hypotheses\": [{\"diagnosis\": \"meltdown\", \"target\": {}, \"confidence\": 0.9, \"evidence\": []}]}",
                        "bad_answer: hypotheses[0].diagnosis: 'meltdown' is not a diagnosis"},
                {"{\"hypotheses\": [{\"diagnosis\": \"gateway_outage\", \"target\": {\"gateway\": \"ghostpay\"}, \"confidence\": 0.9, \"evidence\": []}]}",
                        "bad_answer: hypotheses[0].target: gateway=ghostpay does not exist"},
                {"{\"hypotheses\": [{\"diagnosis\": \"gateway_outage\", \"target\": {\"gateway\": \"stripe\"}, \"confidence\": 7.0, \"evidence\": []}]}",
                        "bad_answer: hypotheses[0].confidence: 7.0"},
        };
        for (String provider : List.of("gemini", "openai")) {
            for (String[] a : answers) {
                AgentCycle c = firstAsked(provider, answer(provider, a[0]));
                assertEquals(ReasonerCall.FALLBACK, c.call().outcome(), provider + " " + a[0]);
                assertTrue(c.call().reason().startsWith(a[1]), provider + ": " + c.call().reason());
                assertTrue(c.hypotheses().stream().allMatch(h -> "heuristic".equals(h.source())));
            }
            String[][] transport = {
                    {"429", "rate_limited"}, {"500", "server_error"}};
            for (String[] t : transport) {
                AgentCycle c = firstAsked(provider, StubLlmServer.Reply.status(Integer.parseInt(t[0]),
                        "{\"error\": {\"message\": \"no, and your key " + KEY + " is noted\"}}"));
                assertTrue(c.call().reason().startsWith(t[1]), provider + " " + t[0] + ": " + c.call().reason());
                assertFalse(c.call().reason().contains(KEY), c.call().reason());
                assertFalse(c.reasonerNote().contains(KEY), c.reasonerNote());
            }
            AgentCycle slow = firstAsked(settings(provider, SHORT), answer(provider, LlmReasonerTest.GOOD)
                    .delayed(10 * SHORT));
            assertTrue(slow.call().reason().startsWith("timeout"), provider + ": " + slow.call().reason());
        }
    }
}
