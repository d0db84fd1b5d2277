package io.payops.agent.reason;

import io.payops.domain.Hypothesis;

import java.util.List;

/**
 * Turns what was measured into ranked hypotheses. Implementations only interpret: they never choose or take an
 * action (the decide and guard steps do).
 */
public interface Reasoner {
    /** The name shown as a hypothesis's source. */
    String name();

    /** Ranked hypotheses, most likely first; never empty (normal variance or insufficient data at least). */
    List<Hypothesis> hypothesize(ReasoningInput input);

    /** What the reasoning pane says of the last call: the reasoner's name, or why it fell back. */
    default String note() {
        return name();
    }

    /** The LLM call behind the last {@link #hypothesize}, or null for reasoners that call none. */
    default io.payops.domain.ReasonerCall lastCall() {
        return null;
    }
}
