package io.payops.agent.reason.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.agent.reason.llm.StubLlmServer.Reply;
import io.payops.common.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real google-genai SDK against {@link StubLlmServer}: what is sent, what comes back, how failures map. */
class GeminiClientTest {
    static final String KEY = "AIzaStubKey-0123456789abcdef";
    static final String MODEL = "gemini-stub";
    static final String SYSTEM = "You interpret measurements. Answer JSON only.";
    static final String PROMPT = "snapshot: psp-a error rate 0.31";
    static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"hypotheses\":{\"type\":\"array\","
            + "\"items\":{\"type\":\"object\",\"properties\":{\"diagnosis\":{\"type\":\"string\","
            + "\"enum\":[\"PSP_DEGRADED\",\"NONE\"]}},\"required\":[\"diagnosis\"]}}},\"required\":[\"hypotheses\"]}";
    static final String ANSWER = "{\"hypotheses\":[{\"diagnosis\":\"PSP_DEGRADED\"}]}";
    /**
     * The deadline of every call that must get its answer (or its error) back: far beyond what a loaded machine needs
     * to reach a stub on 127.0.0.1, so no verdict depends on the machine's speed. Only the deadline tests use short
     * ones, against a stub that answers 100 times later.
     */
    static final long GENEROUS = 30_000;
    /** A deadline for the tests of the deadline itself, and how much later than it the stub answers. */
    static final long SHORT = 300;
    static final long LATE = 100 * SHORT;

    private StubLlmServer stub;
    /** Everything java.util.logging (the SDK's and OkHttp's logger) records during a test. */
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level sdkLevel;
    private Level okLevel;

    /** One call in this JVM first, so the SDK's class loading (over a second) is not paid inside a test's call. */
    @BeforeAll
    static void warmTheSdk() throws Exception {
        try (StubLlmServer warm = StubLlmServer.start();
             LlmClient client = new GeminiClient(settings(warm.baseUrl(), Secret.of(KEY), GENEROUS))) {
            warm.enqueue(Reply.ok(StubLlmServer.geminiBody(ANSWER, 1, 1)));
            client.complete(new LlmRequest(SYSTEM, PROMPT, SCHEMA, GENEROUS));
        }
    }

    @BeforeEach
    void start() {
        stub = StubLlmServer.start();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        sdkLevel = Logger.getLogger("com.google.genai").getLevel();
        okLevel = Logger.getLogger("okhttp3").getLevel();
        Logger.getLogger("com.google.genai").setLevel(Level.ALL);
        Logger.getLogger("okhttp3").setLevel(Level.ALL);
    }

    @AfterEach
    void stop() {
        stub.close();
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("com.google.genai").setLevel(sdkLevel);
        Logger.getLogger("okhttp3").setLevel(okLevel);
        for (LogRecord r : logged) {
            String text = r.getMessage() + " " + (r.getThrown() == null ? "" : r.getThrown());
            assertFalse(text.contains(KEY), "the key was logged by " + r.getLoggerName() + ": " + text);
        }
    }

    private static LlmSettings settings(String baseUrl, Secret key, long deadline) {
        return new LlmSettings(LlmProvider.GEMINI, MODEL, baseUrl, key, deadline, 0);
    }

    private LlmReply call(long deadline) throws LlmFailure {
        try (LlmClient client = new GeminiClient(settings(stub.baseUrl(), Secret.of(KEY), deadline))) {
            return client.complete(new LlmRequest(SYSTEM, PROMPT, SCHEMA, deadline));
        }
    }

    private LlmFailure failure(long deadline) {
        LlmFailure f = assertThrows(LlmFailure.class, () -> call(deadline));
        assertFalse(f.getMessage().contains(KEY), f.getMessage());
        assertFalse(f.getMessage().contains("\n"), "one line: " + f.getMessage());
        return f;
    }

