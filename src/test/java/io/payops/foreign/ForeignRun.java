package io.payops.foreign;

import io.payops.domain.Dimension;
import io.payops.domain.Target;
import io.payops.engine.EventLogSession;
import io.payops.engine.RunSettings;
import io.payops.ingest.LogMapping;
import io.payops.report.IngestIncident;
import io.payops.report.IngestReport;
import io.payops.run.EventLogRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A noisy foreign log written in one shape, ingested the way a user would (aliases, or the shape's {@code --map} /
 * {@code --mapping}), and scored against its ground truth: faults found on their exact target, incidents that outlive
 * their cause, duplicates, the standing condition, and the success rate the report gives against the log's.
 */
public final class ForeignRun {
    /** An incident may close this long after its cause ended (the bar). */
    public static final long OUTLIVE_SECONDS = 60;

    private ForeignRun() {
    }

    /** What one log gave. */
    public record Score(long seed, ForeignShape shape, int faults, int faultsFound, int faultsOverlapped,
                        int incidents, int outlived, int unexplained, int duplicates, boolean standing,
                        boolean standingReported, double logSuccess, double reportSuccess, long badLines,
                        int lateRecommendations, List<String> notes) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "seed %d %s: faults %d/%d exact (%d overlapping), incidents %d, outlived "
                            + "%d, unexplained %d, duplicates %d, standing %s, success log %.4f report %.4f, bad %d, late "
                            + "recommendations %d%s",
                    seed, shape, faultsFound, faults, faultsOverlapped, incidents, outlived, unexplained, duplicates,
                    standing ? (standingReported ? "reported" : "MISSED") : "-", logSuccess, reportSuccess, badLines,
                    lateRecommendations,
                    notes.isEmpty() ? "" : "\n    " + String.join("\n    ", notes));
        }
    }

    public static LogMapping mapping(ForeignShape shape, Path dir) throws IOException {
        Path file = null;
        if (shape.mappingJson() != null) {
            file = dir.resolve("mapping.json");
            Files.writeString(file, shape.mappingJson());
        }
        List<String> maps = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> args = shape.mapArgs();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            (args.get(i).equals("--map") ? maps : statuses).add(args.get(i + 1));
        }
        return LogMapping.of(file, maps, statuses, null);
    }

    public static IngestReport ingest(NoisyLog log, ForeignShape shape, Path dir) throws Exception {
        Path file = dir.resolve("noisy-" + log.seed() + shape.extension());
        NoisyForeignGenerator.write(log, shape, file);
        EventLogSession session = EventLogSession.open(file, null, mapping(shape, dir), null, false, () -> false);
        try {
            return EventLogRunner.run(session, RunSettings.of("agent"), f -> { }, () -> false);
        } finally {
            session.close();
        }
    }

    public static Score score(NoisyLog log, ForeignShape shape, IngestReport r) {
        List<String> notes = new ArrayList<>();
        long end = r.simulatedSeconds();
        int found = 0;
        int overlapped = 0;
        int faults = 0;
        for (InjectedFault f : log.faults()) {
            if (!shape.dimensions().contains(f.dimension())) {
                continue;
            }
            faults++;
            Target t = target(f.dimension(), f.value());
            boolean exact = r.incidents().stream().anyMatch(i -> i.target().equals(t) && during(i, f.startSecond(),
                    f.endSecond() + OUTLIVE_SECONDS));
            boolean overlap = r.incidents().stream().anyMatch(i -> i.target().overlaps(t) && during(i, f.startSecond(),
                    f.endSecond() + OUTLIVE_SECONDS));
            found += exact ? 1 : 0;
            overlapped += overlap ? 1 : 0;
            if (!exact) {
                notes.add("missed " + f);
            }
        }
        int outlived = 0;
        int unexplained = 0;
        for (IngestIncident i : r.incidents()) {
            long close = i.endSecond() == null ? end : i.endSecond().longValue();
            long causeEnd = causeEnd(log, shape, i, end);
            if (causeEnd == Long.MIN_VALUE) {
                unexplained++;
                notes.add("unexplained " + describe(i));
            } else if (close - causeEnd > OUTLIVE_SECONDS) {
                outlived++;
                notes.add("outlived its cause (ended " + causeEnd + " s) " + describe(i));
            }
        }
        int duplicates = 0;
        Map<Target, List<IngestIncident>> byTarget = new HashMap<>();
        r.incidents().forEach(i -> byTarget.computeIfAbsent(i.target(), k -> new ArrayList<>()).add(i));
        for (List<IngestIncident> same : byTarget.values()) {
            for (int a = 0; a < same.size(); a++) {
                for (int b = a + 1; b < same.size(); b++) {
                    IngestIncident x = same.get(a);
                    IngestIncident y = same.get(b);
                    long xe = x.endSecond() == null ? end : x.endSecond().longValue();
                    long ye = y.endSecond() == null ? end : y.endSecond().longValue();
                    if (x.detectedAtSecond().doubleValue() <= ye && y.detectedAtSecond().doubleValue() <= xe) {
                        duplicates++;
                        notes.add("duplicate " + describe(x) + " / " + describe(y));
                    }
                }
            }
        }
        int late = 0;
        for (io.payops.report.ActionReport a : r.actions()) {
            if (!a.type().equals("open_circuit") && !a.type().equals("shift_traffic") || a.atSecond() == null) {
                continue;
            }
            long at = a.atSecond().longValue();
            IngestIncident asIf = new IngestIncident(0, "", a.target(), at, null, at, null, 0);
            long causeEnd = causeEnd(log, shape, asIf, end);
            if (causeEnd == Long.MIN_VALUE || at - causeEnd > OUTLIVE_SECONDS) {
                late++;
                notes.add("routing change recommended with no trouble on its traffic: " + a.type() + " " + a.target()
                        + " at " + at + " s");
            }
        }
        boolean standing = log.standing().isPresent() && shape.dimensions().contains(log.standing().get().dimension());
        boolean standingReported = standing && standingSeen(log.standing().get(), r);
        return new Score(log.seed(), shape, faults, found, overlapped, r.incidents().size(), outlived, unexplained,
                duplicates, standing, standingReported, logSuccess(log, shape), r.successRate(), r.input().badLines(), late, notes);
    }

    static boolean standingSeen(StandingCondition s, IngestReport r) {
        Target t = target(s.dimension(), s.value());
        return r.incidents().stream().anyMatch(i -> i.target().equals(t))
                || r.standingConditions().stream().anyMatch(c -> c.target().equals(t));
    }

    private static boolean during(IngestIncident i, long from, long to) {
        double at = i.detectedAtSecond().doubleValue();
        return at >= from && at <= to;
    }

    /** The latest end among the causes that could explain an incident (a fault, a noise episode, the standing). */
    private static long causeEnd(NoisyLog log, ForeignShape shape, IngestIncident i, long logEnd) {
        long open = i.detectedAtSecond().longValue();
        long close = i.endSecond() == null ? logEnd : i.endSecond().longValue();
        long best = Long.MIN_VALUE;
        for (InjectedFault f : log.faults()) {
            if (shape.dimensions().contains(f.dimension()) && i.target().overlaps(target(f.dimension(), f.value()))
                    && f.startSecond() <= close && open <= f.endSecond() + OUTLIVE_SECONDS) {
                best = Math.max(best, f.endSecond());
            }
        }
        for (NoiseEpisode n : log.noise()) {
            Target t = n.dimension().equals("all") ? Target.ALL : target(n.dimension(), n.value());
            if ((n.dimension().equals("all") || shape.dimensions().contains(n.dimension())) && i.target().overlaps(t)
                    && n.startSecond() <= close && open <= n.endSecond() + OUTLIVE_SECONDS) {
                best = Math.max(best, n.endSecond());
            }
        }
        if (log.standing().isPresent()) {
            StandingCondition s = log.standing().get();
            if (shape.dimensions().contains(s.dimension()) && i.target().overlaps(target(s.dimension(), s.value()))) {
                best = Math.max(best, logEnd);
            }
        }
        return best;
    }

    private static String describe(IngestIncident i) {
        return i.diagnosis() + " on " + i.target() + " " + i.detectedAtSecond() + "-" + i.endSecond() + " s";
    }

    /**
     * The log's success rate as its lines can tell it: by payment where a shape says which try an attempt is (an
     * attempt number), else by line (every line is then a payment of its own; a retry count is not read by alias,
     * since tools mean different things by it).
     */
    public static double logSuccess(NoisyLog log, ForeignShape shape) {
        boolean tries = shape == ForeignShape.JSONL_BOOLEAN;
        return tries ? paymentSuccess(log) : log.successRate();
    }

    /** The share of payments with a successful attempt. */
    public static double paymentSuccess(NoisyLog log) {
        Map<Integer, Boolean> ok = new HashMap<>();
        for (Attempt a : log.lines()) {
            ok.merge(a.payment(), a.outcome().success(), Boolean::logicalOr);
        }
        return (double) ok.values().stream().filter(b -> b).count() / ok.size();
    }

    static Target target(String dimension, String value) {
        return Target.of(Dimension.fromKey(dimension), value);
    }
}
