package io.payops.agent.reason.llm;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The model APIs we can ask: Gemini, and any OpenAI-compatible chat-completions endpoint. Each owns its name (as
 * {@code --reasoner}, the settings dialog and the hypotheses' source spell it), its default model and base URL, and
 * the environment variables its key is read from, in order.
 */
public enum LlmProvider {
    GEMINI("gemini", "gemini-2.5-flash", "https://generativelanguage.googleapis.com",
            List.of("GEMINI_API_KEY", "GOOGLE_API_KEY")),
    OPENAI("openai", "gpt-4o-mini", "https://api.openai.com/v1", List.of("OPENAI_API_KEY"));

    private final String key;
    private final String defaultModel;
    private final String defaultBaseUrl;
    private final List<String> keyVariables;

    LlmProvider(String key, String defaultModel, String defaultBaseUrl, List<String> keyVariables) {
        this.key = key;
        this.defaultModel = defaultModel;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyVariables = keyVariables;
    }

    /** "gemini" or "openai". */
    public String key() {
        return key;
    }

    public String defaultModel() {
        return defaultModel;
    }

    /** The provider's own endpoint, used when no base URL is set. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The environment variables the key is read from, the first set one winning. */
    public List<String> keyVariables() {
        return keyVariables;
    }

    /** "GEMINI_API_KEY or GOOGLE_API_KEY", "OPENAI_API_KEY": for messages saying where a key is looked for. */
    public String keyVariablesText() {
        return String.join(" or ", keyVariables);
    }

    /** The key from the first of {@link #keyVariables} that is set in {@code env}. */
    public Secret keyFrom(Map<String, String> env) {
        return Secret.fromEnvironment(env, keyVariables.toArray(String[]::new));
    }

    /** Whether a call may go without a key: an OpenAI-compatible server at a base URL of its own may need none. */
    public boolean keyOptionalAt(String baseUrl) {
        return this == OPENAI && baseUrl != null && !baseUrl.isBlank();
    }

    /** The provider called {@code key}, or null. */
    public static LlmProvider find(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst().orElse(null);
    }

    /** @throws IllegalArgumentException naming the word and the providers expected */
    public static LlmProvider of(String key) {
        LlmProvider p = find(key);
        if (p == null) {
            throw new IllegalArgumentException("provider '" + key + "' is unknown (expected " + names() + ")");
        }
        return p;
    }

    /** "gemini or openai". */
    public static String names() {
        return String.join(" or ", Arrays.stream(values()).map(LlmProvider::key).toList());
    }

    @Override
    public String toString() {
        return key;
    }
}
