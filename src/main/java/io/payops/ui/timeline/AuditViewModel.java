package io.payops.ui.timeline;

import io.payops.domain.Frame;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.SessionInfo;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * The audit trail: every decision, execution, approval, rollback, chaos command and operator command of the
 * session, one row per change, newest first, with a free-text filter and a kind filter. Rows are taken from every
 * frame of a batch, so nothing is missed at ×100. Called on the FX thread only.
 */
public final class AuditViewModel implements FrameListener {
    /**
     * Rows kept in the table. A busy incident makes a few dozen rows a minute (decisions, executions, outcome
     * checks, chaos changes), so this is hours of a session; beyond it the oldest rows are dropped (the session
     * recording and audit.jsonl keep everything).
     */
    public static final int MAX_ROWS = 10_000;
    /** The kind filter's value that lets every kind through. */
    public static final String ALL_KINDS = "all";

    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final FilteredList<AuditRow> filtered = new FilteredList<>(rows);
    private final SortedList<AuditRow> sorted = new SortedList<>(filtered);
    private final ObservableList<AuditRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> kindChoices;
    private final ObservableMap<AuditKind, Integer> counts = FXCollections.observableMap(new EnumMap<>(AuditKind.class));
    private final ObservableMap<AuditKind, Integer> countsView = FXCollections.unmodifiableObservableMap(counts);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final StringProperty kindFilter = new SimpleStringProperty(this, "kindFilter", ALL_KINDS);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "no rows yet");
    private AuditRowFactory factory = new AuditRowFactory();

    public AuditViewModel() {
        List<String> kinds = new ArrayList<>();
        kinds.add(ALL_KINDS);
        for (AuditKind k : AuditKind.values()) {
            kinds.add(k.key());
        }
        kindChoices = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(kinds));
        resetCounts();
        filterText.addListener((o, was, now) -> refilter());
        kindFilter.addListener((o, was, now) -> refilter());
    }

    @Override
    public void onSessionStart(SessionInfo session) {
        factory = new AuditRowFactory();
        rows.clear();
        total.set(0);
        resetCounts();
        updateSummary();
    }

    @Override
    public void onFrames(FrameBatch batch) {
        List<AuditRow> added = new ArrayList<>();
        for (Frame f : batch.frames()) {
            added.addAll(factory.rowsFor(f));
        }
        if (added.isEmpty()) {
            return;
        }
        EnumMap<AuditKind, Integer> newCounts = new EnumMap<>(counts);
        for (AuditRow r : added) {
            newCounts.merge(r.kind(), 1, Integer::sum);
        }
        counts.putAll(newCounts);
        total.set(total.get() + added.size());
        if (added.size() > MAX_ROWS) {
            added = added.subList(added.size() - MAX_ROWS, added.size());
        }
        Collections.reverse(added);
        // newest first, in one change per batch; then drop the oldest beyond the bound
        rows.addAll(0, added);
        if (rows.size() > MAX_ROWS) {
            rows.remove(MAX_ROWS, rows.size());
        }
        updateSummary();
    }

    private void refilter() {
        String needle = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        AuditKind kind = AuditKind.fromKey(kindFilter.get());
        Predicate<AuditRow> p = null;
        if (kind != null) {
            p = r -> r.kind() == kind;
        }
        if (!needle.isEmpty()) {
            Predicate<AuditRow> text = r -> r.contains(needle);
            p = p == null ? text : p.and(text);
        }
        filtered.setPredicate(p);
        updateSummary();
    }

    private void resetCounts() {
        EnumMap<AuditKind, Integer> zero = new EnumMap<>(AuditKind.class);
        for (AuditKind k : AuditKind.values()) {
            zero.put(k, 0);
        }
        counts.putAll(zero);
    }

    private void updateSummary() {
        if (rows.isEmpty()) {
            summary.set("no rows yet");
            return;
        }
        StringJoiner byKind = new StringJoiner(" · ");
        counts.forEach((k, n) -> {
            if (n > 0) {
                byKind.add(k.key() + " " + n);
            }
        });
        String shown = filtered.size() == rows.size()
                ? rows.size() + (rows.size() == 1 ? " row" : " rows")
                : filtered.size() + " of " + rows.size() + " rows";
        summary.set(shown + "  |  " + byKind);
    }

    /** Every row kept, newest first (at most {@value #MAX_ROWS}). */
    public ObservableList<AuditRow> rows() {
        return rowsView;
    }

    /** The rows that pass both filters, newest first. */
    public ObservableList<AuditRow> filteredRows() {
        return filtered;
    }

    /**
     * The filtered rows in the table's order: bind its comparator to the table's
     * ({@code sortedRows().comparatorProperty().bind(table.comparatorProperty())}); unsorted is newest first.
     */
    public SortedList<AuditRow> sortedRows() {
        return sorted;
    }

    /** "all" and every kind's key, for the kind choice. */
    public ObservableList<String> kindChoices() {
        return kindChoices;
    }

    /** Text every shown row must contain in some column, case-insensitive; empty lets all through. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** A kind's key, or {@value #ALL_KINDS}. */
    public StringProperty kindFilterProperty() {
        return kindFilter;
    }

    /** Rows of each kind seen this session (including any dropped from the table by the bound). */
    public ObservableMap<AuditKind, Integer> countsByKind() {
        return countsView;
    }

    public int count(AuditKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** Rows seen this session, including any dropped from the table by the bound. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** "12 of 40 rows  |  decision 3 · execution 5 · chaos 1". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
