package io.payops.agent.reason.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Any OpenAI-compatible chat-completions endpoint (OpenAI, hosted routers, local model servers) on
 * {@code java.net.http}: one POST to {@code {baseUrl}/chat/completions} asking for JSON that follows the request's
 * schema ({@code response_format: json_schema}, not strict: see the request). No retries here (the reasoner does them). The key is
 * optional: a local server needs none, so without one no Authorization header is sent, and NO_KEY is raised only
 * for the provider's own endpoint (no base URL set), where a call could only fail with 401.
 */
public final class OpenAiCompatibleClient extends ProviderClient {
    /** The name OpenAI asks for with a json_schema response format; shown in its errors. */
    static final String SCHEMA_NAME = "hypotheses";

    private final URI endpoint;
    private final HttpClient http;

    public OpenAiCompatibleClient(LlmSettings settings) {
        super(settings, LlmProvider.OPENAI);
        this.endpoint = URI.create(settings.endpointBase().replaceAll("/+$", "") + "/chat/completions");
        this.http = HttpClient.newBuilder()
                // HTTP/1.1: local servers often mishandle the h2c upgrade Java would otherwise offer on http://
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(settings.deadlineMillis()))
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect must not carry the key anywhere
                .build();
    }

    @Override
    public LlmReply complete(LlmRequest request) throws LlmFailure {
        if (!key.isPresent() && !settings.provider().keyOptionalAt(settings.baseUrl())) {
            throw new LlmFailure(LlmFailure.Kind.NO_KEY, provider + ": no API key (set "
                    + LlmProvider.OPENAI.keyVariablesText() + ", or a base URL for a server that needs none)");
        }
        FailureText.requireTimeLeft(request, provider);
        HttpRequest.Builder post = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofMillis(request.deadlineMillis()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8));
        if (key.isPresent()) {
            post.header("Authorization", "Bearer " + key.reveal());
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(post.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        // the request timeout stops waiting for the headers only; this bounds the body too
        HttpResponse<String> response = FailureText.await(call, request.deadlineMillis(), key, provider,
                cause -> FailureText.forIo(key, provider, cause));
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (response.statusCode() >= 300 && response.statusCode() <= 399) {
            // not followed (Redirect.NEVER): said as such, with where it pointed, rather than as any other 3xx status
            throw new RefusedRedirect(response.statusCode(), endpoint,
                    response.headers().firstValue("Location").orElse(null)).failure(key, provider);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw FailureText.forStatus(key, provider, response.statusCode(), errorMessage(response.body()));
        }
        return reply(response.body(), latency);
    }

    private String body(LlmRequest request) throws LlmFailure {
        JsonNode schema = schema(request);
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("model", settings.model());
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", request.system());
        messages.addObject().put("role", "user").put("content", request.prompt());
        ObjectNode format = root.putObject("response_format").put("type", "json_schema");
        // not strict: strict mode forbids optional properties (a target names only the dimensions it needs) and
        // minItems/maximum; the schema still guides the model, and LlmAnswer checks every field itself
        format.putObject("json_schema").put("name", SCHEMA_NAME).put("strict", false).set("schema", schema);
        root.put("temperature", 0);
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new LlmFailure(LlmFailure.Kind.CLIENT_ERROR, provider + ": could not write the request");
        }
    }

    private LlmReply reply(String body, long latency) throws LlmFailure {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new LlmFailure(LlmFailure.Kind.BAD_ANSWER, FailureText.of(key, provider,
                    "answer is not JSON: " + body));
        }
        JsonNode choice = root == null ? null : root.path("choices").path(0);
        if (choice == null || !choice.isObject()) {
            throw new LlmFailure(LlmFailure.Kind.BAD_ANSWER, FailureText.of(key, provider, "answer has no choices"));
        }
        JsonNode message = choice.path("message");
        String text = message.path("content").isTextual() ? message.path("content").asText() : null;
        if (text == null || text.isBlank()) {
            String refusal = message.path("refusal").isTextual() ? " (refused: " + message.path("refusal").asText()
                    + ")" : "";
            throw new LlmFailure(LlmFailure.Kind.BAD_ANSWER, FailureText.of(key, provider, "empty answer" + refusal));
        }
        String finish = choice.path("finish_reason").asText("");
        if (finish.equals("length") || finish.equals("content_filter")) {
            // cut-off or filtered JSON is not the answer asked for
            throw new LlmFailure(LlmFailure.Kind.BAD_ANSWER, FailureText.of(key, provider, "answer stopped early ("
                    + finish + ")"));
        }
        JsonNode usage = root.path("usage");
        return new LlmReply(text, usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0),
                latency);
    }

    /** {@code error.message} of an OpenAI-style error body, else the start of the body as text. */
    private static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode error = Json.mapper().readTree(body).path("error");
            if (error.isObject() && error.path("message").isTextual()) {
                return error.path("message").asText();
            }
            if (error.isTextual()) {
                return error.asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON (a proxy's HTML page): the text itself says most
        }
        return body;
    }
}
