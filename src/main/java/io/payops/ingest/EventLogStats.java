package io.payops.ingest;

import java.util.List;

/**
 * How reading an event log went so far: lines seen, events read, bad lines (with the first ten), which column held
 * which field, the status words no vocabulary knew (their lines read as failures all the same), and for progress
 * the bytes read of the file's size. {@code truncations} and {@code rotations} count restarts while following;
 * {@code valuesTruncated} counts dimension values cut to {@link #MAX_VALUE_CHARS} characters.
 */
public record EventLogStats(
        String file,
        EventLogFormat format,
        long lines,
        long blankLines,
        long events,
        long badLines,
        List<BadLine> firstBadLines,
        List<String> ignoredColumns,
        java.util.Map<String, String> fields,
        List<UnmappedStatus> unmappedStatuses,
        long bytesRead,
        long size,
        int truncations,
        int rotations,
        long valuesTruncated) {
    public static final int FIRST_BAD_LINES = 10;
    /** The longest dimension value kept; longer ones are cut (see {@code ValueCache}). */
    public static final int MAX_VALUE_CHARS = ValueCache.MAX_VALUE_CHARS;

    public EventLogStats {
        firstBadLines = List.copyOf(firstBadLines);
        ignoredColumns = List.copyOf(ignoredColumns);
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        unmappedStatuses = List.copyOf(unmappedStatuses);
    }

    /** Lines that should have been events: all but blank ones and the CSV header. */
    public long candidateLines() {
        return events + badLines;
    }

    /** DESIGN §5.4: the run fails only when more than half the lines are bad. */
    public boolean mostlyBad() {
        return mostlyBad(badLines, events);
    }

    /** The rule of DESIGN §5.4 for any count of bad lines and events. */
    public static boolean mostlyBad(long badLines, long events) {
        return badLines * 2 > badLines + events;
    }

    /** Share of the file read, 0..1 (for a progress bar; a followed file that grew may pass 1, so it is capped). */
    public double progress() {
        return size <= 0 ? 1 : Math.min(1, (double) bytesRead / size);
    }
}
