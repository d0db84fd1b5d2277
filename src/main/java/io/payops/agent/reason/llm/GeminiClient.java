package io.payops.agent.reason.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.Candidate;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.Content;
import com.google.genai.types.FinishReason;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Part;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gemini through the google-genai SDK (1.70.0). The SDK is configured so nothing comes from the environment (key,
 * base URL and Vertex mode are always passed explicitly), it never retries (the reasoner does bounded retries
 * itself, and the SDK's default is 5 attempts with back-off of up to a minute), it never follows a redirect (see
 * {@link #httpClient}), and every call is cut at its deadline twice: by OkHttp's call timeout inside the SDK and by a
 * {@link Future#get} here.
 */
public final class GeminiClient extends ProviderClient {
    /** Null without a key: the SDK would then read GOOGLE_API_KEY itself, and we answer NO_KEY instead. */
    private final Client sdk;
    /** Runs the SDK's blocking call so the caller can stop waiting at the deadline whatever the SDK does. */
    private final ExecutorService calls;

    /** Takes about a second in a fresh JVM (the SDK's client, then {@link #warmUp}): build it off the FX thread. */
    public GeminiClient(LlmSettings settings) {
        super(settings, LlmProvider.GEMINI);
        this.sdk = key.isPresent() ? newSdkClient(settings) : null;
        if (sdk != null) {
            warmUp();
        }
        AtomicInteger n = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gemini-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static Client newSdkClient(LlmSettings settings) {
        return Client.builder()
                .apiKey(settings.apiKey().reveal())
                .vertexAI(false) // not GOOGLE_GENAI_USE_VERTEXAI
                .httpOptions(httpOptions(settings))
                .clientOptions(ClientOptions.builder().customHttpClient(httpClient(settings)).build())
                .build();
    }

    /**
     * The OkHttp client the SDK builds on, made here because OkHttp's own default follows redirects, with the
     * x-goog-api-key header, to wherever they point: this one follows none, and reports a 3xx as a
     * {@link RefusedRedirect}. The SDK adds its retry interceptor to it and sets each call's timeout itself; the
     * other timeouts are what the SDK gives its own client (none: the call timeout bounds the whole call).
     */
    private static OkHttpClient httpClient(LlmSettings settings) {
        return new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(chain -> {
                    Response response = chain.proceed(chain.request());
                    if (response.code() >= 300 && response.code() <= 399) {
                        response.close();
                        throw new RefusedRedirect(response.code(), response.request().url().uri(),
                                response.header("Location"));
                    }
                    return response;
                })
                .connectTimeout(Duration.ZERO)
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .callTimeout(Duration.ofMillis(settings.deadlineMillis()))
                .build();
    }

    /** The SDK's HTTP options: our base URL and deadline, and no retry or back-off. Package-private for tests. */
    static HttpOptions httpOptions(LlmSettings settings) {
        return HttpOptions.builder()
                // always set (the provider's own when none is): GOOGLE_GEMINI_BASE_URL must not send our key elsewhere
                .baseUrl(settings.endpointBase())
                .timeout((int) settings.deadlineMillis())
                // attempts 1 alone is not enough: on a 429/5xx the SDK's RetryInterceptor still sleeps one back-off
                // (0–2 s) after the last attempt before returning; no retryable status codes makes it return at once
                .retryOptions(HttpRetryOptions.builder().attempts(1).httpStatusCodes(List.of())
                        .initialDelay(0.0).maxDelay(0.0))
                .build();
    }

    /**
     * Loads, offline, what the first call would otherwise load inside its deadline: measured here, the first call
     * of a fresh JVM took ~1.4 s against a local stub (~0.2 s after this warm-up, ~20 ms after that). Best effort.
     */
    private void warmUp() {
        try {
            config(new LlmRequest("", "", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}",
                    1000)).toJson();
            reply(GenerateContentResponse.fromJson("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":"
                    + "[{\"text\":\"{}\"}]},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":1,"
                    + "\"candidatesTokenCount\":1}}"), 0);
        } catch (LlmFailure | RuntimeException e) {
            // only a cold first call is lost
        }
    }

    @Override
    public LlmReply complete(LlmRequest request) throws LlmFailure {
        if (sdk == null) {
            throw new LlmFailure(LlmFailure.Kind.NO_KEY, provider + ": no API key (set "
                    + LlmProvider.GEMINI.keyVariablesText() + ")");
        }
        FailureText.requireTimeLeft(request, provider);
        GenerateContentConfig config = config(request);
        long start = System.nanoTime();
        Future<GenerateContentResponse> call = calls.submit(
                () -> sdk.models.generateContent(settings.model(), request.prompt(), config));
        // OkHttp's call timeout ends a cancelled request itself
        GenerateContentResponse response = FailureText.await(call, request.deadlineMillis(), key, provider, this::failure);
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return reply(response, latency);
    }

    private GenerateContentConfig config(LlmRequest request) throws LlmFailure {
        JsonNode schema = schema(request);
        return GenerateContentConfig.builder()
                .systemInstruction(Content.fromParts(Part.fromText(request.system())))
                .responseMimeType("application/json")
                // JSON Schema as is (generationConfig.responseJsonSchema): the same text the OpenAI client sends;
                // responseSchema would need the OpenAPI-subset Schema type instead
                .responseJsonSchema(schema)
                .temperature(0.0f)
                .candidateCount(1)
                // this call's own deadline (the client's default is the settings' deadline)
                .httpOptions(HttpOptions.builder().timeout((int) Math.min(request.deadlineMillis(), Integer.MAX_VALUE)))
                .build();
    }

    /**
     * The first candidate's text. Read here rather than by {@code response.text()}, which in 1.70.0 throws an
     * IndexOutOfBoundsException on an empty candidates list and an IllegalArgumentException on a SAFETY stop.
     */
    private LlmReply reply(GenerateContentResponse response, long latency) throws LlmFailure {
        List<Candidate> candidates = response.candidates().orElse(List.of());
        if (candidates.isEmpty()) {
            String why = response.promptFeedback().flatMap(f -> f.blockReason()).map(r -> "prompt blocked: " + r)
                    .orElse("no candidates");
            throw new LlmFailure(LlmFailure.Kind.BAD_ANSWER, FailureText.of(key, provider, "empty answer (" + why
                    + ")"));
        }
        Candidate first = candidates.get(0);
        FinishReason finish = first.finishReason().orElse(null);
        if (finish != null && finish.knownEnum() != FinishReason.Known.STOP
                && finish.knownEnum() != FinishReason.Known.FINISH_REASON_UNSPECIFIED) {
            // MAX_TOKENS leaves cut-off JSON, SAFETY/RECITATION a partial answer: none of them is the answer asked for
            throw new LlmFailure(LlmFailure.Kind.BAD_ANSWER, FailureText.of(key, provider, "answer stopped early ("
                    + finish + ")"));
        }
        StringBuilder text = new StringBuilder();
        for (Part part : first.content().flatMap(Content::parts).orElse(List.of())) {
            if (!part.thought().orElse(false)) { // thoughts are the model's notes, not its answer
                part.text().ifPresent(text::append);
            }
        }
        if (text.toString().isBlank()) {
            throw new LlmFailure(LlmFailure.Kind.BAD_ANSWER, FailureText.of(key, provider, "empty answer"
                    + (finish == null ? "" : " (" + finish + ")")));
        }
        GenerateContentResponseUsageMetadata usage = response.usageMetadata().orElse(null);
        int in = usage == null ? 0 : usage.promptTokenCount().orElse(0);
        int out = usage == null ? 0 : usage.candidatesTokenCount().orElse(0);
        return new LlmReply(text.toString(), in, out, latency);
    }

    /** The SDK's exception as an {@link LlmFailure}; the SDK's own message is never passed on unredacted. */
    private LlmFailure failure(Throwable e) {
        if (e instanceof ApiException api) {
            String status = api.status() == null ? "" : api.status();
            String message = api.message() == null ? "" : api.message();
            String detail = (status + " " + message).trim();
            return FailureText.forStatus(key, provider, api.code(), detail);
        }
        if (e instanceof GenAiIOException io) {
            Throwable cause = io.getCause();
            if (cause instanceof RefusedRedirect redirect) {
                return redirect.failure(key, provider);
            }
            if (cause instanceof JsonProcessingException) {
                // a 2xx whose body is not JSON, or JSON that is not a GenerateContentResponse
                return new LlmFailure(LlmFailure.Kind.BAD_ANSWER,
                        FailureText.of(key, provider, "answer is not a Gemini response (" + io.getMessage() + ")"));
            }
            return FailureText.forIo(key, provider, cause == null ? io : cause);
        }
        if (e instanceof java.io.IOException) {
            return FailureText.forIo(key, provider, e);
        }
        // anything else escaped the SDK while reading a 2xx answer (e.g. a missing field it assumed)
        return new LlmFailure(LlmFailure.Kind.BAD_ANSWER,
                FailureText.of(key, provider, "unreadable answer: " + FailureText.describe(e)));
    }

    @Override
    public void close() {
        calls.shutdownNow();
        if (sdk != null) {
            sdk.close();
        }
    }
}
