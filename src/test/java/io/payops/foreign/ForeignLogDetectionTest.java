package io.payops.foreign;

import io.payops.report.IngestReport;
import io.payops.report.IngestStanding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection on noisy traffic from a generator that is not our simulator (drifting success, short background
 * degradations, retry bursts, heavy-tailed latency, a standing issuer). Fixed seeds; the figures over many more are
 * in docs/BENCHMARKS.md ({@code ForeignTrace}), including the bars not met yet.
 */
class ForeignLogDetectionTest {
    @TempDir
    Path dir;

    @Test
    void injectedFaultsAreFoundOnTheirTargetWithoutDuplicatesAndStandingConditionsAreReported() throws Exception {
        List<ForeignRun.Score> scores = new ArrayList<>();
        for (long seed = 1; seed <= 8; seed++) {
            NoisyLog log = NoisyForeignGenerator.generate(seed, false);
            IngestReport r = ForeignRun.ingest(log, ForeignShape.PY_JSONL_EPOCH, dir);
            scores.add(ForeignRun.score(log, ForeignShape.PY_JSONL_EPOCH, r));
        }
        int faults = scores.stream().mapToInt(ForeignRun.Score::faults).sum();
        int found = scores.stream().mapToInt(ForeignRun.Score::faultsFound).sum();
        assertTrue(found >= 0.9 * faults, found + " of " + faults + " faults found on their exact target: " + scores);
        for (ForeignRun.Score s : scores) {
            assertEquals(0, s.duplicates(), "one open incident per target: " + s);
            assertTrue(!s.standing() || s.standingReported(), "the standing issuer is reported: " + s);
            assertEquals(s.logSuccess(), s.reportSuccess(), 0.001, "nothing dropped: " + s);
        }
    }

    @Test
    void anIssuerFarBelowItsSiblingsFromTheFirstSecondIsAStandingConditionNotAnIncident() throws Exception {
        NoisyLog log = NoisyForeignGenerator.generate(31, true);
        StandingCondition truth = log.standing().orElseThrow();
        IngestReport r = ForeignRun.ingest(log, ForeignShape.CSV_SPACE_ISO, dir);
        IngestStanding seen = r.standingConditions().stream()
                .filter(c -> c.target().equals(ForeignRun.target(truth.dimension(), truth.value())))
                .findFirst().orElseThrow(() -> new AssertionError("not reported: " + r.standingConditions()));
        assertTrue(seen.firstSeenSecond().doubleValue() <= 240, "seen soon after the learning period: " + seen);
        assertTrue(seen.technicalRate() - seen.siblingsRate() >= 0.2, seen.toString());
        assertTrue(r.standingConditions().size() == 1, "only the standing issuer: " + r.standingConditions());
    }

    /**
     * A change made for one trouble does not hold open incidents of other troubles whose traffic it merely touches.
     * In seeds 104 and 106 a calmer retry policy on all traffic (for a retry storm there) held every other incident
     * open until it was undone: ten of them (nine in 106) then closed in the same second, long after their own
     * trouble ended, and 12 (11) incidents outlived their cause by more than a minute.
     */
    @Test
    void incidentsAreNotHeldOpenByAChangeMadeForAnotherTrouble() throws Exception {
        for (long seed : new long[] {104, 106}) {
            NoisyLog log = NoisyForeignGenerator.generate(seed, false);
            IngestReport r = ForeignRun.ingest(log, ForeignShape.PY_JSONL_EPOCH, dir);
            ForeignRun.Score s = ForeignRun.score(log, ForeignShape.PY_JSONL_EPOCH, r);
            Map<Number, Long> closingAt = r.incidents().stream().filter(i -> i.endSecond() != null)
                    .collect(Collectors.groupingBy(i -> i.endSecond().longValue(), Collectors.counting()));
            long together = closingAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
            assertTrue(together <= 2, "incidents closing in the same second, as when one change is undone: " + closingAt
                    + "\n" + s);
            assertTrue(s.outlived() <= 6, "incidents outliving their cause by more than a minute: " + s);
        }
    }
}
