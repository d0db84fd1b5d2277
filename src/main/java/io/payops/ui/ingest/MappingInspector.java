package io.payops.ui.ingest;

import io.payops.common.BadInputException;
import io.payops.domain.Status;
import io.payops.ingest.BadLine;
import io.payops.ingest.ColumnRoles;
import io.payops.ingest.EventLogInspection;
import io.payops.ingest.LogMapping;
import io.payops.ingest.LogPreview;
import io.payops.ingest.StatusVocabulary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mapping step's blocking half: the remembered mapping, the file's head, and how the head reads under a
 * mapping, as plain data for the {@link LogMappingViewModel} to show. Runs on the background executor; touches no
 * property.
 */
final class MappingInspector {
    /** Bad lines listed under the summary: enough to see a column read as the wrong field. */
    private static final int BAD_LINES_SHOWN = 3;

    private MappingInspector() {
    }

    /**
     * One inspection's outcome.
     *
     * @param fields   field key to the column it is read from
     * @param missing  required fields no column holds ("gateway" standing for any dimension), when that is the problem
     * @param summary  one line on what was read, empty when nothing could be
     * @param notes    hints and the first bad lines
     * @param problem  why the log cannot be read so (the reader's own message, with its likely fixes), or empty
     */
    record Inspected(Map<String, String> fields, List<String> ignored, List<String> missing, List<StatusRow> statuses,
                     String summary, List<String> notes, String problem) {
    }

    /**
     * What the step starts from: the remembered mapping (less the columns this file lacks, which would fail it
     * whole), the file's head, and how it reads with that mapping.
     *
     * @param preview null when the file cannot be read (the inspection's problem says why)
     * @param dropped remembered {@code field=column} pairs not used
     */
    record Started(RememberedMappings.Remembered remembered, LogPreview preview, LogMapping mapping,
                   List<String> dropped, Inspected inspected) {
    }

    static Started start(Path file, RememberedMappings remembered, int previewLines) {
        RememberedMappings.Remembered r = remembered.load(file);
        LogPreview p;
        try {
            p = LogPreview.read(file, previewLines);
        } catch (BadInputException e) {
            return new Started(r, null, r.mapping(), List.of(), new Inspected(Map.of(), List.of(), List.of(),
                    List.of(), "", List.of(), e.getMessage()));
        }
        Map<String, String> kept = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        r.mapping().fields().forEach((field, column) -> {
            if (p.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column))) {
                kept.put(field, column);
            } else {
                dropped.add(field + "=" + column);
            }
        });
        LogMapping mapping = new LogMapping(kept, r.mapping().statuses(), r.mapping().zone());
        return new Started(r, p, mapping, dropped, inspect(file, p.columns(), mapping));
    }

    /** @param columns the log's column names (from its preview), for saying what would be read when reading fails */
    static Inspected inspect(Path file, List<String> columns, LogMapping mapping) {
        try {
            EventLogInspection.Result r = EventLogInspection.inspect(file, null, mapping);
            List<StatusRow> rows = r.statuses().stream().map(s -> row(s, mapping)).toList();
            List<String> notes = new ArrayList<>(r.hints());
            for (BadLine b : r.firstBadLines().subList(0, Math.min(BAD_LINES_SHOWN, r.firstBadLines().size()))) {
                notes.add("bad " + b);
            }
            return new Inspected(r.fields(), r.ignoredColumns(), List.of(), rows, summary(r), notes, "");
        } catch (BadInputException e) {
            // the reader refused the head: say which column each field would take, so the user can fix the rest
            ColumnRoles roles = ColumnRoles.resolve(columns, mapping);
            return new Inspected(roles.fieldsToColumns(), roles.ignored(), roles.missing(), List.of(), "", List.of(),
                    e.getMessage());
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Inspected(Map.of(), List.of(), List.of(), List.of(), "", List.of(),
                    "event log '" + file + "' cannot be read (" + why + ")");
        }
    }

    static String summary(EventLogInspection.Result r) {
        if (r.events() == 0) {
            return r.badLines() == 0 ? "No events yet: the file holds no line after its header."
                    : String.format(Locale.ROOT, "No event in the first lines: %,d bad line%s.", r.badLines(),
                    r.badLines() == 1 ? "" : "s");
        }
        return String.format(Locale.ROOT, "%,d events read from the head of the file (%,d bad line%s), %s to %s, "
                        + "%.1f events/s.", r.events(), r.badLines(), r.badLines() == 1 ? "" : "s", r.firstEventAt(),
                r.lastEventAt(), r.eventsPerSecond());
    }

    private static StatusRow row(EventLogInspection.StatusReading s, LogMapping mapping) {
        String word = wordOf(s.written(), s.unmapped(), mapping);
        Set<String> own = own(mapping);
        boolean chosen = word != null && own.contains(StatusVocabulary.normalize(word));
        return new StatusRow(s.written(), word, Status.valueOf(s.readAs()), s.unmapped(), chosen, s.count());
    }

    /**
     * The word of a reading a status can be chosen for: one the user mapped, else (when unmapped) the one no
     * vocabulary knew. {@code Fail / E10} is the status word {@code Fail} refined by the code {@code E10}; the status
     * word decides unless it says only "failed". Null when the built-in words read it.
     */
    static String wordOf(String written, boolean unmapped, LogMapping mapping) {
        int slash = written.indexOf(" / ");
        String status = slash < 0 ? written : written.substring(0, slash);
        String code = slash < 0 ? null : written.substring(slash + 3);
        if (status.startsWith("success=")) {
            status = null; // a success column said it: there is no status word
        }
        Set<String> own = own(mapping);
        if (status != null && own.contains(StatusVocabulary.normalize(status))) {
            return status;
        }
        if (code != null && own.contains(StatusVocabulary.normalize(code))) {
            return code;
        }
        if (!unmapped) {
            return null;
        }
        return status != null && mapping.vocabulary().read(status).unmapped() ? status : code;
    }

    private static Set<String> own(LogMapping mapping) {
        return mapping.statuses().keySet().stream().map(StatusVocabulary::normalize).collect(Collectors.toSet());
    }
}
