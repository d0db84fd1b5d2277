package io.payops.agent.reason.llm;

import io.payops.agent.reason.HeuristicReasoner;
import io.payops.agent.reason.Reasoner;
import io.payops.agent.reason.ReasoningInput;
import io.payops.domain.Hypothesis;
import io.payops.domain.ReasonerCall;

import java.util.List;

/** Skeleton: the lead is writing it. Asks an LLM for hypotheses; falls back to the heuristics. */
public final class LlmReasoner implements Reasoner {
    /** Headless runs wait for the answer (up to the deadline); the console never waits and uses it a cycle later. */
    public enum Mode { WAIT, NEVER_WAIT }

    private final LlmClient client;
    private final HeuristicReasoner heuristics = new HeuristicReasoner();
    private ReasonerCall last;

    public LlmReasoner(LlmClient client, LlmSettings settings, Mode mode) {
        this.client = client;
    }

    @Override
    public String name() {
        return client.provider();
    }

    @Override
    public List<Hypothesis> hypothesize(ReasoningInput input) {
        return heuristics.hypothesize(input);
    }

    @Override
    public ReasonerCall lastCall() {
        return last;
    }
}
