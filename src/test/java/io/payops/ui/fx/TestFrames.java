package io.payops.ui.fx;

import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;

import java.util.ArrayList;
import java.util.List;

/**
 * Real frames for ViewModel tests: a scenario run headless with the agent, seeded, approvals manual. A scenario is
 * named as everywhere else: a built-in name, random-&lt;seed&gt;, or the path of a scenario file (a test's own world).
 */
public final class TestFrames {
    private TestFrames() {
    }

    public static Scenario scenario(String name, long seed) {
        return ScenarioLoader.resolve(name).withSeed(seed);
    }

    public static SessionInfo session(String name, long seed) {
        return new SessionInfo(scenario(name, seed), "agent", true);
    }

    /** A live engine on the scenario with the agent and manual approvals, ready to step. */
    public static Engine engine(String name, long seed) {
        Scenario s = scenario(name, seed);
        RunSettings settings = new RunSettings("agent", ApprovalMode.MANUAL, "heuristic");
        return new Engine(s, PolicyFactory.create("agent", settings, s.world()), EngineOptions.DEFAULT, null);
    }

    /** Steps the engine {@code seconds} ticks and returns every frame. */
    public static List<Frame> step(Engine engine, int seconds) {
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < seconds && !engine.finished(); i++) {
            out.add(engine.step());
        }
        return out;
    }

    /** The first {@code seconds} frames of the scenario. */
    public static List<Frame> run(String name, long seed, int seconds) {
        return step(engine(name, seed), seconds);
    }
}
