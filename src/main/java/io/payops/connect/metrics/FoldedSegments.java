package io.payops.connect.metrics;

import io.payops.domain.Dimension;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot's window stats per gateway and per gateway × issuer, under the labels a {@link LabelPlan} allows. A
 * value with a label of its own reads exactly as the frame has it; values folded into "(other)" are pooled: their
 * success ratio is their successes over their attempts, and their p95 is the highest p95 among them, an upper bound
 * (percentiles cannot be added up, and a slow rare issuer should not be averaged out of sight). Segments without an
 * attempt in the window give no series: a ratio of nothing is not 0.
 */
record FoldedSegments(List<Row> gateways, List<Row> paths) {
    static final FoldedSegments NONE = new FoldedSegments(List.of(), List.of());

    /** One series' values; {@code labels} are gateway, or gateway and issuer. */
    record Row(List<String> labels, double successRatio, double p95Seconds) {
    }

    static FoldedSegments of(Snapshot snapshot, LabelPlan plan) {
        Map<List<String>, Pool> gateways = new TreeMap<>(FoldedSegments::compare);
        Map<List<String>, Pool> paths = new TreeMap<>(FoldedSegments::compare);
        for (SegmentStats s : snapshot.segments()) {
            Target t = s.target();
            if (s.attempts() == 0 || !t.has(Dimension.GATEWAY)) {
                continue;
            }
            String gateway = plan.gateway(t.get(Dimension.GATEWAY));
            if (t.size() == 1) {
                gateways.computeIfAbsent(List.of(gateway), k -> new Pool()).add(s);
            } else if (t.size() == 2 && t.has(Dimension.ISSUER)) {
                paths.computeIfAbsent(List.of(gateway, plan.issuer(t.get(Dimension.ISSUER))), k -> new Pool()).add(s);
            }
        }
        return new FoldedSegments(rows(gateways), rows(paths));
    }

    private static List<Row> rows(Map<List<String>, Pool> pools) {
        return pools.entrySet().stream().map(e -> e.getValue().row(e.getKey())).toList();
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** The segments sharing one series. */
    private static final class Pool {
        private SegmentStats only;
        private int segments;
        private long attempts;
        private long successes;
        private double maxP95;

        void add(SegmentStats s) {
            only = s;
            segments++;
            attempts += s.attempts();
            successes += s.successes();
            maxP95 = Math.max(maxP95, s.p95());
        }

        Row row(List<String> labels) {
            if (segments == 1) {
                return new Row(labels, only.successRate(), only.p95() / 1000.0);
            }
            return new Row(labels, (double) successes / attempts, maxP95 / 1000.0);
        }
    }
}
