package io.payops.agent.reason.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.agent.reason.llm.StubLlmServer.Reply;
import io.payops.common.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link OpenAiCompatibleClient} against {@link StubLlmServer}: what is sent, what comes back, how failures map. */
class OpenAiCompatibleClientTest {
    static final String KEY = "sk-stub-0123456789abcdefXYZ";
    static final String MODEL = "gpt-stub";
    static final String SYSTEM = GeminiClientTest.SYSTEM;
    static final String PROMPT = GeminiClientTest.PROMPT;
    static final String SCHEMA = GeminiClientTest.SCHEMA;
    static final String ANSWER = GeminiClientTest.ANSWER;
    /** See {@link GeminiClientTest#GENEROUS}: every call that must get its answer back has this long. */
    static final long GENEROUS = GeminiClientTest.GENEROUS;

    private StubLlmServer stub;

    @BeforeEach
    void start() {
        stub = StubLlmServer.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static LlmSettings settings(String baseUrl, Secret key, long deadline) {
        return new LlmSettings(LlmProvider.OPENAI, MODEL, baseUrl, key, deadline, 0);
    }

    private LlmReply call(Secret key, long deadline) throws LlmFailure {
        try (LlmClient client = new OpenAiCompatibleClient(settings(stub.baseUrl() + "/v1", key, deadline))) {
            return client.complete(new LlmRequest(SYSTEM, PROMPT, SCHEMA, deadline));
        }
    }

    private LlmFailure failure(long deadline) {
        LlmFailure f = assertThrows(LlmFailure.class, () -> call(Secret.of(KEY), deadline));
        assertFalse(f.getMessage().contains(KEY), f.getMessage());
        assertFalse(f.getMessage().contains("\n"), "one line: " + f.getMessage());
        return f;
    }

    @Test
    void aGoodAnswerReturnsTheTextAndTokensAndSendsModelMessagesSchemaAndBearerKey() throws Exception {
        stub.enqueue(Reply.ok(StubLlmServer.openAiBody(ANSWER, 640, 48)));

        LlmReply reply = call(Secret.of(KEY), GENEROUS);

        assertEquals(ANSWER, reply.text());
        assertEquals(640, reply.promptTokens());
        assertEquals(48, reply.outputTokens());
        assertEquals(1, stub.requests().size());
        StubLlmServer.Request sent = stub.requests().get(0);
        assertEquals("POST", sent.method());
        assertEquals("/v1/chat/completions", sent.path());
        assertEquals("Bearer " + KEY, sent.header("Authorization"));
        assertFalse(sent.path().contains(KEY) || sent.query().contains(KEY) || sent.body().contains(KEY));
        JsonNode body = sent.json();
        assertEquals(MODEL, body.path("model").asText());
        assertEquals("system", body.at("/messages/0/role").asText());
        assertEquals(SYSTEM, body.at("/messages/0/content").asText());
        assertEquals("user", body.at("/messages/1/role").asText());
        assertEquals(PROMPT, body.at("/messages/1/content").asText());
        assertEquals(2, body.path("messages").size());
        assertEquals("json_schema", body.at("/response_format/type").asText());
        assertEquals("hypotheses", body.at("/response_format/json_schema/name").asText());
        assertFalse(body.at("/response_format/json_schema/strict").booleanValue(), "optional target keys need non-strict");
        assertEquals(Json.mapper().readTree(SCHEMA), body.at("/response_format/json_schema/schema"));
        assertEquals(0, body.path("temperature").asInt(-1));
        assertTrue(body.path("temperature").isNumber());
    }

    @Test
    void aLocalServerNeedsNoKeyAndGetsNoAuthorizationHeader() throws Exception {
        stub.enqueue(Reply.ok(StubLlmServer.openAiBody(ANSWER, 1, 2)));

        LlmReply reply = call(Secret.NONE, GENEROUS);

        assertEquals(ANSWER, reply.text());
        assertNull(stub.requests().get(0).header("Authorization"));
    }

    @Test
    void noKeyForTheHostedEndpointFailsBeforeAnyRequest() {
        try (LlmClient client = new OpenAiCompatibleClient(settings("", Secret.NONE, GENEROUS))) {
            LlmFailure f = assertThrows(LlmFailure.class,
                    () -> client.complete(new LlmRequest(SYSTEM, PROMPT, SCHEMA, GENEROUS)));
            assertEquals(LlmFailure.Kind.NO_KEY, f.kind());
        }
        assertEquals(0, stub.requests().size());
    }

    @Test
    void missingUsageCountsZeroTokens() throws Exception {
        stub.enqueue(Reply.ok("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + Json.mapper().writeValueAsString(ANSWER) + "},\"finish_reason\":\"stop\"}]}"));

        LlmReply reply = call(Secret.of(KEY), GENEROUS);

        assertEquals(0, reply.promptTokens());
        assertEquals(0, reply.outputTokens());
    }

