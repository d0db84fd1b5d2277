package io.payops.run;

import io.payops.report.BenchRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bench result as a Markdown table with a summary per policy. */
public final class BenchTable {
    private BenchTable() {
    }

    public static String markdown(BenchRunner.Result result, String command) {
        StringBuilder b = new StringBuilder();
        b.append("Produced by `").append(command).append("`.\n\n");
        b.append("| scenario | policy | excess failures | prevented | median detect (s) | 2× bound (s) | false actions "
                + "| rollbacks | approvals | diagnosed right |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchRow r : result.rows()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %s | %s | %.2f | %.2f | %.2f | %s |%n",
                    r.scenario(), r.policy(), r.excessFailures(), pct(r.prevented()), num(r.medianDetectSeconds()),
                    r.boundSeconds() == null ? "–" : num(2 * r.boundSeconds()), r.falseActions(), r.rollbacks(),
                    r.approvals(), r.incidents() == 0 ? "–" : r.diagnosedRight() + "/" + r.incidents()));
        }
        Map<String, Double> prevented = meanPrevented(result.rows());
        if (!prevented.isEmpty()) {
            b.append("\nMean share of the preventable loss prevented, over scenarios where routing can help:\n\n");
        }
        for (Map.Entry<String, Double> e : prevented.entrySet()) {
            b.append(String.format(Locale.ROOT, "- %s: %s%n", e.getKey(), pct(e.getValue())));
        }
        if (result.cycles() > 0) {
            b.append(String.format(Locale.ROOT, "%nAgent cycle (heuristic reasoner), over %d cycles: p50 %.1f µs, p99 %.1f µs, "
                    + "max %.1f µs.%n", result.cycles(), result.cycleP50Micros(), result.cycleP99Micros(), result.cycleMaxMicros()));
        }
        return b.toString();
    }

    public static Map<String, Double> meanPrevented(List<BenchRow> rows) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (BenchRow r : rows) {
            if (r.prevented() != null) {
                double[] a = acc.computeIfAbsent(r.policy(), k -> new double[2]);
                a[0] += r.prevented();
                a[1]++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        acc.forEach((k, v) -> out.put(k, v[0] / v[1]));
        return out;
    }

    private static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String num(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }
}
