package io.payops.bench;

import io.payops.domain.Frame;
import io.payops.engine.RunSettings;
import io.payops.engine.StateWriter;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.store.SessionReader;
import io.payops.store.StateStore;
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
 * Scrubbing a recorded one-hour session (live-demo: 3,600 frames at 40 payments/s, three incidents): jump to a random
 * frame (what the slider does), jump there with the replay's lead-in (the 120 frames before it, so charts have
 * context), and open the session. Sample time, so the percentiles show the slow jumps too.
 * Run: mvn -B -Pbench test-compile exec:exec -Djmh.args="ScrubBenchmark"
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScrubBenchmark {
    static final int LEAD_IN = io.payops.ui.replay.ReplayViewModel.LEAD_IN;
    private Path state;
    private Path session;
    private SessionReader reader;
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
        System.out.printf("%nrecorded %d frames, %.1f MB%n", reader.size(),
                Files.size(session.resolve("frames.jsonl.gz")) / 1e6);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
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
    public Frame jumpWithLeadIn() {
        int target = random.nextInt(reader.size());
        Frame f = null;
        for (int i = Math.max(0, target - LEAD_IN); i <= target; i++) {
            f = reader.frame(i);
        }
        return f;
    }

    @Benchmark
    public int openSession() {
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            return r.size();
        }
    }
}
