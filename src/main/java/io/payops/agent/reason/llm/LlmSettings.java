package io.payops.agent.reason.llm;

import java.net.URI;

/**
 * Which model to ask and how: provider ({@link LlmProvider}: Gemini, or any OpenAI-compatible chat-completions
 * endpoint), model name, base URL (empty: the provider's own; set it for a proxy or a local
 * server), the key (memory only), the deadline of one call including retries, and how many retries it may make.
 */
public record LlmSettings(LlmProvider provider, String model, String baseUrl, Secret apiKey, long deadlineMillis,
                          int maxRetries) {
    /** @throws IllegalArgumentException naming the setting and what was expected */
    public LlmSettings {
        if (provider == null) {
            throw new IllegalArgumentException("provider is missing (expected " + LlmProvider.names() + ")");
        }
        if (model == null || model.isBlank() || model.length() > 200) {
            throw new IllegalArgumentException("model name is missing (expected e.g. " + provider.defaultModel() + ")");
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

    /** The provider's defaults, with the key from the environment variables it names. */
    public static LlmSettings defaults(LlmProvider provider, java.util.Map<String, String> env) {
        return new LlmSettings(provider, provider.defaultModel(), "", provider.keyFrom(env), 4000, 1);
    }

    /** The base URL calls go to: the one set, else the provider's own. */
    public String endpointBase() {
        return baseUrl.isEmpty() ? provider.defaultBaseUrl() : baseUrl;
    }

    @Override
    public String toString() {
        return provider + " " + model + (baseUrl.isEmpty() ? "" : " at " + baseUrl) + ", deadline " + deadlineMillis
                + " ms, key " + apiKey;
    }
}
