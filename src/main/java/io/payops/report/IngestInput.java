package io.payops.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.ingest.BadLine;

import java.util.List;

/**
 * How the event log read: lines, events, bad lines with the first ten, events out of file order (still observed)
 * and late (older than the window when they came, so dropped), stretches jumped, and restarts while following.
 */
@JsonPropertyOrder({"file", "format", "lines", "events", "blankLines", "badLines", "firstBadLines", "ignoredColumns",
        "outOfOrder", "late", "gapsSkipped", "truncations", "rotations", "firstEventAt", "lastEventAt"})
public record IngestInput(
        String file,
        String format,
        long lines,
        long events,
        long blankLines,
        long badLines,
        List<BadLine> firstBadLines,
        List<String> ignoredColumns,
        long outOfOrder,
        long late,
        long gapsSkipped,
        int truncations,
        int rotations,
        String firstEventAt,
        String lastEventAt) {
}
