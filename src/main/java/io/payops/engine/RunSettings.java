package io.payops.engine;

import io.payops.agent.reason.HeuristicReasoner;
import io.payops.agent.reason.llm.LlmReasoner;
import io.payops.agent.reason.llm.LlmSettings;
import io.payops.domain.ApprovalMode;

/**
 * The knobs of one run that are not part of the scenario. {@code reasoner} is "heuristic" or the LLM provider's name;
 * {@code llm} says how to reach the model (null for the heuristics) and {@code llmMode} whether the engine waits for
 * its answers (headless) or never does (the console).
 */
public record RunSettings(String policy, ApprovalMode approval, String reasoner, LlmSettings llm,
                          LlmReasoner.Mode llmMode) {
    public RunSettings(String policy, ApprovalMode approval, String reasoner) {
        this(policy, approval, reasoner, null, LlmReasoner.Mode.WAIT);
    }

    public static RunSettings of(String policy) {
        return new RunSettings(policy, ApprovalMode.DEFAULT_HEADLESS, HeuristicReasoner.NAME);
    }
}
