package io.payops.ui.timeline;

import io.payops.domain.Frame;
import io.payops.ui.fx.BackgroundTask;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.FxUiExecutor;
import io.payops.ui.fx.SessionInfo;
import io.payops.ui.fx.UiExecutor;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * The audit trail: every decision, execution, approval, rollback, chaos command, operator command and support-ticket
 * action of the session, one row per change, newest first, with a word filter (every word somewhere in the row, any
 * case) and a kind filter, and an export of the rows shown (CSV or JSON lines, written off the FX thread). Rows are
 * taken from every frame of a batch, so nothing is missed at ×100; a live session's rows carry the wall-clock time
 * the console received their frame. Called on the FX thread only.
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
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private final Clock clock;
    private final UiExecutor files;
    private AuditRowFactory factory;
    private boolean live = true;
    private String sessionName = "session";

    /** The console's: the system clock, and exports on a thread of their own. */
    public AuditViewModel() {
        this(Clock.systemDefaultZone(), new FxUiExecutor("audit-export"));
    }

    /**
     * @param clock stamps each live frame's rows with the wall-clock time (its zone is the column's)
     * @param files writes exports off the FX thread
     */
    public AuditViewModel(Clock clock, UiExecutor files) {
        this.clock = clock;
        this.files = files;
        this.factory = new AuditRowFactory(clock.getZone());
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
        factory = new AuditRowFactory(clock.getZone());
        // a replay's frames were recorded earlier: the moment they reach the console is not when they happened
        live = session.live();
        sessionName = session.scenario() == null ? "session" : session.scenario().name();
        exportMessage.set("");
        rows.clear();
        total.set(0);
        resetCounts();
        updateSummary();
    }

    @Override
    public void onFrames(FrameBatch batch) {
        List<AuditRow> added = new ArrayList<>();
        Instant now = live ? clock.instant() : null;
        for (Frame f : batch.frames()) {
            added.addAll(factory.rowsFor(f, now));
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
        List<String> words = words(filterText.get());
        AuditKind kind = AuditKind.fromKey(kindFilter.get());
        Predicate<AuditRow> p = null;
        if (kind != null) {
            p = r -> r.kind() == kind;
        }
        if (!words.isEmpty()) {
            Predicate<AuditRow> text = r -> r.containsAll(words);
            p = p == null ? text : p.and(text);
        }
        filtered.setPredicate(p);
        updateSummary();
    }

    /** The filter's words, lower-case: "Open  Stripe" → [open, stripe]. */
    static List<String> words(String filter) {
        if (filter == null || filter.isBlank()) {
            return List.of();
        }
        return Arrays.stream(filter.trim().toLowerCase(Locale.ROOT).split("\\s+")).toList();
    }

    /** The rows shown (both filters apply), oldest first, as an export writes them. */
    public List<AuditRow> exportRows() {
        List<AuditRow> shown = new ArrayList<>(filtered);
        shown.sort(AuditRow.CHRONOLOGICAL);
        return shown;
    }

    /** The rows shown, oldest first, in {@code format}. */
    public String exportText(AuditExport format) {
        return format.format(exportRows());
    }

    /** A file name for an export of this session's audit. */
    public String exportFileName(AuditExport format) {
        return format.fileName(sessionName);
    }

    /**
     * Writes the rows shown to {@code file} in {@code format}, off the FX thread; {@link #exportMessageProperty()}
     * says how it went. The rows are taken now, so later frames do not change what is written.
     */
    public void export(Path file, AuditExport format) {
        List<AuditRow> rows = exportRows();
        exportMessage.set("Writing " + rows.size() + " rows to " + file + " …");
        BackgroundTask.of(() -> {
            Files.writeString(file, format.format(rows), StandardCharsets.UTF_8);
            return rows.size();
        }).onSuccess(n -> exportMessage.set("Exported " + n + (n == 1 ? " row" : " rows") + " as "
                        + format.label() + " to " + file))
                .onFailure(e -> exportMessage.set("Could not write " + file + ": " + e.getMessage()))
                .executeWith(files);
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

    /** The last export's outcome ("Exported 42 rows as CSV to …"), or "". */
    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    /** Words every shown row must contain, each in some column, case-insensitive; empty lets all through. */
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
