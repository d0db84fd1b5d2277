package io.payops.cli;

import io.payops.agent.reason.llm.StubLlmServer;
import io.payops.connect.routing.RoutingReceiver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --reasoner gemini} through the real jar against a stub server that misbehaves in every way that could
 * carry the key back (it echoes the key in 401, 429 and 500 bodies, and in a "model answer"): the key appears in no
 * output, no report, no state file and no recording. Then the same for a missing key and a bad option, and for a
 * persisted heuristic run with keys in the environment (DESIGN §5.6). A process of its own, because the key comes
 * from the environment and only a started process can be given one.
 */
class LlmKeyIT extends AbstractJarIT {
    static final String KEY = "AIzaSy-LEAK-CANARY-9f8e7d6c5b4a";

    @Test
    void theKeyNeverLeavesMemory() throws IOException {
        try (StubLlmServer stub = StubLlmServer.start()) {
            String echo = "{\"error\": {\"code\": 401, \"message\": \"API key " + KEY + " not valid\"}}";
            stub.enqueue(StubLlmServer.Reply.status(401, echo), StubLlmServer.Reply.status(429, echo),
                    StubLlmServer.Reply.status(500, echo),
                    StubLlmServer.Reply.ok(StubLlmServer.geminiBody("{\"hypotheses\": \"" + KEY + "\"}", 10, 10)),
                    StubLlmServer.Reply.ok(StubLlmServer.geminiBody("{\"hypotheses\": [{\"diagnosis\": \"gateway_outage\", "
                            + "\"target\": {\"gateway\": \"stripe\"}, \"confidence\": 0.9, \"evidence\": [\"the key is "
                            + KEY + "\"]}]}", 10, 10)));
            stub.fallback(StubLlmServer.Reply.ok(StubLlmServer.geminiBody("""
                    {"hypotheses": [{"diagnosis": "gateway_outage", "target": {"gateway": "stripe"}, "confidence": 0.9,
                      "evidence": ["stripe fails"]}]}""", 800, 40)));
            Result r = payops(Map.of("GEMINI_API_KEY", KEY), 180, "run", "--scenario", "stripe-outage", "--duration",
                    "600", "--reasoner", "gemini", "--llm-base-url", stub.baseUrl(), "--llm-retries", "0",
                    // every scripted error must come back as itself, never as a timeout of a busy machine
                    "--llm-deadline-ms", "30000",
                    "--state", "st", "--report", "r.json");
            assertExit(0, r);
            assertTrue(stub.requests().size() > 5, "the model was asked " + stub.requests().size() + " times");
            assertTrue(stub.requests().get(0).header("x-goog-api-key") != null, "the key went in its header");
            assertTrue(r.stdout().contains("llm gemini"), r.describe());
            String report = read(work.resolve("r.json"));
            assertTrue(report.contains("\"llm\"") && report.contains("client_error") && report.contains("rate_limited"),
                    report);
            assertNoKey(r);
        }
    }

    /** Issue #17: a 307 from the model's server must not carry the key to the host it names. */
    @Test
    void aRedirectNeverCarriesTheKeyToAnotherHost() throws IOException {
        try (StubLlmServer elsewhere = StubLlmServer.start(); StubLlmServer stub = StubLlmServer.start()) {
            elsewhere.fallback(StubLlmServer.Reply.ok(StubLlmServer.geminiBody("{\"hypotheses\": []}", 1, 1)));
            stub.fallback(StubLlmServer.Reply.redirect(307, elsewhere.baseUrl() + "/stolen"));
            Result r = payops(Map.of("GEMINI_API_KEY", KEY), 180, "run", "--scenario", "stripe-outage", "--duration",
                    "600", "--reasoner", "gemini", "--llm-base-url", stub.baseUrl(), "--llm-retries", "0",
                    "--llm-deadline-ms", "30000", "--state", "st", "--report", "r.json");
            assertExit(0, r);
            assertTrue(stub.requests().size() > 0, "the model was asked");
            assertEquals(0, elsewhere.requests().size(), "the host the redirect named was never called");
            String report = read(work.resolve("r.json"));
            assertTrue(report.contains("\"llm\"") && report.contains("client_error"), report);
            assertNoKey(r);
        }
    }

