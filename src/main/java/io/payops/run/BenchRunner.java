package io.payops.run;

import io.payops.domain.FaultSpec;
import io.payops.domain.SegmentStats;
import io.payops.engine.RunSettings;
import io.payops.report.BenchRow;
import io.payops.report.DetectionBound;
import io.payops.report.IncidentReport;
import io.payops.report.RunReport;
import io.payops.sim.Scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios × policies × seeds and condenses them into {@link BenchRow}s. Static and oracle always run, as the
 * frame every other policy is measured in.
 */
public final class BenchRunner {
    private BenchRunner() {
    }

    /** The table, and how long the agent's cycles took (HdrHistogram over every cycle of every agent run). */
    public record Result(List<BenchRow> rows, long cycles, double cycleP50Micros, double cycleP99Micros,
                         double cycleMaxMicros) {
    }

    public static Result run(List<Scenario> scenarios, List<String> policies, int seeds) {
        List<BenchRow> rows = new ArrayList<>();
        org.HdrHistogram.Histogram cycleNanos = new org.HdrHistogram.Histogram(3);
        for (Scenario base : scenarios) {
            Map<String, List<RunReport>> byPolicy = new HashMap<>();
            List<Double> bounds = new ArrayList<>();
            List<String> all = new ArrayList<>(List.of("static", "oracle"));
            policies.stream().filter(p -> !all.contains(p)).forEach(all::add);
            for (int k = 0; k < seeds; k++) {
                Scenario s = base.withSeed(base.seed() + k);
                for (String p : all) {
                    if (p.equals("static")) {
                        byPolicy.computeIfAbsent(p, x -> new ArrayList<>()).add(runStatic(s, bounds));
                    } else {
                        byPolicy.computeIfAbsent(p, x -> new ArrayList<>()).add(ScenarioRunner.run(s, RunSettings.of(p),
                                null, frame -> {
                                    if (frame.step().cycle() != null) {
                                        cycleNanos.recordValue(Math.max(1, frame.step().cycle().cycleNanos()));
                                    }
                                }));
                    }
                }
            }
            double stat = mean(byPolicy.get("static"), RunReport::excessFailures);
            double oracle = mean(byPolicy.get("oracle"), RunReport::excessFailures);
            Double bound = median(bounds);
            for (String p : all) {
                if (!policies.contains(p) && !p.equals("static") && !p.equals("oracle")) {
                    continue;
                }
                List<RunReport> reports = byPolicy.get(p);
                double excess = mean(reports, RunReport::excessFailures);
                Double prevented = base.routingCanHelp() && stat - oracle > 1e-9 ? (stat - excess) / (stat - oracle) : null;
                List<Double> detect = new ArrayList<>();
                int right = 0;
                int incidents = 0;
                for (RunReport r : reports) {
                    for (IncidentReport i : r.incidents()) {
                        incidents++;
                        if (i.detectedAtSecond() != null) {
                            detect.add(i.detectedAtSecond().doubleValue() - i.startSecond().doubleValue());
                        }
                        if (i.diagnosedRight()) {
                            right++;
                        }
                    }
                }
                rows.add(new BenchRow(base.name(), p, seeds, round(excess, 1), prevented == null ? null : round(prevented, 3),
                        median(detect), bound == null ? null : round(bound, 1), mean(reports, RunReport::falseActions),
                        mean(reports, RunReport::rollbacks), mean(reports, RunReport::approvalsRequested), right, incidents));
            }
        }
        return new Result(rows, cycleNanos.getTotalCount(), cycleNanos.getValueAtPercentile(50) / 1000.0,
                cycleNanos.getValueAtPercentile(99) / 1000.0, cycleNanos.getMaxValue() / 1000.0);
    }

    /**
     * Runs static and notes, for each fault, the sequential bound on its target segment, from that segment's
     * per-second counts over the five minutes before the fault and over the fault itself.
     */
    private static RunReport runStatic(Scenario s, List<Double> bounds) {
        int n = s.faults().size();
        long[][] before = new long[n][3];
        long[][] during = new long[n][3];
        RunReport r = ScenarioRunner.run(s, RunSettings.of("static"), null, frame -> {
            for (int i = 0; i < n; i++) {
                FaultSpec f = s.faults().get(i);
                double at = frame.simSeconds();
                long[] acc = at > f.startSecond() - 300 && at <= f.startSecond() ? before[i]
                        : at > f.startSecond() && at <= f.endSecond() ? during[i] : null;
                SegmentStats st = acc == null ? null : f.target().isAll() ? frame.snapshot().recentTotal()
                        : frame.snapshot().recentSegments().stream().filter(x -> x.target().equals(f.target()))
                        .findFirst().orElse(null);
                if (st != null) {
                    acc[0] += st.attempts();
                    acc[1] += st.attempts() - st.successes();
                    acc[2] += 1;
                }
            }
        });
        for (int i = 0; i < n; i++) {
            FaultSpec f = s.faults().get(i);
            if (before[i][0] == 0 || during[i][0] == 0) {
                continue;
            }
            double p0 = (double) before[i][1] / before[i][0];
            double p1 = (double) during[i][1] / during[i][0];
            double rate = during[i][0] / Math.max(1.0, f.durationSeconds());
            if (p1 > p0) {
                bounds.add(DetectionBound.attempts(p0, p1) / rate);
            }
        }
        return r;
    }

    private static double mean(List<RunReport> reports, java.util.function.ToDoubleFunction<RunReport> f) {
        return round(reports.stream().mapToDouble(f).average().orElse(Double.NaN), 2);
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return round(m, 1);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
