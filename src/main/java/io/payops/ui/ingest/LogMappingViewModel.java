package io.payops.ui.ingest;

import io.payops.common.BadInputException;
import io.payops.domain.Status;
import io.payops.ingest.LogMapping;
import io.payops.ui.fx.BackgroundTask;
import io.payops.ui.fx.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The mapping step between choosing an event log and running it: the file's first lines, the column each field is
 * read from (editable), the ignored columns, the status words with what they read as (an unmapped one can be given
 * a status), and the zone of zone-less times. Every change is inspected again; when required fields have no column
 * the reader's own message (with its likely fixes) is shown and Open waits. Open runs the log with the mapping and
 * remembers it for files named alike ({@link RememberedMappings}); Cancel opens nothing.
 *
 * <p>Threads: the methods and properties are for the FX thread. Reading the file, the remembered mapping and each
 * inspection run as a {@link BackgroundTask}, whose result crosses to the FX thread once. A new inspection cancels
 * the one before it, so an older result is dropped; so do Open and Cancel.
 */
public final class LogMappingViewModel {
    public static final String NO_COLUMN = "(none)";
    /** The raw lines shown: a header and enough events to see what each column holds. */
    public static final int PREVIEW_LINES = 10;
    private static final Set<String> DIMENSIONS = Set.of("gateway", "issuer", "network", "method", "merchant");

    private final Path file;
    private final boolean follow;
    private final RememberedMappings remembered;
    private final UiExecutor executor;
    private final Consumer<LogMapping> open;
    private final Consumer<String> warn;

    /** What the user said (or the remembered mapping said): the mapping Open runs with. */
    private final Map<String, String> chosenFields = new LinkedHashMap<>();
    private final Map<String, Status> chosenStatuses = new LinkedHashMap<>();
    private ZoneId zone = ZoneOffset.UTC;
    private List<String> columns = List.of();
    private boolean rememberedExists;
    /** The read or inspection whose result the step waits for; null before {@link #start()}. */
    private BackgroundTask<?> pending;

