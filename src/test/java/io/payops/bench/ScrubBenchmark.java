package io.payops.bench;

import io.payops.domain.Frame;
import io.payops.engine.RunSettings;
import io.payops.engine.StateWriter;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.store.SessionReader;
import io.payops.store.SessionSummary;
import io.payops.store.StateStore;
import io.payops.engine.LiveRunner;
import io.payops.ui.approvals.ApprovalsViewModel;
import io.payops.ui.chaos.ChaosViewModel;
import io.payops.ui.dashboard.ChartsViewModel;
import io.payops.ui.dashboard.KpiTilesViewModel;
import io.payops.ui.fx.CommandSink;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.FramePump;
import io.payops.ui.fx.SameThreadExecutor;
import io.payops.ui.gateways.GatewaysViewModel;
import io.payops.ui.learning.LearningViewModel;
import io.payops.ui.reasoning.ReasoningViewModel;
import io.payops.ui.replay.ReplayViewModel;
import io.payops.ui.tickets.TicketsViewModel;
import io.payops.ui.timeline.AuditViewModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Scrubbing a recorded one-hour session (live-demo: 3,600 frames at 40 payments/s, three incidents): read a random
 * frame; a whole seek as the replay does it (read the frame, make the history up to it from the session summary,
 * reset every pane's ViewModel and feed them the history and the frame through the pump), to a random moment and to
 * the last minute (the longest history); open the session, and read its summary. Sample time, so the percentiles
 * show the slow seeks too. Not measured: the scene graph's layout and drawing of what the ViewModels now hold.
 * Run: mvn -B -Pbench test-compile exec:exec -Djmh.args="ScrubBenchmark"
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScrubBenchmark {
    private Path state;
    private Path session;
    private SessionReader reader;
    private ReplayViewModel replay;
    private Path withoutSummary;
    private final Random random = new Random(7);

    @Setup(Level.Trial)
    public void record() throws IOException {
        state = Files.createTempDirectory("scrub-bench");
        Scenario hour = ScenarioLoader.builtIn("live-demo");
        StateWriter writer = StateWriter.start(new StateStore(state, w -> { }), null, hour, "agent", "auto:60", "heuristic",
                false, List.of(), StateWriter.Settings.HEADLESS, Clock.systemUTC(), p -> { });
        ScenarioRunner.run(hour, RunSettings.of("agent"), null, writer);
        writer.close();
        session = writer.sessionDir();
        reader = SessionReader.open(session, p -> { });
        System.out.printf("%nrecorded %d frames, %.1f MB; summary %.1f MB%n", reader.size(),
                Files.size(session.resolve("frames.jsonl.gz")) / 1e6,
                Files.size(session.resolve(SessionSummary.FILE)) / 1e6);
        replay = replayWithEveryPane();
        replay.open(session);
        withoutSummary = state.resolve("recorded-before-summaries");
        Files.createDirectories(withoutSummary);
        for (String f : List.of("meta.json", "frames.jsonl.gz", "frames.idx")) {
            Files.copy(session.resolve(f), withoutSummary.resolve(f));
        }
    }

    /** The replay ViewModel with every pane's ViewModel on its pump, background and FX work on this thread. */
    private static ReplayViewModel replayWithEveryPane() {
        FramePump pump = new FramePump();
        CommandSink none = c -> { };
        ReasoningViewModel reasoning = new ReasoningViewModel();
        for (FrameListener l : new FrameListener[] {new KpiTilesViewModel(), new ChartsViewModel(),
                new GatewaysViewModel(), new ApprovalsViewModel(none), reasoning, new ChaosViewModel(none),
                new AuditViewModel(), new LearningViewModel(), new TicketsViewModel(none)}) {
            pump.addListener(l);
        }
        return new ReplayViewModel(pump, reasoning, SameThreadExecutor.INSTANCE, LiveRunner.Clock.SYSTEM, () -> { });
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        replay.close();
        reader.close();
        try (var s = Files.walk(state)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public Frame jumpToRandomFrame() {
        return reader.frame(random.nextInt(reader.size()));
    }

    @Benchmark
    public int seekToARandomMoment() {
        replay.seek(random.nextInt(reader.size()));
        return replay.getPosition();
    }

    /** Before each seek, the replay is at its first frame: the seek forward feeds almost the whole hour. */
    @State(Scope.Thread)
    public static class AtTheStart {
        @Setup(Level.Invocation)
        public void rewind(ScrubBenchmark b) {
            b.replay.seek(0);
        }
    }

    /** Before each seek, the replay is at its last frame: a seek back resets every pane and feeds the hour again. */
    @State(Scope.Thread)
    public static class AtTheEnd {
        @Setup(Level.Invocation)
        public void toTheEnd(ScrubBenchmark b) {
            b.replay.seek(b.reader.size() - 1);
        }
    }

    @Benchmark
    public int seekFromTheStartToTheLastMinute(AtTheStart start) {
        replay.seek(reader.size() - 2 - random.nextInt(60));
        return replay.getPosition();
    }

    @Benchmark
    public int seekBackFromTheEndToTheLastMinute(AtTheEnd end) {
        replay.seek(reader.size() - 2 - random.nextInt(60));
        return replay.getPosition();
    }

    /** Once per recording made before summaries: every frame is read (then the summary is kept beside it). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int buildTheSummaryFromTheFrames() throws IOException {
        try (SessionReader old = SessionReader.open(withoutSummary, p -> { })) {
            return SessionSummary.load(old, p -> { }, () -> false).size();
        } finally {
            Files.deleteIfExists(withoutSummary.resolve(SessionSummary.FILE));
        }
    }

    @Benchmark
    public int readTheSummary() {
        return SessionSummary.load(reader, p -> { }, () -> false).size();
    }

    @Benchmark
    public int openSession() {
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            return r.size();
        }
    }
}
