package io.payops.agent.reason.llm;

/** Skeleton (the helper writing the clients replaces it): the client for a provider. */
public final class LlmClients {
    private LlmClients() {
    }

    public static LlmClient create(LlmSettings settings) {
        throw new UnsupportedOperationException("LLM clients are not built yet");
    }
}
