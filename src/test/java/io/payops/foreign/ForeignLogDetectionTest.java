package io.payops.foreign;

import io.payops.report.IngestReport;
import io.payops.report.IngestStanding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
}
