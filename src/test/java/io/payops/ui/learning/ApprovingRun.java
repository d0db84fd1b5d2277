package io.payops.ui.learning;

import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.engine.Engine;
import io.payops.ui.fx.TestFrames;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A seeded run in which an operator approves every request as soon as it shows, so the agent's actions execute. */
final class ApprovingRun {
    /**
     * A test-only world with lessons of both kinds (src/test/resources/learning/helped-then-hurt.json): with seed 7
     * the agent's circuits on razorpay × SBI (from 318 s) and razorpay × ICICI (from 703 s) help, and its circuit on
     * razorpay × HDFC (1111 s) hurts once HDFC fails far worse on every other gateway, and is rolled back at 1151 s.
     * No fault before 300 s.
     */
    static final String HELPED_THEN_HURT = resource("/learning/helped-then-hurt.json");
    /** Seconds of {@link #HELPED_THEN_HURT} that hold all three lessons. */
    static final int HELPED_THEN_HURT_SECONDS = 1_200;

    private ApprovingRun() {
    }

    static List<Frame> run(String scenario, long seed, int seconds) {
        return run(TestFrames.engine(scenario, seed), seconds);
    }

    /** The same, on an engine of the caller's (e.g. an agent that starts from earlier lessons). */
    static List<Frame> run(Engine engine, int seconds) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < seconds && !engine.finished(); i++) {
            Frame f = engine.step();
            frames.add(f);
            f.step().pendingApprovals().forEach(a -> engine.submit(new Command.Decide(a.actionId(), true, "test")));
        }
        return frames;
    }

    /** The path of a scenario file among the test resources (scenarios are named by path where a name is taken). */
    private static String resource(String name) {
        try {
            return Path.of(ApprovingRun.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
