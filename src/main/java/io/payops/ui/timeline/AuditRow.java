package io.payops.ui.timeline;

import java.util.Comparator;
import java.util.Locale;

/**
 * One line of the audit trail, in words. {@code seq} numbers rows in the order they happened (it keeps equal-looking
 * rows distinct and orders rows of the same tick); {@code simMillis} is when, in simulated time.
 */
public record AuditRow(
        long seq,
        long simMillis,
        AuditKind kind,
        String time,
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

    /** Whether any column contains {@code needle}, which must already be lower-case (Locale.ROOT). */
    public boolean contains(String needle) {
        for (String column : new String[] {time, kind.key(), action, target, status, approval, outcome, note}) {
            if (column != null && column.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
