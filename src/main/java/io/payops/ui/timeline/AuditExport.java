package io.payops.ui.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.payops.common.Json;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The audit rows as a file: CSV (RFC 4180, one header line) for a spreadsheet, or JSON lines (one object per row)
 * for a script. Both carry the simulated time in milliseconds and as the table shows it, and the wall-clock moment as
 * an ISO-8601 instant (empty / null in a replay).
 */
public enum AuditExport {
    CSV("csv", "CSV"),
    JSON_LINES("jsonl", "JSON lines");

    static final String CSV_HEADER = "sim_millis,sim_seconds,wall_time,kind,action,target,status,approval,outcome,note";

    private final String extension;
    private final String label;

    AuditExport(String extension, String label) {
        this.extension = extension;
        this.label = label;
    }

    public String extension() {
        return extension;
    }

    public String label() {
        return label;
    }

    /** One row as JSON lines write it (field order is the record's). */
    record Line(long simMillis, String simSeconds, String wallTime, String kind, String action, String target,
                String status, String approval, String outcome, String note) {
        static Line of(AuditRow r) {
            return new Line(r.simMillis(), r.time(), r.wallAt() == null ? null : r.wallAt().toString(), r.kind().key(),
                    r.action(), r.target(), r.status(), r.approval(), r.outcome(), r.note());
        }
    }

    /** The rows, in the order given, as this format's text (ending with a newline). */
    public String format(List<AuditRow> rows) {
        StringBuilder b = new StringBuilder();
        if (this == CSV) {
            b.append(CSV_HEADER).append('\n');
        }
        for (AuditRow r : rows) {
            Line l = Line.of(r);
            if (this == CSV) {
                b.append(String.join(",", Long.toString(l.simMillis()), cell(l.simSeconds()), cell(l.wallTime()),
                        cell(l.kind()), cell(l.action()), cell(l.target()), cell(l.status()), cell(l.approval()),
                        cell(l.outcome()), cell(l.note()))).append('\n');
            } else {
                try {
                    b.append(Json.mapper().writeValueAsString(l)).append('\n');
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return b.toString();
    }

    /**
     * A CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled). Text a spreadsheet would
     * run as a formula (a leading =, +, - or @ that is not a number) gets a leading apostrophe, since notes can
     * carry words from outside (a ticket's signature).
     */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** "audit-stripe-outage.csv". */
    public String fileName(String session) {
        return "audit-" + session.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-") + "." + extension;
    }
}