    @Test
    void http429IsRateLimited() {
        stub.enqueue(Reply.status(429, "{\"error\":{\"message\":\"Rate limit reached for requests\","
                + "\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));

        LlmFailure f = failure(GENEROUS);

        assertEquals(LlmFailure.Kind.RATE_LIMITED, f.kind());
        assertTrue(f.getMessage().contains("Rate limit reached"), f.getMessage());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void http500IsAServerError() {
        stub.enqueue(Reply.status(500, "{\"error\":{\"message\":\"The server had an error\"}}"));

        assertEquals(LlmFailure.Kind.SERVER_ERROR, failure(GENEROUS).kind());
    }

    @Test
    void http400IsAClientError() {
        stub.enqueue(Reply.status(400, "{\"error\":{\"message\":\"Invalid schema for response_format\","
                + "\"type\":\"invalid_request_error\"}}"));

        LlmFailure f = failure(GENEROUS);

        assertEquals(LlmFailure.Kind.CLIENT_ERROR, f.kind());
        assertTrue(f.getMessage().contains("Invalid schema"), f.getMessage());
    }

    @Test
    void anAnswerLaterThanTheDeadlineIsATimeout() {
        stub.enqueue(Reply.ok(StubLlmServer.openAiBody(ANSWER, 1, 1)).delayed(GeminiClientTest.LATE));

        assertEquals(LlmFailure.Kind.TIMEOUT, failure(GeminiClientTest.SHORT).kind());
    }

    @Test
    void aClosedPortIsANetworkFailure() {
        String closed = "http://127.0.0.1:" + StubLlmServer.closedPort() + "/v1";
        try (LlmClient client = new OpenAiCompatibleClient(settings(closed, Secret.of(KEY), GENEROUS))) {
            LlmFailure f = assertThrows(LlmFailure.class,
                    () -> client.complete(new LlmRequest(SYSTEM, PROMPT, SCHEMA, GENEROUS)));
            assertEquals(LlmFailure.Kind.NETWORK, f.kind(), f.getMessage());
            assertTrue(f.getMessage().contains("ConnectException"), f.getMessage());
        }
    }

    /** See {@link GeminiClientTest}'s test of the same name: no redirect is followed, so the key stays here. */
    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectToAnotherHostIsNotFollowedAndTheKeyStaysHere(int status) {
        GeminiClientTest.assertRedirectNotFollowed(stub, status, "/v1/chat/completions",
                Reply.ok(StubLlmServer.openAiBody(ANSWER, 1, 1)), "openai", () -> failure(GENEROUS));
    }

    @Test
    void aRedirectToTheSameOriginIsNotFollowedEither() {
        stub.enqueue(Reply.redirect(307, "/v2/chat/completions"), Reply.ok(StubLlmServer.openAiBody(ANSWER, 1, 1)));

        LlmFailure f = failure(GENEROUS);

        assertEquals(1, stub.requests().size(), "the redirect was followed");
        assertTrue(f.getMessage().contains("HTTP 307 redirect to " + stub.baseUrl() + " not followed"), f.getMessage());
    }

    @Test
    void noChoicesIsABadAnswer() {
        stub.enqueue(Reply.ok("{\"choices\":[],\"usage\":{\"prompt_tokens\":3}}"));

        assertEquals(LlmFailure.Kind.BAD_ANSWER, failure(GENEROUS).kind());
    }

    @Test
    void aBodyThatIsNotJsonIsABadAnswer() {
        stub.enqueue(Reply.ok("<html>captive portal</html>"));

        assertEquals(LlmFailure.Kind.BAD_ANSWER, failure(GENEROUS).kind());
    }

    @Test
    void aRefusalIsABadAnswerSayingWhy() {
        stub.enqueue(Reply.ok("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                + "\"refusal\":\"I cannot help with that\"},\"finish_reason\":\"stop\"}]}"));

        LlmFailure f = failure(GENEROUS);

        assertEquals(LlmFailure.Kind.BAD_ANSWER, f.kind());
        assertTrue(f.getMessage().contains("I cannot help with that"), f.getMessage());
    }

    @Test
    void anAnswerCutAtTheTokenLimitIsABadAnswer() {
        stub.enqueue(Reply.ok(StubLlmServer.openAiBody("{\"hypotheses\":[", 1, 1)
                .replace("\"stop\"", "\"length\"")));

        assertEquals(LlmFailure.Kind.BAD_ANSWER, failure(GENEROUS).kind());
    }

    @Test
    void theKeyNeverAppearsInAFailureEvenWhenTheServerEchoesIt() {
        stub.enqueue(
                Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"),
                Reply.status(502, "<html>bad gateway for Bearer " + KEY + "</html>"),
                Reply.ok("not json " + KEY),
                Reply.ok("{\"choices\":[{\"message\":{\"content\":null,\"refusal\":\"" + KEY + "\"}}]}"));
        for (int i = 0; i < 4; i++) {
            LlmFailure f = failure(GENEROUS);
            assertFalse(String.valueOf(f).contains(KEY), f.toString());
            assertTrue(f.getMessage().contains("***"), "the echo is visible, redacted: " + f.getMessage());
            assertNull(f.getCause());
        }
    }

    /**
     * A provider's error text is quoted in the failure: shown as it reads (no bidirectional controls, one line), and
     * a key split by an invisible character is still found, since the text is cleaned before it is redacted.
     */
    @Test
    void aProvidersErrorTextIsShownAsItReadsAndAKeyHiddenInItIsStillRedacted() {
        String hiddenKey = KEY.substring(0, 5) + "\u200B" + KEY.substring(5);
        stub.enqueue(Reply.status(400, "{\"error\":{\"message\":\"bad \u202Eyek\u202C " + hiddenKey
                + "\\nline two\"}}"));

        LlmFailure f = failure(GENEROUS);

        assertEquals("openai: HTTP 400: bad yek *** line two", f.getMessage());
    }

    @Test
    void createPicksTheClientByProvider() {
        try (LlmClient gemini = LlmClients.create(new LlmSettings(LlmProvider.GEMINI, "m", "", Secret.of(KEY), 1000, 0));
             LlmClient openai = LlmClients.create(settings("", Secret.NONE, 1000))) {
            assertInstanceOf(GeminiClient.class, gemini);
            assertInstanceOf(OpenAiCompatibleClient.class, openai);
        }
    }

    @Test
    void noTimeLeftIsATimeoutWithoutARequest() {
        try (LlmClient client = new OpenAiCompatibleClient(settings(stub.baseUrl() + "/v1", Secret.of(KEY), GENEROUS))) {
            LlmFailure f = assertThrows(LlmFailure.class, () -> client.complete(new LlmRequest(SYSTEM, PROMPT, SCHEMA, 0)));
            assertEquals(LlmFailure.Kind.TIMEOUT, f.kind());
        }
        assertEquals(0, stub.requests().size());
    }
}
