package io.payops.bench;

import io.payops.engine.RunSettings;
import io.payops.report.RunReport;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One simulated hour at 100 payments/s through the whole engine (simulator, observer, snapshots, frames, report),
 * under the static policy and under the agent, on a scenario with an incident in it.
 * Run: mvn -B -Pbench test-compile exec:exec -Djmh.args="EngineHourBenchmark"
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineHourBenchmark {
    @Param({"static", "agent"})
    public String policy;

    private Scenario hour;

    @Setup
    public void setUp() {
        Scenario base = ScenarioLoader.builtIn("sbi-degradation");
        hour = new Scenario(base.name(), base.description(), base.seed(), 3600, 100, base.shape(),
                base.shapePeriodSeconds(), base.faults(), base.world());
    }

    @Benchmark
    public RunReport oneSimulatedHour() {
        return ScenarioRunner.run(hour, RunSettings.of(policy));
    }
}