    private final List<FieldChoice> fields = new ArrayList<>();
    private final ObservableList<String> columnChoices = FXCollections.observableArrayList(NO_COLUMN);
    private final ObservableList<StatusRow> statuses = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "Reading …");
    private final ReadOnlyStringWrapper rememberedNote = new ReadOnlyStringWrapper(this, "rememberedNote", "");
    private final ReadOnlyStringWrapper ignored = new ReadOnlyStringWrapper(this, "ignored", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final StringProperty zoneText = new SimpleStringProperty(this, "zoneText", "UTC");
    private final ReadOnlyStringWrapper zoneError = new ReadOnlyStringWrapper(this, "zoneError", "");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper inspecting = new ReadOnlyBooleanWrapper(this, "inspecting");
    private final ReadOnlyBooleanWrapper canOpen = new ReadOnlyBooleanWrapper(this, "canOpen");

    /**
     * @param open what Open does with the confirmed mapping: run the log ({@link EventLogViewModel#open})
     * @param warn where a mapping that could not be remembered is reported (the console's banner)
     */
    public LogMappingViewModel(Path file, boolean follow, RememberedMappings remembered,
                               UiExecutor executor, Consumer<LogMapping> open, Consumer<String> warn) {
        this.file = file;
        this.follow = follow;
        this.remembered = remembered;
        this.executor = executor;
        this.open = open;
        this.warn = warn;
        for (String[] f : FIELDS) {
            fields.add(new FieldChoice(f[0], f[1]));
        }
        heading.set(nameOf(file));
        zoneText.addListener((o, a, text) -> {
            zoneError.set(zoneProblem(text));
            updateCanOpen();
        });
        problem.addListener((o, a, b) -> updateCanOpen());
        ready.addListener((o, a, b) -> updateCanOpen());
        inspecting.addListener((o, a, b) -> updateCanOpen());
    }

    /** The fields in the order a person reads a log's columns, with what the reader needs of each. */
    private static final String[][] FIELDS = {
            {"ts", "required: when the attempt happened"},
            {"paymentId", "optional: ties retries of one payment together"},
            {"attempt", "optional: the attempt number, from 1"},
            {"gateway", "one dimension is required: the gateway (PSP) used"},
            {"issuer", "a dimension: the issuing bank"},
            {"network", "a dimension: the card network"},
            {"method", "a dimension: the payment method"},
            {"merchant", "a dimension: the merchant"},
            {"amount", "optional: the amount in major units"},
            {"amountMinor", "optional: the amount in minor units (cents)"},
            {"currency", "optional"},
            {"status", "required (or success): the outcome as a word"},
            {"success", "required (or status): a yes/no success column"},
            {"errorCode", "optional: a code that refines a generic failure"},
            {"latencyMs", "required: the attempt's latency in milliseconds"},
            {"retryCount", "optional: retries before this attempt (attempt = retries + 1)"}};

    /** Reads the remembered mapping, the file's head, and inspects it: the step fills in when that is done. */
    public void start() {
        inspecting.set(true);
        await(BackgroundTask.of(() -> MappingInspector.start(file, remembered, PREVIEW_LINES)).onSuccess(this::loaded));
    }

    /** Waits for {@code task} instead of the one before it, whose result is then dropped. */
    private void await(BackgroundTask<?> task) {
        dropPending();
        pending = task.executeWith(executor);
    }

    private void dropPending() {
        if (pending != null) {
            pending.cancel();
        }
    }

    private void loaded(MappingInspector.Started l) {
        rememberedExists = l.remembered().exists();
        chosenFields.putAll(l.mapping().fields());
        chosenStatuses.putAll(l.mapping().statuses());
        zone = l.mapping().zone();
        zoneText.set(zoneName(zone));
        if (l.preview() != null) {
            columns = l.preview().columns();
            columnChoices.setAll(NO_COLUMN);
            columnChoices.addAll(columns);
            heading.set(nameOf(file) + " · " + l.preview().format().key().toUpperCase(java.util.Locale.ROOT) + " · "
                    + columns.size() + (l.preview().format() == io.payops.ingest.EventLogFormat.CSV ? " columns"
                    : " keys"));
            preview.set(l.preview().lines().isEmpty() ? "(the file is empty" + (follow ? ": following waits for its "
                    + "first lines)" : ")") : String.join("\n", l.preview().lines()));
        } else {
            preview.set("");
        }
        rememberedNote.set(rememberedNote(l));
        apply(l.inspected());
        ready.set(true);
    }

    private String rememberedNote(MappingInspector.Started l) {
        RememberedMappings.Remembered r = l.remembered();
        String pattern = RememberedMappings.pattern(nameOf(file));
        if (r.problem() != null) {
            return "The mapping remembered for files named like " + pattern + " is damaged and was not used: "
                    + r.problem() + ". Started from the column names; Open replaces it.";
        }
        if (!r.exists()) {
            return "Nothing remembered for files named like " + pattern + ": columns read by their names. Open "
                    + "remembers this mapping for them.";
        }
        String dropped = l.dropped().isEmpty() ? "" : " Not used, as this file has no such column: "
                + String.join(", ", l.dropped()) + ".";
        return "Prefilled from the mapping remembered for files named like " + pattern + " (" + r.file() + ")."
                + dropped;
    }

    /**
     * The user chose the column a field is read from ({@link #NO_COLUMN}: none). A column holds one field, so a
     * field that was given it before lets it go.
     */
    public void chooseColumn(String key, String column) {
        FieldChoice f = field(key);
        if (column == null || Objects.equals(column, f.column())) {
            return;
        }
        notice.set("");
        if (NO_COLUMN.equals(column)) {
            if (chosenFields.remove(key) == null) {
                // the field's name or an alias found it, which a mapping cannot forbid: say how to take the column
                notice.set("'" + f.column() + "' is read as " + key + " by its name. To read it as another field, "
                        + "choose it for that field.");
            }
        } else {
            chosenFields.entrySet().removeIf(e -> e.getValue().equalsIgnoreCase(column) && !e.getKey().equals(key));
            chosenFields.put(key, column);
        }
        f.setColumn(column); // shown at once; the inspection that follows says what is really read
        inspect();
    }

    /** The user chose what a status word (or error code) means. */
    public void chooseStatus(String word, Status status) {
        if (word == null || status == null || status == chosenStatuses.get(word)) {
            return;
        }
        chosenStatuses.put(word, status);
        inspect();
    }

    /** Enter in the time-zone field: a valid zone other than the one in use is inspected with. */
    public void applyZone() {
        if (!zoneError.get().isEmpty()) {
            return;
        }
        ZoneId z = parseZone(zoneText.get());
        if (!z.equals(zone)) {
            zone = z;
            inspect();
        }
    }

    /** Inspects the head again with the mapping as it stands now. */
    public void inspect() {
        LogMapping m = mapping();
        List<String> names = columns;
        inspecting.set(true);
        await(BackgroundTask.of(() -> MappingInspector.inspect(file, names, m)).onSuccess(this::apply));
    }

    private void apply(MappingInspector.Inspected i) {
        boolean dimensionMissing = i.missing().contains("gateway");
        for (FieldChoice f : fields) {
            String column = i.fields().getOrDefault(f.key(), chosenFields.getOrDefault(f.key(), NO_COLUMN));
            boolean missing = i.missing().contains(f.key()) || dimensionMissing && DIMENSIONS.contains(f.key())
                    || i.missing().contains("status") && f.key().equals("success");
            f.set(column, chosenFields.containsKey(f.key()), missing);
        }
        ignored.set(i.ignored().isEmpty() ? "none" : String.join(", ", i.ignored()));
        statuses.setAll(i.statuses());
        summary.set(i.summary());
        notes.set(String.join("\n", i.notes()));
        problem.set(i.problem());
        inspecting.set(false);
    }

    /** The mapping the step stands at: the columns and words the user chose, and the zone in use. */
    public LogMapping mapping() {
        return new LogMapping(chosenFields, chosenStatuses, zone);
    }

    /**
     * Open: runs the log with the mapping and remembers it for files named alike (a file's first mapping is only
     * written when it says something; one remembered before is always replaced, so a reset choice sticks).
     *
     * @return false, opening nothing, while the mapping cannot read the log
     */
    public boolean confirm() {
        if (!canOpen.get()) {
            return false;
        }
        zone = parseZone(zoneText.get());
        LogMapping m = mapping();
        dropPending(); // the step is over: late results are dropped
        open.accept(m);
        if (!m.isEmpty() || rememberedExists) {
            BackgroundTask.of(() -> {
                remembered.save(file, m);
                return m;
            }).onFailure(e -> {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                warn.accept("The mapping for files named like " + RememberedMappings.pattern(nameOf(file))
                        + " could not be remembered in " + remembered.fileFor(file) + ": " + why);
            }).executeWith(executor);
        }
        return true;
    }

    /** Cancel: nothing opens, and an inspection still running is dropped. */
    public void cancel() {
        dropPending();
        inspecting.set(false);
    }

    private void updateCanOpen() {
        canOpen.set(ready.get() && !inspecting.get() && problem.get().isEmpty() && zoneError.get().isEmpty());
    }

    private FieldChoice field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + key));
    }

    private static String zoneProblem(String text) {
        try {
            parseZone(text);
            return "";
        } catch (BadInputException e) {
            return e.getMessage().replaceFirst("^--tz: ", ""); // the field is the option here
        }
    }

    /** The zone as {@code --tz} reads it, with the same message when it is not one. */
    private static ZoneId parseZone(String text) {
        String t = text == null ? "" : text.strip();
        return LogMapping.of(null, List.of(), List.of(), t.isEmpty() ? "UTC" : t).zone();
    }

    private static String zoneName(ZoneId z) {
        return z.equals(ZoneOffset.UTC) ? "UTC" : z.getId();
    }

    private static String nameOf(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }

    public Path file() {
        return file;
    }

    public boolean follow() {
        return follow;
    }

    /** Every field a column can be chosen for, in a fixed order. */
    public List<FieldChoice> fields() {
        return List.copyOf(fields);
    }

    public FieldChoice fieldChoice(String key) {
        return field(key);
    }

    /** "(none)" and the file's columns (or JSON keys), for each field's choice. */
    public ObservableList<String> columnChoices() {
        return FXCollections.unmodifiableObservableList(columnChoices);
    }

    /** The status words of the inspected head, most lines first. */
    public ObservableList<StatusRow> statuses() {
        return FXCollections.unmodifiableObservableList(statuses);
    }

    /** The statuses a word can be given. */
    public List<Status> statusChoices() {
        return List.of(Status.values());
    }

    /** "gateway-2026-03-01.csv · CSV · 5 columns". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The file's first lines as written. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Whether the mapping was prefilled from a remembered one, which file, or why a damaged one was not used. */
    public ReadOnlyStringProperty rememberedNoteProperty() {
        return rememberedNote.getReadOnlyProperty();
    }

    /** The columns no field reads, comma-separated, or "none". */
    public ReadOnlyStringProperty ignoredProperty() {
        return ignored.getReadOnlyProperty();
    }

    /** One line on what the head read as: events, bad lines, time range, rate. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Hints (a column of card networks read as the issuer) and the first bad lines, one per line. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** What a choice could not do (a column found by its name cannot be unmapped), or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why the log cannot be read with this mapping (the reader's message, with likely fixes), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The zone of zone-less times as typed; Enter applies it. */
    public StringProperty zoneTextProperty() {
        return zoneText;
    }

    public ReadOnlyStringProperty zoneErrorProperty() {
        return zoneError.getReadOnlyProperty();
    }

    /** True while the head is read or inspected again. */
    public ReadOnlyBooleanProperty inspectingProperty() {
        return inspecting.getReadOnlyProperty();
    }

    /** True once the file's head and the remembered mapping were read. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** True when Open would run the log: read, inspected, no problem, a valid zone. */
    public ReadOnlyBooleanProperty canOpenProperty() {
        return canOpen.getReadOnlyProperty();
    }
}
