package io.payops.agent.reason.llm;

import java.net.URI;
import java.util.List;

/**
 * Which model to ask and how: provider ({@code gemini} or {@code openai}, i.e. any OpenAI-compatible
 * chat-completions endpoint), model name, base URL (empty: the provider's own; set it for a proxy or a local
 * server), the key (memory only), the deadline of one call including retries, and how many retries it may make.
 */
public record LlmSettings(String provider, String model, String baseUrl, Secret apiKey, long deadlineMillis,
                          int maxRetries) {
    public static final List<String> PROVIDERS = List.of("gemini", "openai");
    public static final String GEMINI_MODEL = "gemini-2.5-flash";
    public static final String OPENAI_MODEL = "gpt-4o-mini";

    /** @throws IllegalArgumentException naming the setting and what was expected */
    public LlmSettings {
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("provider '" + provider + "' is unknown (expected gemini or openai)");
        }
        if (model == null || model.isBlank() || model.length() > 200) {
            throw new IllegalArgumentException("model name is missing (expected e.g. " + defaultModel(provider) + ")");
        }
        baseUrl = baseUrl == null ? "" : baseUrl.trim();
        if (!baseUrl.isEmpty()) {
            URI u;
            try {
                u = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("base URL '" + baseUrl + "' is not a URL (expected e.g. "
                        + "http://127.0.0.1:8080/v1)");
            }
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException("base URL '" + baseUrl + "' is not an http(s) URL (expected e.g. "
                        + "http://127.0.0.1:8080/v1)");
            }
        }
        if (deadlineMillis < 100 || deadlineMillis > 120_000) {
            throw new IllegalArgumentException("deadline " + deadlineMillis + " ms is out of range (expected 100 to "
                    + "120000 ms)");
        }
        if (maxRetries < 0 || maxRetries > 5) {
            throw new IllegalArgumentException("retries " + maxRetries + " is out of range (expected 0 to 5)");
        }
        apiKey = apiKey == null ? Secret.NONE : apiKey;
    }

    public static String defaultModel(String provider) {
        return "openai".equals(provider) ? OPENAI_MODEL : GEMINI_MODEL;
    }

    /** The provider's defaults, with the key from the environment (GEMINI_API_KEY / GOOGLE_API_KEY, or OPENAI_API_KEY). */
    public static LlmSettings defaults(String provider, java.util.Map<String, String> env) {
        Secret key = "openai".equals(provider) ? Secret.fromEnvironment(env, "OPENAI_API_KEY")
                : Secret.fromEnvironment(env, "GEMINI_API_KEY", "GOOGLE_API_KEY");
        return new LlmSettings(provider, defaultModel(provider), "", key, 4000, 1);
    }

    @Override
    public String toString() {
        return provider + " " + model + (baseUrl.isEmpty() ? "" : " at " + baseUrl) + ", deadline " + deadlineMillis
                + " ms, key " + apiKey;
    }
}
