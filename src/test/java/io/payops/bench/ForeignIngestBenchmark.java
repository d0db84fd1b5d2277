package io.payops.bench;

import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.engine.EventLogSession;
import io.payops.foreign.ForeignRun;
import io.payops.foreign.ForeignShape;
import io.payops.foreign.NoisyForeignGenerator;
import io.payops.foreign.NoisyLog;
import io.payops.ingest.EventLogReader;
import io.payops.ingest.LogMapping;
import io.payops.policy.StaticPolicy;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reading foreign logs: the noisy generator's logs in three shapes, read through aliases (Python-style JSON lines),
 * aliases with a space-separated zone-less time (CSV), and {@code --map}/{@code --status-map} (CSV). The {@code lines}
 * counter ({@link IngestBenchmark.Counters}) is lines per second of wall time.
 * Run: mvn -B -Pbench test-compile exec:exec -Djmh.args="ForeignIngestBenchmark"
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 4, time = 4)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class ForeignIngestBenchmark {
    @Param({"PY_JSONL_EPOCH", "CSV_SPACE_ISO", "CSV_NEEDS_MAP"})
    public String shape;

    private Path log;
    private LogMapping mapping;

    @Setup(Level.Trial)
    public void write() throws IOException {
        Path dir = Files.createTempDirectory("foreign-bench");
        ForeignShape s = ForeignShape.valueOf(shape);
        NoisyLog noisy = NoisyForeignGenerator.generate(5, true);
        log = dir.resolve("log" + s.extension());
        NoisyForeignGenerator.write(noisy, s, log);
        mapping = ForeignRun.mapping(s, dir);
    }

    @Benchmark
    public long parse(IngestBenchmark.Counters c) {
        try (EventLogReader r = EventLogReader.open(log, null, false, mapping)) {
            long n = r.countEvents();
            c.lines += n;
            return n;
        }
    }

    @Benchmark
    public long parseAndObserve(IngestBenchmark.Counters c) throws InterruptedException {
        EventLogSession session = EventLogSession.open(log, null, mapping, null, false, () -> false);
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
}
