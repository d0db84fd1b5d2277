package io.payops.engine;

import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.domain.Lesson;
import io.payops.sim.AttemptSink;
import io.payops.sim.Scenario;
import io.payops.store.SessionRetention;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One session of the agent from its start to its closed recording, the same for the console and the command line:
 * over the simulator or over an event log (read flat out or followed), paced to the wall clock or as fast as it
 * goes, recorded in a state folder or not. It builds the engine and its policy, the recording, and the loop
 * ({@link LiveRunner}) that one engine thread runs: the console hands {@link #loop()} to its engine service, the
 * command line calls {@link #runHere()}. Any thread may then {@link #submit} commands, change speed, pause, and
 * {@link #stop}; the recording is ended when the loop ends and awaited with {@link #awaitRecordingClosed}.
 * JavaFX-free: the console's ViewModels receive sessions, they never build an engine.
 */
public final class LiveSession {
    /**
     * Where a session is recorded. {@code live} is written in the session's meta.json: true for the console's
     * sessions, false for a command-line run. {@code notices} hears every warning and disk problem.
     */
    public record Recording(Path stateDir, SessionRetention retention, boolean live, Consumer<String> notices) {
        public Recording {
            Objects.requireNonNull(stateDir, "stateDir");
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(notices, "notices");
        }
    }

    /** How the loop ended, told on the engine thread after the last tick: the last frame (null if none). */
    public record Ending(Frame lastFrame, boolean finished) {
    }

    private final Engine engine;
    private final LiveRunner runner;
    private final LivePersistence persistence;
    private final boolean openLoop;
    private volatile Throwable failure;

    private LiveSession(Builder b) {
        this.engine = b.engine;
        this.openLoop = b.openLoop;
        this.persistence = b.recording == null ? null : new LivePersistence(b.recording.stateDir(), b.scenario,
                b.settings.policy(), b.settings.approval().toString(), b.settings.reasoner(), b.recording.retention(),
                b.recording.notices(), b.recording.live(),
                // a run paced by the wall clock (or by a file being written) drops frames the disk cannot keep;
                // one that goes flat out makes the engine wait, so its recording is whole
                b.paced || b.follow ? StateWriter.Settings.LIVE : StateWriter.Settings.HEADLESS);
        SessionListener listener = b.listener;
        Consumer<Frame> out = b.frames.andThen(listener::frame);
        Consumer<Frame> frames = persistence == null ? out : f -> {
            out.accept(f);
            persistence.accept(f);
        };
        Consumer<Throwable> failures = t -> {
            failure = t;
            b.failures.accept(t);
        };
        this.runner = b.paced ? new LiveRunner(engine, b.speed, frames, failures, LiveRunner.Clock.SYSTEM)
                : LiveRunner.unpaced(engine, frames, failures, LiveRunner.Clock.SYSTEM);
        runner.stopWhen(b.stopWhen);
        BooleanSupplier pauseOnRequest = b.pauseOnRequest;
        NewApprovalRequest newRequest = new NewApprovalRequest();
        // every frame is looked at, so a request raised while the option was off is not taken for new later
        runner.pauseAfter(f -> newRequest.test(f) && pauseOnRequest.getAsBoolean());
        LiveSession previous = b.previous;
        LivePersistence recording = persistence;
        runner.beforeFirstTick(() -> {
            // the last session's writer must finish first: its last lessons would be lost and its files mixed in
            if (previous != null) {
                previous.awaitRecordingClosed(10_000);
            }
            if (recording != null) {
                recording.prepare(engine);
            }
            listener.started(this);
        });
        Runnable close = b.close;
        Consumer<Ending> ended = b.ended;
        runner.afterLastTick(() -> {
            // each step runs even if the one before failed: a listener's bug must not leave the file or recording open
            try {
                try {
                    ended.accept(new Ending(engine.lastFrame(), engine.finished()));
                } finally {
                    listener.ended(this);
                }
            } finally {
                try {
                    close.run();
                } finally {
                    if (recording != null) {
                        try {
                            recording.keepUnrecordedLessons();
                        } finally {
                            recording.closeAsync(); // finished or stopped, the session is over: its recording is complete
                        }
                    }
                }
            }
        });
        if (b.recommendOnly) {
            engine.submit(new Command.SetRecommendOnly(true));
        }
        runner.setPaused(b.paused);
    }

    /** A session over the simulator running {@code scenario}. */
    public static Builder simulated(Scenario scenario, RunSettings settings) {
        return simulated(scenario, settings, null);
    }

    /** As {@link #simulated(Scenario, RunSettings)}, with every attempt also told to {@code tap} (an export). */
    public static Builder simulated(Scenario scenario, RunSettings settings, AttemptSink tap) {
        return new Builder(scenario, settings, false, lessons -> new Engine(scenario,
                PolicyFactory.create(settings.policy(), settings, scenario.world(), lessons), EngineOptions.DEFAULT, tap));
    }

    /**
     * A session over an event log, in place of the simulator: unpaced (each tick as soon as the log has its
     * events), the file closed when the loop ends. A followed log is recorded like live traffic; one read flat out
     * is recorded whole.
     */
    public static Builder eventLog(EventLogSession log, RunSettings settings) {
        Builder b = new Builder(log.scenario(), settings, log.follow(), lessons -> log.engine(
                PolicyFactory.create(settings.policy(), settings, log.scenario().world(), lessons),
                EngineOptions.DEFAULT));
        b.paced = false;
        b.openLoop = true;
        b.close = log::close;
        // after each tick: a topic commits what this tick observed (a file has nothing to commit)
        b.frames(f -> log.afterTick());
        return b;
    }

    /** The loop, for the one engine thread (the console's engine service runs it). Runs once. */
    public Runnable loop() {
        return runner;
    }

    /**
     * Runs the loop on the calling thread until the session finishes or is stopped (the command line), then waits
     * for its recording to be closed.
     *
     * @throws IllegalStateException carrying the engine's failure, if it failed
     */
    public void runHere() {
        runner.run();
        if (persistence != null) {
            persistence.awaitClosed(Long.MAX_VALUE);
        }
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /**
     * Any thread: the command applies at the engine's next tick. False (and nothing sent) when the session has
     * ended, so the caller can say so.
     */
    public boolean submit(Command command) {
        if (runner.stopped()) {
            return false;
        }
        engine.submit(command);
        return true;
    }

    /** @throws IllegalArgumentException naming the range when the speed is outside ×1 … ×100 */
    public void setSpeed(double speed) {
        runner.setSpeed(speed);
    }

    public void setPaused(boolean paused) {
        runner.setPaused(paused);
    }

    public void setRecommendOnly(boolean recommendOnly) {
        submit(new Command.SetRecommendOnly(recommendOnly));
    }

    public double speed() {
        return runner.speed();
    }

    public boolean paused() {
        return runner.paused();
    }

    /** See {@link LiveRunner#pausedPolls}: lets a test see a pause hold in engine terms. */
    public long pausedPolls() {
        return runner.pausedPolls();
    }

    public boolean stopped() {
        return runner.stopped();
    }

    /** Any thread: asks the loop to end (within one tick); the recording then ends once its queued frames are written. */
    public void stop() {
        runner.stop();
        if (persistence != null) {
            persistence.closeAsync();
        }
    }

    /** Waits up to {@code millis} for the recording to be closed; true at once when it is not recorded. */
    public boolean awaitRecordingClosed(long millis) {
        return persistence == null || persistence.awaitClosed(millis);
    }

    /**
     * Any thread (a JVM shutdown hook on SIGTERM or Ctrl+C): ends the recording so the session is marked complete,
     * waiting at most {@code millis}.
     */
    public void endAtShutdown(long millis) {
        if (persistence != null) {
            persistence.closeAsync();
            persistence.awaitClosed(millis);
        }
    }

    /** Over an event log (or a topic): routing changes are recommendations, the router is someone else's. */
    public boolean openLoop() {
        return openLoop;
    }

    /** The recorded session's folder, or null before the first tick or when it is not recorded. */
    public Path sessionDir() {
        return persistence == null ? null : persistence.sessionDir();
    }

    /** Any thread: frames the recording dropped because the disk fell behind; 0 when it is not recorded. */
    public long droppedFrames() {
        return persistence == null ? 0 : persistence.droppedFrames();
    }

    /**
     * The engine thread only (a {@link SessionListener}'s {@code frame}): the absolute time of session time 0 for an
     * event log or a topic, null for the simulator or before the first events were read.
     */
    public java.time.Instant eventClockOrigin() {
        return engine.eventClockOrigin();
    }

    public Scenario scenario() {
        return engine.scenario();
    }

    /**
     * The engine, for a runner that reads its totals once the loop has ended ({@link #runHere} returned). Nothing
     * may call into it while the loop runs: commands go through {@link #submit}.
     */
    public Engine engine() {
        return engine;
    }

    /** What a session is started with; every part but the scenario and settings is optional. */
    public static final class Builder {
        private final Scenario scenario;
        private final RunSettings settings;
        private final boolean follow;
        private final java.util.function.Function<List<Lesson>, Engine> engines;
        /** Built by {@link #build}, with the lessons known by then. */
        private Engine engine;
        private boolean paced = true;
        private double speed = LiveRunner.MIN_SPEED;
        private boolean paused;
        private boolean recommendOnly;
        private Recording recording;
        private List<Lesson> lessons = List.of();
        private LiveSession previous;
        private Consumer<Frame> frames = f -> { };
        private Consumer<Throwable> failures = t -> { };
        private Consumer<Ending> ended = e -> { };
        private BooleanSupplier stopWhen = () -> false;
        private BooleanSupplier pauseOnRequest = () -> false;
        private Runnable close = () -> { };
        private boolean openLoop;
        private SessionListener listener = SessionListener.NONE;

        private Builder(Scenario scenario, RunSettings settings, boolean follow,
                        java.util.function.Function<List<Lesson>, Engine> engines) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
            this.settings = Objects.requireNonNull(settings, "settings");
            this.follow = follow;
            this.engines = engines;
        }

        /** Paced to the wall clock at {@code speed} simulated seconds per second (×1 … ×100). */
        public Builder paced(double speed) {
            this.speed = LiveRunner.checkSpeed(speed);
            this.paced = true;
            return this;
        }

        /** As fast as the CPU (and, over a log, the file) allows. */
        public Builder flatOut() {
            this.paced = false;
            return this;
        }

        public Builder paused(boolean paused) {
            this.paused = paused;
            return this;
        }

        public Builder recommendOnly(boolean recommendOnly) {
            this.recommendOnly = recommendOnly;
            return this;
        }

        /**
         * Recorded in a state folder: lessons.json is read into the agent before the first tick (on the engine
         * thread), and state files, audit and recording are written as frames come.
         */
        public Builder recordedIn(Recording recording) {
            this.recording = recording;
            return this;
        }

        /** What the agent learnt in earlier sessions, for a session that is not recorded (a recorded one reads them). */
        public Builder lessons(List<Lesson> lessons) {
            this.lessons = List.copyOf(lessons);
            return this;
        }

        /** The session this one replaces: its recording is closed before this one's first tick. */
        public Builder after(LiveSession previous) {
            this.previous = previous;
            return this;
        }

        /** Every frame, on the engine thread, after the consumers added before ({@code frames} adds, never replaces). */
        public Builder frames(Consumer<Frame> frames) {
            this.frames = this.frames.andThen(Objects.requireNonNull(frames));
            return this;
        }

        /** An exception from the engine, on the engine thread; it ends the loop. */
        public Builder failures(Consumer<Throwable> failures) {
            this.failures = Objects.requireNonNull(failures);
            return this;
        }

        /** Told on the engine thread after the last tick, however the loop ended. */
        public Builder onEnd(Consumer<Ending> ended) {
            this.ended = Objects.requireNonNull(ended);
            return this;
        }

        /**
         * Asked after each frame that raises a new approval request: true pauses the session on that frame, so the
         * request stays as it was raised (neither answered by the clock, expired nor taken back) until someone looks
         * and presses Play. The console's "Pause when a request needs a human".
         */
        public Builder pauseOnRequest(BooleanSupplier pauseOnRequest) {
            this.pauseOnRequest = Objects.requireNonNull(pauseOnRequest);
            return this;
        }

        /** Polled by the loop between ticks: true ends it (a command line's Ctrl+C). */
        public Builder stopWhen(BooleanSupplier stopWhen) {
            this.stopWhen = Objects.requireNonNull(stopWhen);
            return this;
        }

        /** Told of the session's start, frames and end on the engine thread (the connectors). One per session. */
        public Builder listener(SessionListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        public LiveSession build() {
            engine = engines.apply(recording == null ? lessons : List.of());
            return new LiveSession(this);
        }
    }
}
