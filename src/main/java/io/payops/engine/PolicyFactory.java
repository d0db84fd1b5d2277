package io.payops.engine;

import io.payops.agent.Agent;
import io.payops.agent.AgentConfig;
import io.payops.agent.learn.LessonStore;
import io.payops.agent.reason.HeuristicReasoner;
import io.payops.agent.reason.Reasoner;
import io.payops.agent.reason.llm.LlmClients;
import io.payops.agent.reason.llm.LlmReasoner;
import io.payops.domain.Lesson;
import io.payops.policy.OraclePolicy;
import io.payops.policy.Policy;
import io.payops.policy.StaticPolicy;
import io.payops.sim.World;

import java.util.List;

/** Builds a policy from its command-line name. */
public final class PolicyFactory {
    public static final List<String> NAMES = List.of("agent", "static", "oracle", "rules", "bandit");

    private PolicyFactory() {
    }

    public static Policy create(String name, RunSettings settings, World world) {
        return create(name, settings, world, List.of());
    }

    /** @param earlierLessons what the agent learnt in earlier sessions (state/lessons.json); other policies ignore it */
    public static Policy create(String name, RunSettings settings, World world, List<Lesson> earlierLessons) {
        return switch (name) {
            case "agent" -> new Agent(AgentConfig.defaults(settings.approval()), reasoner(settings),
                    new LessonStore(earlierLessons), world);
            case "static" -> new StaticPolicy();
            case "oracle" -> new OraclePolicy();
            case "rules" -> new io.payops.policy.RulesPolicy();
            case "bandit" -> new io.payops.policy.BanditPolicy();
            default -> throw new IllegalArgumentException("unknown policy '" + name + "' (expected one of "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /** The heuristics, or an LLM reasoner over them; headless runs wait for each answer, the console never does. */
    private static Reasoner reasoner(RunSettings settings) {
        if (settings.llm() == null || HeuristicReasoner.NAME.equals(settings.reasoner())) {
            return new HeuristicReasoner();
        }
        return new LlmReasoner(() -> LlmClients.create(settings.llm()), settings.llm(), settings.llmMode());
    }
}
