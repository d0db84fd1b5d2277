package io.payops.domain;

/**
 * What one reasoning step cost and how it ended when an LLM was asked: the provider and model, the outcome
 * ({@code used}: its hypotheses were taken; {@code fallback}: the heuristics answered, {@code reason} says why;
 * {@code pending}: the answer will serve a later cycle (console); {@code skipped}: nothing to interpret, or the LLM
 * is paused after repeated failures), the call's latency and tokens. Never holds the key or the prompt.
 */
public record ReasonerCall(String provider, String model, String outcome, String reason, long latencyMillis,
                           int promptTokens, int outputTokens) {
    public static final String USED = "used";
    public static final String FALLBACK = "fallback";
    public static final String PENDING = "pending";
    public static final String SKIPPED = "skipped";
}
