package io.payops.agent.reason.llm;

/** The client for a provider setting. */
public final class LlmClients {
    private LlmClients() {
    }

    /** A {@link GeminiClient} for Gemini, an {@link OpenAiCompatibleClient} for an OpenAI-compatible endpoint. */
    public static LlmClient create(LlmSettings settings) {
        return switch (settings.provider()) {
            case GEMINI -> new GeminiClient(settings);
            case OPENAI -> new OpenAiCompatibleClient(settings);
        };
    }
}
