package io.payops.agent.reason.llm;

/**
 * One question to a model: the fixed instructions ({@code system}), the user message built from measured numbers
 * (free text inside it is delimited as data), the JSON schema the answer must follow (as JSON text, the same for
 * every provider), and how long the whole call may take.
 */
public record LlmRequest(String system, String prompt, String responseSchema, long deadlineMillis) {
}
