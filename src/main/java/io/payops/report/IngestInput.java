package io.payops.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.ingest.BadLine;

import java.util.List;

/**
 * How the event log read: lines, events, bad lines with the first ten, which column held which field, columns
 * ignored, status words no vocabulary knew (with their counts; their lines counted as failures), events out of file
 * order (still observed)
 * and late (older than the window when they came, so dropped), stretches jumped, dimension values folded into
 * "(other)" (a dimension past its bound of distinct values, or a path past its bound), dimension values cut to
 * {@link io.payops.ingest.EventLogStats#MAX_VALUE_CHARS} characters, and restarts while following.
 */
@JsonPropertyOrder({"file", "format", "lines", "events", "blankLines", "badLines", "firstBadLines", "fields",
        "ignoredColumns", "unmappedStatuses",
        "outOfOrder", "late", "gapsSkipped", "valuesFolded", "valuesTruncated", "truncations", "rotations",
        "firstEventAt", "lastEventAt"})
public record IngestInput(
        String file,
        String format,
        long lines,
        long events,
        long blankLines,
        long badLines,
        List<BadLine> firstBadLines,
        java.util.Map<String, String> fields,
        List<String> ignoredColumns,
        List<io.payops.ingest.UnmappedStatus> unmappedStatuses,
        long outOfOrder,
        long late,
        long gapsSkipped,
        long valuesFolded,
        long valuesTruncated,
        int truncations,
        int rotations,
        String firstEventAt,
        String lastEventAt) {
}
