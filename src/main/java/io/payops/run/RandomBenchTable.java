package io.payops.run;

import io.payops.domain.FaultType;
import io.payops.report.FaultVisibility;
import io.payops.run.RandomBench.FaultRow;
import io.payops.run.RandomBench.WorldRow;
import io.payops.sim.RandomScenarios.TargetShape;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A random-worlds bench result as Markdown: the bars first (diagnosis, harmful routing, prevented share, detection
 * delay, false alarms), then one line per fault type × target shape. Definitions:
 * <ul>
 * <li>a fault is <em>visible</em> when a sequential test could tell it from normal within half its full-strength
 * time ({@link FaultVisibility}); diagnosis and detection are judged on visible faults, and the counts over all
 * faults are given beside them;</li>
 * <li><em>overlapping</em> faults share traffic with another fault while both are on;</li>
 * <li><em>right</em> is the fault's type on its exact target as the policy's settled view (report's {@code FaultAttribution});</li>
 * <li><em>delay / bound</em> is the detection delay over the sequential bound at the target's own rate (floored at
 * the 1 s tick), for visible faults with a sudden onset (a ramp has no single moment to detect);</li>
 * <li><em>harmful</em>: traffic moved (a shift or an open circuit) in a world where no fault could be routed
 * around; <em>prevented</em>: (static − policy) / (static − oracle) over worlds where static − oracle ≥ 5.</li>
 * </ul>
 */
public final class RandomBenchTable {
    private RandomBenchTable() {
    }

