package io.payops.agent;

import io.payops.domain.Detection;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Target;
import io.payops.engine.RunSettings;
import io.payops.report.ActionReport;
import io.payops.report.IncidentReport;
import io.payops.report.RunReport;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.TrafficShape;
import io.payops.sim.World;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One closed-loop agent run for the regression tests of issue #14: the scenario, its report and every detection the
 * agent made, with a description that explains a failure by itself (seed, traffic, faults, incidents, what the agent
 * said and every action it took).
 */
record RegressionRun(Scenario scenario, RunReport report, List<Detection> detections) {
    /** Payments per second of the worlds built here are flat; the period is unused for flat traffic. */
    private static final int FLAT_PERIOD = 3600;

    /** A world of the default cast with flat traffic and the given faults. */
    static Scenario world(String name, long seed, int seconds, double tps, FaultSpec... faults) {
        return new Scenario(name, "issue #14 regression: " + name, seed, seconds, tps, TrafficShape.FLAT, FLAT_PERIOD,
                List.of(faults), World.defaultWorld());
    }

    /** A fault with a sudden onset (multiplier 1: not a latency spike). */
    static FaultSpec fault(FaultType type, Target target, double start, double duration, double severity) {
        return new FaultSpec(type, target, start, duration, severity, 1, 0);
    }

    static RegressionRun of(Scenario s) {
        List<Detection> detections = new ArrayList<>();
        RunReport r = ScenarioRunner.run(s, RunSettings.of("agent"), null,
                f -> detections.addAll(f.step().detections()));
        return new RegressionRun(s, r, List.copyOf(detections));
    }

    /**
     * An executed routing change that moves traffic: a shift or a circuit that was put in force (executed, or
     * executed and later rolled back) and that answered trouble (not the undoing of an earlier change).
     */
    static boolean movesTraffic(ActionReport a) {
        return (a.type().equals("shift_traffic") || a.type().equals("open_circuit"))
                && (a.status().equals("executed") || a.status().equals("rolled_back"))
                && !a.recovery();
    }

    List<ActionReport> moves() {
        return report.actions().stream().filter(RegressionRun::movesTraffic).toList();
    }

    /** The incident of the scenario's fault of this type on exactly this target. */
    IncidentReport incident(FaultType type, Target target) {
        return report.incidents().stream()
                .filter(i -> i.fault().equals(type.key()) && i.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no incident for " + type.key() + " on " + target + "\n"
                        + explain()));
    }

    /** Everything needed to see what went wrong, for assertion messages. */
    String explain() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s seed %d, %.1f payments/s, %d s%n", scenario.name(), scenario.seed(),
                scenario.tps(), scenario.durationSeconds()));
        for (FaultSpec f : scenario.faults()) {
            b.append(String.format(Locale.ROOT, "  fault %s on {%s} %.0f–%.0f s severity %s multiplier %s ramp %.0f s%n",
                    f.type().key(), f.target(), f.startSecond(), f.endSecond(), f.severity(), f.multiplier(),
                    f.rampSeconds()));
        }
        for (IncidentReport i : report.incidents()) {
            b.append(String.format(Locale.ROOT, "  incident %s %s on {%s}: %s, detected at %s, mitigated at %s, "
                            + "taken for %s on {%s}%n", i.faultId(), i.fault(), i.target(), i.attribution(),
                    i.detectedAtSecond(), i.mitigatedAtSecond(), i.diagnosis(), i.diagnosisTarget()));
        }
        b.append("  what the agent said (diagnosis on target: times said, first–last second):\n");
        Map<String, long[]> said = new LinkedHashMap<>();
        for (Detection d : detections) {
            long[] v = said.computeIfAbsent(d.diagnosis().key() + " on {" + d.target() + "}",
                    k -> new long[]{0, d.atMillis(), d.atMillis()});
            v[0]++;
            v[2] = d.atMillis();
        }
        if (said.isEmpty()) {
            b.append("    nothing\n");
        }
        said.forEach((k, v) -> b.append(String.format(Locale.ROOT, "    %s: %d× %.0f–%.0f s%n", k, v[0],
                v[1] / 1000.0, v[2] / 1000.0)));
        b.append("  actions:\n");
        if (report.actions().isEmpty()) {
            b.append("    none\n");
        }
        for (ActionReport a : report.actions()) {
            b.append(String.format(Locale.ROOT, "    %s s %s on {%s} %s, status %s, outcome %s%s%s%n", a.atSecond(),
                    a.type(), a.target(), a.detail() == null ? "" : "(" + a.detail() + ")", a.status(), a.outcome(),
                    a.recovery() ? ", recovery" : "", movesTraffic(a) ? "  <- moved traffic" : ""));
        }
        b.append("  false alarms: ").append(report.falseAlarms()).append('\n');
        b.append("  final routing: ").append(report.finalRouting());
        return b.toString();
    }
}
