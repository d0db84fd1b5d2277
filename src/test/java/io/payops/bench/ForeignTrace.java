package io.payops.bench;

import io.payops.foreign.ForeignRun;
import io.payops.foreign.ForeignShape;
import io.payops.foreign.NoisyForeignGenerator;
import io.payops.foreign.NoisyLog;
import io.payops.report.IngestReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores the agent on noisy foreign logs (a generator that is not our simulator), seed by seed, and sums up:
 * {@code ForeignTrace FROM TO SHAPE[,SHAPE...] [verbose]}.
 */
public final class ForeignTrace {
    private ForeignTrace() {
    }

    public static void main(String[] args) throws Exception {
        long from = Long.parseLong(args[0]);
        long to = Long.parseLong(args[1]);
        List<ForeignShape> shapes = new ArrayList<>();
        for (String s : args[2].split(",")) {
            shapes.add(ForeignShape.valueOf(s));
        }
        boolean verbose = args.length > 3;
        Path dir = Files.createTempDirectory("foreign-trace");
        int faults = 0, found = 0, overlapped = 0, incidents = 0, outlived = 0, unexplained = 0, duplicates = 0;
        int standing = 0, standingReported = 0, logs = 0, successOff = 0, late = 0;
        long lines = 0;
        long nanos = 0;
        for (long seed = from; seed <= to; seed++) {
            NoisyLog log = NoisyForeignGenerator.generate(seed, false);
            for (ForeignShape shape : shapes) {
                long t0 = System.nanoTime();
                IngestReport r = ForeignRun.ingest(log, shape, dir);
                nanos += System.nanoTime() - t0;
                lines += log.attemptCount();
                ForeignRun.Score s = ForeignRun.score(log, shape, r);
                logs++;
                faults += s.faults();
                found += s.faultsFound();
                overlapped += s.faultsOverlapped();
                incidents += s.incidents();
                outlived += s.outlived();
                unexplained += s.unexplained();
                duplicates += s.duplicates();
                standing += s.standing() ? 1 : 0;
                standingReported += s.standingReported() ? 1 : 0;
                late += s.lateRecommendations();
                successOff += Math.abs(s.logSuccess() - s.reportSuccess()) > 0.001 ? 1 : 0;
                System.out.println(verbose ? s + "\n" + log.describe() : s.toString().lines().findFirst().orElse(""));
            }
        }
        System.out.printf(Locale.ROOT, "%n%d logs: faults found on their exact target %d/%d (%.1f%%), overlapping %d; "
                        + "incidents %d (%.1f per log), outliving their cause by >%d s %d, unexplained %d, duplicates %d; "
                        + "standing reported %d/%d; success off by >0.1 pt %d; routing changes recommended where no trouble was %d; "
                        + "%.0f lines/s end to end%n", logs, found,
                faults, 100.0 * found / Math.max(1, faults), overlapped, incidents, (double) incidents / logs,
                ForeignRun.OUTLIVE_SECONDS, outlived, unexplained, duplicates, standingReported, standing, successOff, late,
                lines / (nanos / 1e9));
    }
}
