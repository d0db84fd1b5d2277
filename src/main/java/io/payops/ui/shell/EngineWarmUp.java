package io.payops.ui.shell;

import io.payops.engine.Engine;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;

/**
 * At launch, while the FX thread builds the views, a throwaway engine runs a few ticks of the quiet scenario on a
 * background thread: the simulator, observer and agent classes are loaded and their first calls compiled by then,
 * so the real session's first frame comes at once. Shares nothing with the session; its frames go nowhere.
 */
public final class EngineWarmUp {
    private static final int TICKS = 90;

    private EngineWarmUp() {
    }

    /** Starts the warm-up on a daemon thread of the lowest priority and returns at once. */
    public static void start() {
        Thread t = new Thread(EngineWarmUp::run, "engine-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            Scenario s = ScenarioLoader.builtIn("quiet");
            Engine e = new Engine(s, PolicyFactory.create("agent", RunSettings.of("agent"), s.world()));
            for (int i = 0; i < TICKS && !e.finished(); i++) {
                e.step();
            }
        } catch (RuntimeException ignored) {
            // only a head start: the real session loads whatever this did not
        }
    }
}
