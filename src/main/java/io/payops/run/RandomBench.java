package io.payops.run;

import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.engine.RunSettings;
import io.payops.report.ActionReport;
import io.payops.report.FaultVisibility;
import io.payops.report.IncidentReport;
import io.payops.report.RunReport;
import io.payops.sim.RandomScenarios;
import io.payops.sim.RandomScenarios.TargetShape;
import io.payops.sim.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Judges policies on random worlds ({@link RandomScenarios}) rather than on the built-in scenarios they were shaped
 * on. Each world runs under {@code static} (with {@link FaultVisibility} watching its attempts), {@code oracle} and
 * each policy asked for; every fault is then matched to the policy's detections (({@code FaultAttribution})). Worlds
 * run in parallel on {@code threads} threads; each run is deterministic, so the result is too.
 */
public final class RandomBench {
    /** A world's prevented share is only meaningful when routing could prevent at least this many failures. */
    public static final double MIN_PREVENTABLE = 5;
    /** No world may see the policy lose more than this many payments beyond doing nothing. */
    public static final double MAX_LOSS_BEYOND_STATIC = 2;

    /** One fault of one world, as one policy handled it. */
    public record FaultRow(String faultId, FaultType type, TargetShape shape, boolean routable, boolean overlapping,
                           double rampSeconds, boolean visible, Double boundSeconds, String attribution,
                           Double delaySeconds, String takenFor, Double mitigatedAfterSeconds, double durationSeconds) {
        public boolean detected() {
            return !"missed".equals(attribution);
        }

        public boolean right() {
            return "diagnosed".equals(attribution);
        }

        /** The detection delay over the sequential bound, with the bound floored at one 1 s tick; null if missed. */
        public Double delayRatio() {
            return delaySeconds == null || boundSeconds == null ? null : delaySeconds / Math.max(1, boundSeconds);
        }
    }

    /**
     * One world under one policy. {@code trafficChanges} counts executed changes that moved traffic (shifts and open
     * circuits, recoveries excluded); {@code retryChanges} the retry-policy changes; {@code harmful} is true when
     * traffic was moved in a world where no fault could be routed around.
     */
    public record WorldRow(long seed, String description, boolean routingCanHelp, double staticExcess,
                           double oracleExcess, double excess, Double prevented, int trafficChanges, int retryChanges,
                           int rollbacks, int falseAlarms, List<FaultRow> faults, double staticFaultCaused,
                           double oracleFaultCaused, double faultCaused, Double preventedOfFaultCaused) {
        public boolean harmful() {
            return !routingCanHelp && trafficChanges > 0;
        }

        public double lossBeyondStatic() {
            return excess - staticExcess;
        }
    }

    public record Result(String policy, List<WorldRow> worlds) {
    }

    private RandomBench() {
    }

    /** Runs every world under static, oracle and each policy; one result per policy, worlds in the given order. */
    public static List<Result> run(List<Scenario> worlds, List<String> policies, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "random-bench");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<WorldRow>>> futures = new ArrayList<>();
            for (Scenario s : worlds) {
                futures.add(pool.submit(() -> runWorld(s, policies)));
            }
            List<List<WorldRow>> byPolicy = new ArrayList<>();
            policies.forEach(p -> byPolicy.add(new ArrayList<>()));
            for (Future<List<WorldRow>> f : futures) {
                List<WorldRow> rows = f.get();
                for (int k = 0; k < policies.size(); k++) {
                    byPolicy.get(k).add(rows.get(k));
                }
            }
            List<Result> out = new ArrayList<>();
            for (int k = 0; k < policies.size(); k++) {
                out.add(new Result(policies.get(k), byPolicy.get(k)));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running random worlds", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a random world failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One world: static (watched for visibility), oracle, then each policy; a row per policy. */
    public static List<WorldRow> runWorld(Scenario s, List<String> policies) {
        FaultVisibility visibility = new FaultVisibility(s.faults());
        RunReport stat = ScenarioRunner.run(s, RunSettings.of("static"), visibility, f -> { });
        RunReport oracle = ScenarioRunner.run(s, RunSettings.of("oracle"));
        List<FaultVisibility.Figures> figures = visibility.figures();
        List<WorldRow> out = new ArrayList<>();
        for (String p : policies) {
            RunReport r = p.equals("static") ? stat : p.equals("oracle") ? oracle : ScenarioRunner.run(s, RunSettings.of(p));
            out.add(row(s, stat, oracle, r, figures));
        }
        return out;
    }

    private static WorldRow row(Scenario s, RunReport stat, RunReport oracle, RunReport r,
                                List<FaultVisibility.Figures> figures) {
        List<FaultRow> faults = new ArrayList<>();
        for (int i = 0; i < s.faults().size(); i++) {
            FaultSpec f = s.faults().get(i);
            String id = "f" + (i + 1);
            IncidentReport inc = r.incidents().stream().filter(x -> x.faultId().equals(id)).findFirst().orElse(null);
            FaultVisibility.Figures fig = figures.get(i);
            Double delay = inc == null || inc.detectedAtSecond() == null ? null
                    : inc.detectedAtSecond().doubleValue() - f.startSecond();
            String takenFor = inc == null || !"misdiagnosed".equals(inc.attribution()) ? null
                    : inc.diagnosis() + " on " + inc.diagnosisTarget();
            Double mitigated = inc == null || inc.mitigatedAtSecond() == null ? null
                    : inc.mitigatedAtSecond().doubleValue() - f.startSecond();
            faults.add(new FaultRow(id, f.type(), TargetShape.of(f.target()), f.routable(), overlapping(s, i),
                    f.rampSeconds(), fig.visible(), fig.boundSeconds() == null ? null : round(fig.boundSeconds(), 1),
                    inc == null ? "missed" : inc.attribution(), delay, takenFor, mitigated, f.durationSeconds()));
        }
        int traffic = 0;
        int retry = 0;
        for (ActionReport a : r.actions()) {
            boolean applied = a.status().equals("executed") || a.status().equals("rolled_back");
            if (!applied || a.recovery()) {
                continue;
            }
            switch (a.type()) {
                case "shift_traffic", "open_circuit" -> traffic++;
                case "adjust_retry_policy" -> retry++;
                default -> {
                }
            }
        }
        double preventable = stat.excessFailures() - oracle.excessFailures();
        Double prevented = preventable >= MIN_PREVENTABLE
                ? round((stat.excessFailures() - r.excessFailures()) / preventable, 4) : null;
        double faultPreventable = stat.faultCausedFailures() - oracle.faultCausedFailures();
        Double faultPrevented = faultPreventable >= MIN_PREVENTABLE
                ? round((stat.faultCausedFailures() - r.faultCausedFailures()) / faultPreventable, 4) : null;
        return new WorldRow(s.seed(), s.description(), s.routingCanHelp(), stat.excessFailures(),
                oracle.excessFailures(), r.excessFailures(), prevented, traffic, retry, r.rollbacks(),
                r.falseAlarms().size(), faults, stat.faultCausedFailures(), oracle.faultCausedFailures(),
                r.faultCausedFailures(), faultPrevented);
    }

    /** Whether fault {@code i} shares traffic with another fault while both are on (random-world tests ask too). */
    public static boolean overlapping(Scenario s, int i) {
        FaultSpec f = s.faults().get(i);
        for (int j = 0; j < s.faults().size(); j++) {
            FaultSpec g = s.faults().get(j);
            if (j != i && g.startSecond() < f.endSecond() && f.startSecond() < g.endSecond()
                    && g.target().overlaps(f.target())) {
                return true;
            }
        }
        return false;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
