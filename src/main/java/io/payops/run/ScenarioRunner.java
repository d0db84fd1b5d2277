package io.payops.run;

import io.payops.domain.Frame;
import io.payops.domain.Lesson;
import io.payops.engine.LiveSession;
import io.payops.engine.SessionListener;
import io.payops.engine.RunSettings;
import io.payops.report.ReportBuilder;
import io.payops.report.RunReport;
import io.payops.sim.AttemptSink;
import io.payops.sim.Scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Runs a scenario headless, as fast as the CPU allows, as a {@link LiveSession} on this thread, and reports on it. */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    /** A run recorded in a state folder: its report and its session's folder (null when it could not be recorded). */
    public record Recorded(RunReport report, Path sessionDir) {
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
        return run(scenario, settings, lessons, tap, frames, SessionListener.NONE);
    }

    /** @param listener told of the session's start, frames and end (the connectors) */
    public static RunReport run(Scenario scenario, RunSettings settings, List<Lesson> lessons, AttemptSink tap,
                                Consumer<Frame> frames, SessionListener listener) {
        return report(scenario, settings, LiveSession.simulated(scenario, settings, tap).lessons(lessons).frames(frames)
                .listener(listener)).report();
    }

    /**
     * A run with a state folder: lessons in, state files, audit and recording out. Disk trouble never stops the
     * run; it is told to the recording's notices.
     */
    public static Recorded runRecorded(Scenario scenario, RunSettings settings, LiveSession.Recording recording,
                                       AttemptSink tap) {
        return runRecorded(scenario, settings, recording, tap, SessionListener.NONE);
    }

    public static Recorded runRecorded(Scenario scenario, RunSettings settings, LiveSession.Recording recording,
                                       AttemptSink tap, SessionListener listener) {
        return report(scenario, settings, LiveSession.simulated(scenario, settings, tap).recordedIn(recording)
                .listener(listener));
    }

    private static Recorded report(Scenario scenario, RunSettings settings, LiveSession.Builder session) {
        long start = System.nanoTime();
        ReportBuilder report = new ReportBuilder(scenario.name(), scenario.seed(), settings.policy(), settings.reasoner());
        LiveSession s = session.flatOut().frames(report::accept).build();
        s.runHere();
        return new Recorded(report.build((System.nanoTime() - start) / 1_000_000), s.sessionDir());
    }
}
