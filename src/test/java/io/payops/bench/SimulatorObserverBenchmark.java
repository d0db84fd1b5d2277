package io.payops.bench;

import io.payops.domain.RetryPolicy;
import io.payops.observe.Observer;
import io.payops.sim.Routing;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.sim.Simulator;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Simulator + observer throughput on one thread: simulated seconds of traffic at 20,000 payments/s, with a fault
 * active, every attempt recorded by the observer. The {@code attempts} counter reports attempts per second.
 * Run: mvn -B -Pbench test-compile exec:exec -Djmh.args="SimulatorObserverBenchmark"
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatorObserverBenchmark {
    private Simulator simulator;
    private long nowMillis;

    /** Counts attempts so JMH reports them per second next to the operations. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long attempts;

        @Setup(Level.Iteration)
        public void reset() {
            attempts = 0;
        }
    }

    private Counters counters;

    @Setup(Level.Trial)
    public void setUp() {
        Scenario base = ScenarioLoader.builtIn("overlapping-faults");
        Scenario s = new Scenario(base.name(), base.description(), 1, 604_800, 20_000, base.shape(),
                base.shapePeriodSeconds(), base.faults(), base.world());
        Observer observer = new Observer();
        simulator = new Simulator(s, new Routing(s.world(), RetryPolicy.DEFAULT), a -> {
            observer.record(a);
            counters.attempts++;
        });
        nowMillis = 0;
    }

    @Benchmark
    public long oneSimulatedSecond(Counters c) {
        counters = c;
        nowMillis += 1000;
        if (nowMillis > 600_000_000L) {
            nowMillis = 1000;
        }
        simulator.advanceTo(nowMillis);
        return simulator.nowMillis();
    }
}
