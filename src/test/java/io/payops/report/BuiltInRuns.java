package io.payops.report;

import io.payops.engine.RunSettings;
import io.payops.run.ScenarioRunner;
import io.payops.sim.ScenarioLoader;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Headless runs of the built-in scenarios at their own seeds, each made once per test JVM and shared by the tests
 * that judge them (the oracle against static, the agent's bars): a run is deterministic (same scenario, seed and
 * policy give the same report, which ScenarioRunnerTest checks), so a second run would only repeat the first. The
 * tests that share a report only read it.
 */
public final class BuiltInRuns {
    private static final Map<List<String>, RunReport> RUNS = new ConcurrentHashMap<>();

    private BuiltInRuns() {
    }

    /** The report of a built-in scenario under a policy (RunSettings.of), run on first use. */
    public static RunReport of(String scenario, String policy) {
        List<String> key = List.of(scenario, policy);
        RunReport r = RUNS.get(key);
        if (r == null) {
            // not computeIfAbsent: a run takes seconds and must not hold a lock of the map while it does
            r = ScenarioRunner.run(ScenarioLoader.builtIn(scenario), RunSettings.of(policy));
            RunReport raced = RUNS.putIfAbsent(key, r);
            r = raced == null ? r : raced;
        }
        return r;
    }
}