    @Test
    void aMissingKeyOrABadLlmOptionIsBadInput() {
        String msg = assertBadInput(payops(Map.of("GEMINI_API_KEY", "", "GOOGLE_API_KEY", ""), 60, "run",
                "--scenario", "quiet", "--reasoner", "gemini"));
        assertTrue(msg.contains("GEMINI_API_KEY or GOOGLE_API_KEY"), msg);
        msg = assertBadInput(payops("run", "--scenario", "quiet", "--reasoner", "claude"));
        assertTrue(msg.contains("--reasoner") && msg.contains("heuristic, gemini, openai"), msg);
        msg = assertBadInput(payops(Map.of("GEMINI_API_KEY", KEY), 60, "run", "--scenario", "quiet", "--reasoner",
                "gemini", "--llm-base-url", "ftp://x"));
        assertTrue(msg.contains("base URL") && !msg.contains(KEY), msg);
        msg = assertBadInput(payops(Map.of("GEMINI_API_KEY", KEY), 60, "run", "--scenario", "quiet", "--reasoner",
                "gemini", "--llm-deadline-ms", "5"));
        assertTrue(msg.contains("deadline") && msg.contains("100 to 120000"), msg);
    }

    /** DESIGN §5.6: no API key or secret is ever written to state/ or a log, whatever the environment holds. */
    @Test
    void noSecretFromTheEnvironmentLandsInTheStateFolderOrTheOutput() throws IOException {
        String key = "AIzaSy-TEST-SECRET-0123456789abcdef";
        Result r = payops(Map.of("GEMINI_API_KEY", key, "GOOGLE_API_KEY", key, "OPENAI_API_KEY", key), 120,
                "run", "--scenario", "stripe-outage", "--seed", "5", "--duration", "420", "--state", "st",
                "--report", "r.json");
        assertExit(0, r);
        assertFalse(r.stdout().contains(key) || r.stderr().contains(key), r.describe());
        assertNoFileHolds(key, "TEST-SECRET");
    }

    /**
     * Issue #19: the routing webhook's HMAC secret, given through {@code --routing-secret-env}, signs every delivery and
     * appears nowhere else: not in stdout or stderr (the router's failures are reported there), the report, the state
     * folder, the recording or the routing file, even when the router echoes it back in its error bodies.
     */
    @Test
    void theRoutingWebhookSecretNeverLeavesMemory() throws Exception {
        String secret = "whsec-LEAK-CANARY-routing-4b3a2918";
        try (RoutingReceiver router = RoutingReceiver.start(secret)) {
            // the first change: a 500 (retried), then a 401 (refused); each answer's body names the secret
            router.answer(500, 401);
            Result r = payops(Map.of("PAYOPS_ROUTING_SECRET", secret), 180, "run", "--scenario",
                    "hdfc-trouble-spreads", "--seed", "7", "--duration", "900", "--routing-webhook", router.url(),
                    "--routing-secret-env", "PAYOPS_ROUTING_SECRET", "--routing-file", "routing.json",
                    "--state", "st", "--report", "r.json");
            assertExit(0, r);
            assertTrue(router.requests().size() >= 4, "changes were posted: " + router.requests().size());
            assertTrue(router.requests().stream().allMatch(RoutingReceiver.Request::signatureValid),
                    "every delivery signed with the secret");
            assertTrue(r.stderr().contains("answered HTTP 500") && r.stderr().contains("HTTP 401"), r.describe());
            assertTrue(read(work.resolve("routing.json")).contains("\"idempotencyKey\""));
            assertFalse(r.stdout().contains(secret) || r.stderr().contains(secret), r.describe());
            assertFalse(r.stdout().contains("LEAK-CANARY") || r.stderr().contains("LEAK-CANARY"), r.describe());
            assertNoFileHolds(secret, "LEAK-CANARY");
        }
        String msg = assertBadInput(payops(Map.of(), 60, "run", "--scenario", "quiet", "--routing-webhook",
                "http://127.0.0.1:9/routing", "--routing-secret-env", "PAYOPS_NO_SUCH_SECRET"));
        assertTrue(msg.contains("PAYOPS_NO_SUCH_SECRET is not set"), msg);
    }

    private void assertNoKey(Result r) throws IOException {
        assertFalse(r.stdout().contains(KEY) || r.stderr().contains(KEY), r.describe());
        assertFalse(r.stdout().contains("LEAK-CANARY") || r.stderr().contains("LEAK-CANARY"), r.describe());
        assertNoFileHolds(KEY, "LEAK-CANARY");
    }
}
