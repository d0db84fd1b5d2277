package io.payops.foreign;

import io.payops.report.IngestReport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logs written by a generator that is not our simulator, in six foreign shapes, ingested as a user would: by aliases
 * alone where they suffice, with {@code --map} / {@code --mapping} where they do not. Nothing is dropped: the report's
 * success rate is the log's, to the tenth of a point, and no line is bad.
 */
class ForeignLogIngestTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ForeignShape.class)
    void everyShapeIsReadWithoutLosingALineAndItsSuccessRateIsTheLogs(ForeignShape shape) throws Exception {
        NoisyLog log = NoisyForeignGenerator.generate(7, true);
        IngestReport r = ForeignRun.ingest(log, shape, dir);
        assertEquals(0, r.input().badLines(), r.input().firstBadLines().toString());
        assertEquals(log.attemptCount(), r.input().events(), "every line is an event");
        assertEquals(ForeignRun.logSuccess(log, shape), r.successRate(), 0.001, "the log's success rate");
        boolean aliasesSuffice = shape.mapArgs().isEmpty() && shape.mappingJson() == null;
        assertEquals(aliasesSuffice, shape != ForeignShape.CSV_NEEDS_MAP && shape != ForeignShape.CSV_ROUTE_AS_BANK
                && shape != ForeignShape.JSONL_NEEDS_MAPPING_FILE);
        assertTrue(r.input().fields().containsKey("gateway"), r.input().fields().toString());
        if (shape == ForeignShape.CSV_NEEDS_MAP) {
            // E99 is deliberately mapped to nothing: reported, its lines counted as failures
            assertEquals(1, r.input().unmappedStatuses().size(), r.input().unmappedStatuses().toString());
            assertEquals("E99", r.input().unmappedStatuses().get(0).value());
            assertEquals("OTHER_FAILURE", r.input().unmappedStatuses().get(0).readAs());
        }
        if (shape == ForeignShape.JSONL_NEEDS_MAPPING_FILE) {
            assertEquals(java.util.List.of("debug_trace"), r.input().ignoredColumns(), "an unread JSON key is said");
        }
    }
}