    public static String markdown(RandomBench.Result result, String command) {
        List<WorldRow> worlds = result.worlds();
        List<FaultRow> all = worlds.stream().flatMap(w -> w.faults().stream()).toList();
        StringBuilder b = new StringBuilder();
        b.append("Produced by `").append(command).append("`: ").append(worlds.size()).append(" worlds, ")
                .append(all.size()).append(" faults, policy `").append(result.policy()).append("`.\n\n");
        b.append("| measure | result |\n|---|---|\n");
        line(b, "diagnosis right, visible faults sharing no traffic", ratio(all, f -> f.visible() && !f.overlapping(), FaultRow::right));
        line(b, "diagnosis right, visible overlapping faults", ratio(all, f -> f.visible() && f.overlapping(), FaultRow::right));
        line(b, "visible faults detected (anything said of their traffic)", ratio(all, FaultRow::visible, FaultRow::detected));
        line(b, "diagnosis right, every fault (visible or not)", ratio(all, f -> true, FaultRow::right));
        List<WorldRow> cannotHelp = worlds.stream().filter(w -> !w.routingCanHelp()).toList();
        line(b, "worlds where routing cannot help with traffic moved (harmful)", count(cannotHelp, WorldRow::harmful)
                + " of " + cannotHelp.size() + seeds(cannotHelp, WorldRow::harmful));
        line(b, "… of them with a retry-policy change", count(cannotHelp, w -> w.retryChanges() > 0) + " of "
                + cannotHelp.size());
        List<Double> prevented = worlds.stream().map(WorldRow::prevented).filter(p -> p != null).sorted().toList();
        line(b, "prevented share, worlds where static − oracle ≥ " + (int) RandomBench.MIN_PREVENTABLE,
                prevented.isEmpty() ? "–" : String.format(Locale.ROOT, "mean %s, median %s, lowest %s over %d worlds",
                        pct(mean(prevented)), pct(median(prevented)), pct(prevented.get(0)), prevented.size()));
        List<Double> faultPrevented = worlds.stream().map(WorldRow::preventedOfFaultCaused).filter(p -> p != null).sorted()
                .toList();
        line(b, "prevented share of the faults' own harm (fault-caused failures), worlds where static − oracle ≥ "
                        + (int) RandomBench.MIN_PREVENTABLE,
                faultPrevented.isEmpty() ? "–" : String.format(Locale.ROOT, "mean %s, median %s, lowest %s over %d worlds",
                        pct(mean(faultPrevented)), pct(median(faultPrevented)), pct(faultPrevented.get(0)),
                        faultPrevented.size()));
        line(b, "worlds where the policy lost > " + (int) RandomBench.MAX_LOSS_BEYOND_STATIC + " payments beyond static",
                count(worlds, w -> w.lossBeyondStatic() > RandomBench.MAX_LOSS_BEYOND_STATIC) + " of " + worlds.size()
                        + seeds(worlds, w -> w.lossBeyondStatic() > RandomBench.MAX_LOSS_BEYOND_STATIC));
        line(b, "worlds where the oracle lost more than static", count(worlds, w -> w.oracleExcess() > w.staticExcess() + 0.05)
                + " of " + worlds.size());
        for (FaultType t : FaultType.values()) {
            List<Double> ratios = all.stream().filter(f -> f.type() == t && f.visible() && f.rampSeconds() == 0
                    && f.delayRatio() != null).map(FaultRow::delayRatio).sorted().toList();
            line(b, "median delay / bound, sudden visible " + t.key(), ratios.isEmpty() ? "–"
                    : String.format(Locale.ROOT, "%.2f over %d faults", median(ratios), ratios.size()));
        }
        int falseAlarms = worlds.stream().mapToInt(WorldRow::falseAlarms).sum();
        line(b, "false alarms (alarms about traffic no fault touched)", String.format(Locale.ROOT,
                "%d in %d worlds (%d with at least one)", falseAlarms, worlds.size(), count(worlds, w -> w.falseAlarms() > 0)));
        line(b, "rollbacks", String.valueOf(worlds.stream().mapToInt(WorldRow::rollbacks).sum()));

        b.append("\n| fault | target | faults | visible | detected | right, alone | right, overlapping | delay / bound "
                + "| prevented (single-fault worlds) | harmful |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (FaultType t : FaultType.values()) {
            for (TargetShape s : TargetShape.values()) {
                List<FaultRow> rows = all.stream().filter(f -> f.type() == t && f.shape() == s).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                List<WorldRow> single = worlds.stream().filter(w -> w.faults().size() == 1
                        && w.faults().get(0).type() == t && w.faults().get(0).shape() == s).toList();
                List<Double> p = single.stream().map(WorldRow::prevented).filter(x -> x != null).toList();
                List<Double> ratios = rows.stream().filter(f -> f.visible() && f.rampSeconds() == 0 && f.delayRatio() != null)
                        .map(FaultRow::delayRatio).sorted().toList();
                List<WorldRow> noHelp = single.stream().filter(w -> !w.routingCanHelp()).toList();
                b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s | %s | %s | %s |%n", t.key(),
                        s.key(), rows.size(), rows.stream().filter(FaultRow::visible).count(),
                        ratio(rows, FaultRow::visible, FaultRow::detected),
                        ratio(rows, f -> f.visible() && !f.overlapping(), FaultRow::right),
                        ratio(rows, f -> f.visible() && f.overlapping(), FaultRow::right),
                        ratios.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f", median(ratios)),
                        p.isEmpty() ? "–" : pct(mean(p)),
                        noHelp.isEmpty() ? "–" : count(noHelp, WorldRow::harmful) + "/" + noHelp.size()));
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String what, String value) {
        b.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    private static String ratio(List<FaultRow> rows, Predicate<FaultRow> of, Predicate<FaultRow> good) {
        long n = rows.stream().filter(of).count();
        long k = rows.stream().filter(of).filter(good).count();
        return n == 0 ? "–" : String.format(Locale.ROOT, "%d/%d (%.1f%%)", k, n, 100.0 * k / n);
    }

    private static int count(List<WorldRow> worlds, Predicate<WorldRow> p) {
        return (int) worlds.stream().filter(p).count();
    }

    private static String seeds(List<WorldRow> worlds, Predicate<WorldRow> p) {
        List<String> s = worlds.stream().filter(p).map(w -> String.valueOf(w.seed())).limit(12).toList();
        return s.isEmpty() ? "" : " (seeds " + String.join(", ", s) + (count(worlds, p) > 12 ? ", …" : "") + ")";
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
