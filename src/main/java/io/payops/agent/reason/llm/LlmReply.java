package io.payops.agent.reason.llm;

/** A model's answer: its text (expected to be JSON), the tokens counted by the provider, and the call's latency. */
public record LlmReply(String text, int promptTokens, int outputTokens, long latencyMillis) {
}
