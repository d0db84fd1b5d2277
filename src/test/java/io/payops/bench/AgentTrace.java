package io.payops.bench;

import io.payops.domain.AgentCycle;
import io.payops.domain.Candidate;
import io.payops.domain.Hypothesis;
import io.payops.engine.RunSettings;
import io.payops.run.ScenarioRunner;
import io.payops.sim.ScenarioLoader;

import java.util.Locale;

/**
 * A developer's view of what the agent thought: runs a scenario (a name, a file or random-SEED) and prints every
 * cycle between two simulated seconds: hypotheses, the decision, the rejected candidates with why, the guard's
 * verdict. Not a test; run it from the test classpath:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.payops.bench.AgentTrace random-153 1230 1300}
 */
public final class AgentTrace {
    private AgentTrace() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        double from = Double.parseDouble(args[1]);
        double to = Double.parseDouble(args[2]);
        java.util.function.Consumer<io.payops.domain.Frame> print = f -> print(f, from, to);
        if (scenario.startsWith("log:")) {
            // log:PATH, with -Dtrace.map=gateway=bank,... for its columns
            String maps = System.getProperty("trace.map", "");
            var mapping = io.payops.ingest.LogMapping.of(null,
                    maps.isEmpty() ? java.util.List.of() : java.util.List.of(maps.split(",")), java.util.List.of(), null);
            var session = io.payops.engine.EventLogSession.open(java.nio.file.Path.of(scenario.substring(4)), null,
                    mapping, null, false, () -> false);
            var r = io.payops.run.EventLogRunner.run(session, RunSettings.of("agent"), print, () -> false);
            r.incidents().forEach(i -> System.out.println("incident " + i));
            return;
        }
        if (scenario.startsWith("foreign-")) {
            // foreign-SEED-SHAPE: a noisy foreign log, ingested as a user would
            String[] p = scenario.split("-", 3);
            var log = io.payops.foreign.NoisyForeignGenerator.generate(Long.parseLong(p[1]), false);
            var shape = io.payops.foreign.ForeignShape.valueOf(p[2]);
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("trace");
            java.nio.file.Path file = dir.resolve("log" + shape.extension());
            io.payops.foreign.NoisyForeignGenerator.write(log, shape, file);
            var session = io.payops.engine.EventLogSession.open(file, null, io.payops.foreign.ForeignRun.mapping(shape, dir),
                    null, false, () -> false);
            var r = io.payops.run.EventLogRunner.run(session, RunSettings.of("agent"), print, () -> false);
            r.incidents().forEach(i -> System.out.println("incident " + i));
            System.out.println(log.describe());
            return;
        }
        ScenarioRunner.run(ScenarioLoader.resolve(scenario), RunSettings.of("agent"), null, print);
    }

    private static void print(io.payops.domain.Frame f, double from, double to) {
        {
            AgentCycle c = f.step().cycle();
            if (c == null || f.simSeconds() < from || f.simSeconds() > to) {
                return;
            }
            System.out.printf(Locale.ROOT, "t=%.0f anomalies=%d%n", f.simSeconds(), c.anomalies().size());
            if (System.getProperty("trace.incidents") != null) {
                f.step().incidents().forEach(i -> System.out.println("   open " + i.diagnosis().key() + " " + i.target()));
            }
            c.anomalies().stream().limit(4).forEach(a -> System.out.printf(Locale.ROOT, "   anomaly %s %s %.3f vs %.3f score %.1f%n",
                    a.kind(), a.target(), a.observed(), a.expected(), a.score()));
            for (Hypothesis h : c.hypotheses()) {
                System.out.printf(Locale.ROOT, "   hyp %.3f %s %s | %s%n", h.confidence(), h.diagnosis().key(), h.target(),
                        h.evidence().isEmpty() ? "" : h.evidence().get(0));
            }
            Candidate s = c.decision().selected();
            System.out.printf(Locale.ROOT, "   decide %s score %.3f gain %.3f conf %.2f -> %s (%s)%n", s.action().describe(),
                    s.score(), s.successGain(), c.decision().confidence(), c.verdict().kind(), c.actionTaken());
            for (Candidate r : c.decision().rejected()) {
                System.out.printf(Locale.ROOT, "      rejected %s score %.3f gain %.3f: %s%n", r.action().describe(), r.score(),
                        r.successGain(), r.rejectedBecause());
            }
        }
    }
}
