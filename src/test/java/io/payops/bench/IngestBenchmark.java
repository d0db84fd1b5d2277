package io.payops.bench;

import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.engine.EventLogSession;
import io.payops.engine.RunSettings;
import io.payops.ingest.EventLogFormat;
import io.payops.ingest.EventLogReader;
import io.payops.ingest.EventLogWriter;
import io.payops.policy.StaticPolicy;
import io.payops.run.EventLogRunner;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Ingest throughput on one thread, in lines per second (the {@code lines} counter), over a simulated log of about
 * 360,000 lines (85 MB as JSON lines) with a gateway outage, at 200 and at 2,000 payments/s, as JSON lines and CSV:
 * <ul>
 *   <li>{@code parse}: the reader alone (lines split, parsed, validated, values interned);</li>
 *   <li>{@code parseAndObserve}: the engine over the log with a static policy, so every event is parsed and recorded
 *       by the observer, and a snapshot and a frame are made every second of log time (issue #7's bar: 500,000/s);</li>
 *   <li>{@code ingestWithAgent}: what {@code ingest} does, the agent's cycles included.</li>
 * </ul>
 * Run: mvn -B -Pbench test-compile exec:exec -Djmh.args="IngestBenchmark"
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class IngestBenchmark {
    @Param({"jsonl", "csv"})
    public String format;

    /** Payments per second in the log: the engine makes one snapshot per second of log time, so busier logs cost less a line. */
    @Param({"200", "2000"})
    public int tps;

    private Path dir;
    private Path log;

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long lines;

        @Setup(Level.Iteration)
        public void reset() {
            lines = 0;
        }
    }

    @Setup(Level.Trial)
    public void export() throws IOException {
        dir = Files.createTempDirectory("ingest-bench");
        Scenario base = ScenarioLoader.builtIn("stripe-outage");
        // about 360,000 lines whatever the rate (at 2,000/s the log ends before the outage at 300 s)
        int seconds = 360_000 / tps;
        Scenario s = new Scenario(base.name(), base.description(), 3, seconds, tps, base.shape(), base.shapePeriodSeconds(),
                base.faults(), base.world());
        log = dir.resolve("log." + format);
        try (EventLogWriter w = new EventLogWriter(log, EventLogFormat.of(format), EventLogWriter.DEFAULT_START)) {
            ScenarioRunner.run(s, RunSettings.of("static"), w, f -> { });
            w.commit();
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(log);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public long parse(Counters c) {
        try (EventLogReader r = EventLogReader.open(log, null, false)) {
            long n = r.countEvents();
            c.lines += n;
            return n;
        }
    }

    @Benchmark
    public long parseAndObserve(Counters c) throws InterruptedException {
        EventLogSession session = EventLogSession.open(log, null, ScenarioLoader.builtIn("stripe-outage"), false, () -> false);
        Engine engine = session.engine(new StaticPolicy(), EngineOptions.DEFAULT);
        long frames = 0;
        while (!engine.finished()) {
            engine.step();
            frames++;
        }
        c.lines += session.source().stats().lines();
        session.close();
        return frames;
    }

    @Benchmark
    public long ingestWithAgent(Counters c) throws InterruptedException {
        EventLogSession session = EventLogSession.open(log, null, null, false, () -> false);
        var report = EventLogRunner.run(session, RunSettings.of("agent"), f -> { }, () -> false);
        c.lines += report.input().lines();
        return report.attempts();
    }
}
