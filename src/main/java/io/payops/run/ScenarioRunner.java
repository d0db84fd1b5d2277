package io.payops.run;

import io.payops.report.ReportBuilder;
import io.payops.report.RunReport;
import io.payops.domain.Lesson;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.domain.Frame;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.sim.AttemptSink;
import io.payops.sim.Scenario;

import java.util.List;
import java.util.function.Consumer;

/** Runs a scenario headless, as fast as the CPU allows, and computes its report from the frames. */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    public static RunReport run(Scenario scenario, RunSettings settings) {
        return run(scenario, settings, null, frame -> { });
    }

    public static RunReport run(Scenario scenario, RunSettings settings, AttemptSink tap, Consumer<Frame> frames) {
        return run(scenario, settings, List.of(), tap, frames);
    }

    /** @param lessons what the agent learnt in earlier sessions */
    public static RunReport run(Scenario scenario, RunSettings settings, List<Lesson> lessons, AttemptSink tap,
                                Consumer<Frame> frames) {
        long start = System.nanoTime();
        Engine engine = new Engine(scenario, PolicyFactory.create(settings.policy(), settings, scenario.world(), lessons),
                EngineOptions.DEFAULT, tap);
        ReportBuilder report = new ReportBuilder(scenario.name(), scenario.seed(), settings.policy(), settings.reasoner());
        while (!engine.finished()) {
            Frame f = engine.step();
            report.accept(f);
            frames.accept(f);
        }
        return report.build((System.nanoTime() - start) / 1_000_000);
    }
}