    @Test
    void aGoodAnswerReturnsTheTextAndTokensAndSendsModelSystemSchemaAndKeyInAHeader() throws Exception {
        stub.enqueue(Reply.ok(StubLlmServer.geminiBody(ANSWER, 812, 64)));

        LlmReply reply = call(GENEROUS);

        assertEquals(ANSWER, reply.text());
        assertEquals(812, reply.promptTokens());
        assertEquals(64, reply.outputTokens());
        assertTrue(reply.latencyMillis() >= 0);
        assertEquals(1, stub.requests().size());
        StubLlmServer.Request sent = stub.requests().get(0);
        assertEquals("POST", sent.method());
        assertEquals("/v1beta/models/" + MODEL + ":generateContent", sent.path());
        assertEquals(KEY, sent.header("x-goog-api-key"));
        assertFalse(sent.path().contains(KEY) || sent.query().contains(KEY), "the key must not be in the URL");
        JsonNode body = sent.json();
        assertFalse(body.toString().contains(KEY));
        assertEquals(SYSTEM, body.at("/systemInstruction/parts/0/text").asText());
        assertEquals(PROMPT, body.at("/contents/0/parts/0/text").asText());
        assertEquals("user", body.at("/contents/0/role").asText());
        assertEquals("application/json", body.at("/generationConfig/responseMimeType").asText());
        assertEquals(Json.mapper().readTree(SCHEMA), body.at("/generationConfig/responseJsonSchema"));
        assertTrue(body.at("/generationConfig/responseSchema").isMissingNode(), "one schema form only");
        assertEquals(0.0, body.at("/generationConfig/temperature").asDouble(-1), 0.0);
    }

    @Test
    void missingUsageMetadataCountsZeroTokens() throws Exception {
        stub.enqueue(Reply.ok("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":"
                + Json.mapper().writeValueAsString(ANSWER) + "}]},\"finishReason\":\"STOP\"}]}"));

        LlmReply reply = call(GENEROUS);

        assertEquals(ANSWER, reply.text());
        assertEquals(0, reply.promptTokens());
        assertEquals(0, reply.outputTokens());
    }

    @Test
    void http429IsRateLimitedAndTheSdkDoesNotRetryOrBackOff() {
        stub.enqueue(Reply.status(429, "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\","
                + "\"status\":\"RESOURCE_EXHAUSTED\"}}"));

        LlmFailure f = failure(GENEROUS);

        assertEquals(LlmFailure.Kind.RATE_LIMITED, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("429") && f.getMessage().contains("RESOURCE_EXHAUSTED"), f.getMessage());
        assertEquals(1, stub.requests().size(), "a retry would show as a second request");
        assertTheSdkNeverBacksOff();
    }

    /**
     * The SDK's back-off is a sleep of 0–2 s (with its default options) after a 429/5xx, even after the last
     * attempt, before it returns: a sleep has no lower bound to time, so it is ruled out where it comes from. The
     * SDK's RetryInterceptor sleeps only for a status in the retry options' list, and the client gives it none.
     */
    private static void assertTheSdkNeverBacksOff() {
        com.google.genai.types.HttpRetryOptions retry = GeminiClient.httpOptions(settings("", Secret.of(KEY), GENEROUS))
                .retryOptions().orElseThrow();
        assertEquals(1, retry.attempts().orElseThrow(), "one attempt");
        assertEquals(List.of(), retry.httpStatusCodes().orElseThrow(), "no status is retried, so none is slept on");
        assertEquals(0.0, retry.initialDelay().orElseThrow(), "no back-off either way");
        assertEquals(0.0, retry.maxDelay().orElseThrow());
    }

    @Test
    void http500IsAServerErrorWithoutRetry() {
        stub.enqueue(Reply.status(500, "{\"error\":{\"code\":500,\"message\":\"internal\",\"status\":\"INTERNAL\"}}"));

        LlmFailure f = failure(GENEROUS);

        assertEquals(LlmFailure.Kind.SERVER_ERROR, f.kind(), f.getMessage());
        assertEquals(1, stub.requests().size());
        assertTheSdkNeverBacksOff();
    }

    @Test
    void http503WithAnHtmlBodyIsAServerError() {
        stub.enqueue(Reply.status(503, "<html><body>\n<h1>Service Unavailable</h1>\n</body></html>"));

        assertEquals(LlmFailure.Kind.SERVER_ERROR, failure(GENEROUS).kind());
    }

    @Test
    void http400IsAClientError() {
        stub.enqueue(Reply.status(400, "{\"error\":{\"code\":400,\"message\":\"Invalid JSON payload\","
                + "\"status\":\"INVALID_ARGUMENT\"}}"));

        LlmFailure f = failure(GENEROUS);

        assertEquals(LlmFailure.Kind.CLIENT_ERROR, f.kind());
        assertTrue(f.getMessage().contains("Invalid JSON payload"), f.getMessage());
    }

