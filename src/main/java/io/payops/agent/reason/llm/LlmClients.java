package io.payops.agent.reason.llm;

/** The client for a provider setting. */
public final class LlmClients {
    private LlmClients() {
    }

    /** A {@link GeminiClient} for "gemini", an {@link OpenAiCompatibleClient} for "openai". */
    public static LlmClient create(LlmSettings settings) {
        return switch (settings.provider()) {
            case GeminiClient.PROVIDER -> new GeminiClient(settings);
            case OpenAiCompatibleClient.PROVIDER -> new OpenAiCompatibleClient(settings);
            // LlmSettings accepts only the two above
            default -> throw new IllegalArgumentException("provider '" + settings.provider() + "' is unknown");
        };
    }
}
