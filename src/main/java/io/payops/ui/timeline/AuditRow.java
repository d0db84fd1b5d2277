package io.payops.ui.timeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * One line of the audit trail, in words. {@code seq} numbers rows in the order they happened (it keeps equal-looking
 * rows distinct and orders rows of the same tick); {@code simMillis} is when, in simulated time; {@code wallAt} is
 * the wall-clock moment the console received the frame (as the state recorder stamps its audit.jsonl line), null in
 * a replay, whose frames do not carry it, and {@code wall} that moment as the table shows it.
 */
public record AuditRow(
        long seq,
        long simMillis,
        Instant wallAt,
        AuditKind kind,
        String time,
        String wall,
        String action,
        String target,
        String status,
        String approval,
        String outcome,
        String note) {

    /** Oldest first, by simulated time and then by the order the rows were seen. */
    public static final Comparator<AuditRow> CHRONOLOGICAL =
            Comparator.comparingLong(AuditRow::simMillis).thenComparingLong(AuditRow::seq);

    public String kindText() {
        return kind.key();
    }

    /** The columns a person reads, in the table's order. */
    public String[] columns() {
        return new String[] {time, wall, kind.key(), action, target, status, approval, outcome, note};
    }

    /** Whether any column contains {@code needle}, which must already be lower-case (Locale.ROOT). */
    public boolean contains(String needle) {
        for (String column : columns()) {
            if (column != null && column.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every word (lower-case) is somewhere in the row, each in any column: "open stripe". */
    public boolean containsAll(java.util.List<String> words) {
        for (String w : words) {
            if (!contains(w)) {
                return false;
            }
        }
        return true;
    }
}