    @Test
    void anAnswerLaterThanTheDeadlineIsATimeout() {
        stub.enqueue(Reply.ok(StubLlmServer.geminiBody(ANSWER, 1, 1)).delayed(LATE));

        assertEquals(LlmFailure.Kind.TIMEOUT, failure(SHORT).kind());
    }

    @Test
    void aClosedPortIsANetworkFailure() {
        String closed = "http://127.0.0.1:" + StubLlmServer.closedPort();
        try (LlmClient client = new GeminiClient(settings(closed, Secret.of(KEY), GENEROUS))) {
            LlmFailure f = assertThrows(LlmFailure.class,
                    () -> client.complete(new LlmRequest(SYSTEM, PROMPT, SCHEMA, GENEROUS)));
            assertEquals(LlmFailure.Kind.NETWORK, f.kind(), f.getMessage());
            assertTrue(f.getMessage().contains("ConnectException"), f.getMessage());
        }
    }

    /**
     * No redirect is followed, whatever its kind: the host it points at gets no request (so never the key; issue 17:
     * a 307 made the SDK send x-goog-api-key there), and the call fails naming the status and the Location's origin
     * (not its path or query, which may hold a token).
     */
    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectToAnotherHostIsNotFollowedAndTheKeyStaysHere(int status) {
        assertRedirectNotFollowed(stub, status, "/v1beta/models/" + MODEL + ":generateContent",
                Reply.ok(StubLlmServer.geminiBody(ANSWER, 1, 1)), "gemini", () -> failure(GENEROUS));
    }

    /**
     * Has {@code stub} answer with a {@code status} redirect to {@code path} on a second stub that would answer well,
     * then checks that {@code call} fails for the redirect alone: a client error naming the status and the second
     * stub's origin only, and the second stub got no request. Shared with {@link OpenAiCompatibleClientTest}.
     */
    static void assertRedirectNotFollowed(StubLlmServer stub, int status, String path, Reply good, String provider,
                                          java.util.function.Supplier<LlmFailure> call) {
        try (StubLlmServer elsewhere = StubLlmServer.start()) {
            elsewhere.fallback(good);
            stub.enqueue(Reply.redirect(status, elsewhere.baseUrl() + path + "?token=path-secret"));

            LlmFailure f = call.get();

            // a followed redirect is sent before the call returns: nothing can still be on its way
            assertEquals(List.of(), elsewhere.requests(), "the redirect was followed to the other host");
            assertEquals(1, stub.requests().size());
            assertEquals(LlmFailure.Kind.CLIENT_ERROR, f.kind(), f.getMessage());
            assertTrue(f.getMessage().startsWith(provider + ": HTTP " + status + " redirect to " + elsewhere.baseUrl()
                    + " not followed"), f.getMessage());
            assertFalse(f.getMessage().contains("path-secret") || f.getMessage().contains(path), f.getMessage());
        }
    }

    /** The same origin is refused too: one rule, no exception to get wrong. */
    @Test
    void aRedirectToTheSameOriginIsNotFollowedEither() {
        stub.enqueue(Reply.redirect(307, "/v1beta/models/other:generateContent"),
                Reply.ok(StubLlmServer.geminiBody(ANSWER, 1, 1)));

        LlmFailure f = failure(GENEROUS);

        assertEquals(1, stub.requests().size(), "the redirect was followed");
        assertTrue(f.getMessage().contains("HTTP 307 redirect to " + stub.baseUrl() + " not followed"), f.getMessage());
    }

    @Test
    void noCandidatesIsABadAnswer() {
        stub.enqueue(Reply.ok("{\"candidates\":[],\"usageMetadata\":{\"promptTokenCount\":5}}"));

        LlmFailure f = failure(GENEROUS);

        assertEquals(LlmFailure.Kind.BAD_ANSWER, f.kind());
        assertTrue(f.getMessage().contains("no candidates"), f.getMessage());
    }

    @Test
    void aCandidateWithoutTextIsABadAnswer() {
        stub.enqueue(Reply.ok("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[]},"
                + "\"finishReason\":\"STOP\"}]}"));

        assertEquals(LlmFailure.Kind.BAD_ANSWER, failure(GENEROUS).kind());
    }

    @Test
    void aSafetyStopIsABadAnswerSayingWhy() {
        stub.enqueue(Reply.ok(StubLlmServer.geminiBody(ANSWER, 5, 8).replace("\"STOP\"", "\"SAFETY\"")));

        LlmFailure f = failure(GENEROUS);

        assertEquals(LlmFailure.Kind.BAD_ANSWER, f.kind());
        assertTrue(f.getMessage().contains("SAFETY"), f.getMessage());
    }

