package io.payops.ui.learning;

import io.payops.engine.Command;
import io.payops.engine.Engine;
import io.payops.engine.Frame;
import io.payops.ui.fx.TestFrames;

import java.util.ArrayList;
import java.util.List;

/** A seeded run in which an operator approves every request as soon as it shows, so the agent's actions execute. */
final class ApprovingRun {
    private ApprovingRun() {
    }

    static List<Frame> run(String scenario, long seed, int seconds) {
        Engine engine = TestFrames.engine(scenario, seed);
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < seconds && !engine.finished(); i++) {
            Frame f = engine.step();
            frames.add(f);
            f.step().pendingApprovals().forEach(a -> engine.submit(new Command.Decide(a.actionId(), true, "test")));
        }
        return frames;
    }
}