    @Test
    void thoughtPartsAreNotPartOfTheAnswer() throws Exception {
        stub.enqueue(Reply.ok("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":["
                + "{\"text\":\"let me think\",\"thought\":true},{\"text\":" + Json.mapper().writeValueAsString(ANSWER)
                + "}]},\"finishReason\":\"STOP\"}]}"));

        assertEquals(ANSWER, call(GENEROUS).text());
    }

    @Test
    void aBlockedPromptIsABadAnswerSayingWhy() {
        stub.enqueue(Reply.ok("{\"promptFeedback\":{\"blockReason\":\"SAFETY\"},\"usageMetadata\":"
                + "{\"promptTokenCount\":5}}"));

        LlmFailure f = failure(GENEROUS);

        assertEquals(LlmFailure.Kind.BAD_ANSWER, f.kind());
        assertTrue(f.getMessage().contains("SAFETY"), f.getMessage());
    }

    @Test
    void anAnswerCutAtMaxTokensIsABadAnswer() {
        stub.enqueue(Reply.ok(StubLlmServer.geminiBody("{\"hypotheses\":[{\"diag", 5, 8)
                .replace("\"STOP\"", "\"MAX_TOKENS\"")));

        LlmFailure f = failure(GENEROUS);

        assertEquals(LlmFailure.Kind.BAD_ANSWER, f.kind());
        assertTrue(f.getMessage().contains("MAX_TOKENS"), f.getMessage());
    }

    @Test
    void aBodyThatIsNotJsonIsABadAnswer() {
        stub.enqueue(Reply.ok("<html>captive portal</html>"));

        assertEquals(LlmFailure.Kind.BAD_ANSWER, failure(GENEROUS).kind());
    }

    @Test
    void noKeyFailsBeforeAnyRequest() {
        try (LlmClient client = new GeminiClient(settings(stub.baseUrl(), Secret.NONE, GENEROUS))) {
            LlmFailure f = assertThrows(LlmFailure.class,
                    () -> client.complete(new LlmRequest(SYSTEM, PROMPT, SCHEMA, GENEROUS)));
            assertEquals(LlmFailure.Kind.NO_KEY, f.kind());
        }
        assertEquals(0, stub.requests().size());
    }

    @Test
    void theKeyNeverAppearsInAFailureEvenWhenTheServerEchoesIt() {
        stub.enqueue(
                Reply.status(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid: " + KEY
                        + "\",\"status\":\"INVALID_ARGUMENT\"}}"),
                Reply.status(403, "{\"error\":{\"code\":403,\"message\":\"denied\",\"status\":\"" + KEY + "\"}}"),
                Reply.status(500, "key=" + KEY + "\n" + KEY),
                Reply.ok("not json " + KEY),
                Reply.ok("{\"promptFeedback\":{\"blockReason\":\"OTHER\",\"blockReasonMessage\":\"" + KEY + "\"}}"));
        for (int i = 0; i < 5; i++) {
            LlmFailure f = failure(GENEROUS);
            assertFalse(String.valueOf(f).contains(KEY), f.toString());
            assertNull(f.getCause(), "no cause that could carry the SDK's unredacted message");
        }
        assertTrue(stub.requests().size() == 5);
    }

    @Test
    void aSchemaThatIsNotJsonIsAClientErrorWithoutARequest() {
        try (LlmClient client = new GeminiClient(settings(stub.baseUrl(), Secret.of(KEY), GENEROUS))) {
            LlmFailure f = assertThrows(LlmFailure.class,
                    () -> client.complete(new LlmRequest(SYSTEM, PROMPT, "{not a schema", GENEROUS)));
            assertEquals(LlmFailure.Kind.CLIENT_ERROR, f.kind());
        }
        assertEquals(0, stub.requests().size());
    }

    @Test
    void noTimeLeftIsATimeoutWithoutARequest() {
        try (LlmClient client = new GeminiClient(settings(stub.baseUrl(), Secret.of(KEY), GENEROUS))) {
            LlmFailure f = assertThrows(LlmFailure.class, () -> client.complete(new LlmRequest(SYSTEM, PROMPT, SCHEMA, 0)));
            assertEquals(LlmFailure.Kind.TIMEOUT, f.kind());
        }
        assertEquals(0, stub.requests().size());
    }
}
