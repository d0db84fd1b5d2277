package io.payops.ui.whatif;

import io.payops.domain.Frame;
import io.payops.report.WhatIfReport;
import io.payops.report.WhatIfRow;
import io.payops.report.WhatIfSettings;
import io.payops.report.WhatIfTable;
import io.payops.run.WhatIf;
import io.payops.sim.World;
import io.payops.ui.fx.BackgroundTask;
import io.payops.ui.fx.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * The what-if pane: guardrail fields (text, checked as they are typed), a Run command that runs a fresh agent
 * open-loop over the session's frames as a {@link BackgroundTask}, and the result as a summary line and a table of
 * cycles, only the differing ones until {@link #differingOnlyProperty()} is cleared. The approval is a choice (auto
 * with its seconds, never, manual) composed into the "approval" field. {@link #seekTo} moves the replay to a row's
 * moment. The run's result crosses to the FX thread once; tests pass a synchronous {@link UiExecutor} so a run
 * completes inside {@link #run()}. {@link #cancel()} stops a run at its next frame (the pane went away).
 */
public final class WhatIfViewModel {
    private static final String SAME = "same";
    /** ProgressIndicator's "indeterminate": a what-if streams frames without knowing how many there are. */
    public static final double INDETERMINATE = -1;
    /** The form's labels, by settings key; messages name the field as the form shows it. */
    static final Map<String, String> LABELS = labels();

    private final Supplier<? extends Iterable<Frame>> frames;
    private final World world;
    private final WhatIfSettings defaults;
    private final UiExecutor executor;

    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<String> invalidField = new ReadOnlyObjectWrapper<>(this, "invalidField");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun", true);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            "Change a guardrail and run: the agent is run again over this session's recorded snapshots.");
    private final ReadOnlyObjectWrapper<WhatIfReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    /** The approval choices, as the "approval" field spells them (auto takes its seconds from the next field). */
    public static final List<String> APPROVAL_MODES = List.of("auto", "never", "manual");
    private static final String AUTO = "auto";

    private final BooleanProperty differingOnly = new SimpleBooleanProperty(this, "differingOnly", true);
    private final StringProperty approvalMode = new SimpleStringProperty(this, "approvalMode");
    private final StringProperty approvalSeconds = new SimpleStringProperty(this, "approvalSeconds");
    private final ReadOnlyStringWrapper seekNote = new ReadOnlyStringWrapper(this, "seekNote", "");
    private java.util.function.LongConsumer seek;
    /** Set while the approval field and its two parts are brought in line, so they do not echo each other. */
    private boolean syncingApproval;
    private final ObservableList<WhatIfItem> allRows = FXCollections.observableArrayList();
    private final FilteredList<WhatIfItem> shownRows = new FilteredList<>(allRows);
    private WhatIfSettings settings;
    private java.util.List<io.payops.domain.Lesson> startLessons = java.util.List.of();
    private BackgroundTask<WhatIfReport> runTask;

    /**
     * @param frames   the recorded frames, read once per run (a session reader's streaming frames)
     * @param defaults the settings the session was recorded with (the form starts, and resets, there)
     * @param executor where a run executes, and how its result reaches the FX thread
     */
    public WhatIfViewModel(Supplier<? extends Iterable<Frame>> frames, World world, WhatIfSettings defaults,
                           UiExecutor executor) {
        this.frames = frames;
        this.world = world;
        this.defaults = defaults;
        this.executor = executor;
        this.settings = defaults;
        for (String key : WhatIfSettings.KEYS) {
            StringProperty p = new SimpleStringProperty(this, key, defaults.text(key));
            p.addListener((o, was, now) -> validate());
            fields.put(key, p);
        }
        shownRows.predicateProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> differingOnly.get() ? WhatIfItem::differs : null, differingOnly));
        approvalFromField();
        field("approval").addListener((o, was, now) -> approvalFromField());
        approvalMode.addListener((o, was, now) -> approvalToField());
        approvalSeconds.addListener((o, was, now) -> approvalToField());
    }

    /** "auto:60" → auto and 60; "never" → never (the seconds kept for a switch back to auto). */
    private void approvalFromField() {
        syncApproval(() -> {
            String text = field("approval").get() == null ? "" : field("approval").get().trim();
            if (text.startsWith(AUTO + ":")) {
                approvalMode.set(AUTO);
                approvalSeconds.set(text.substring(AUTO.length() + 1));
            } else {
                approvalMode.set(APPROVAL_MODES.contains(text) ? text : null);
            }
        });
    }

    private void approvalToField() {
        syncApproval(() -> {
            String mode = approvalMode.get();
            String seconds = approvalSeconds.get() == null ? "" : approvalSeconds.get().trim();
            field("approval").set(mode == null ? "" : AUTO.equals(mode) ? AUTO + ":" + seconds : mode);
        });
    }

    /** Runs one direction of the approval sync, unless the other is running (its own sets would echo back). */
    private void syncApproval(Runnable update) {
        if (syncingApproval) {
            return;
        }
        syncingApproval = true;
        try {
            update.run();
        } finally {
            syncingApproval = false;
        }
    }

    /** Where a row's moment is shown: the replay's seek to a simulated time. Without it rows only select. */
    public void setSeek(java.util.function.LongConsumer seekToMillis) {
        this.seek = seekToMillis;
    }

    /** Moves the replay to the row's moment, so the other panes show what both agents saw then. */
    public void seekTo(WhatIfItem item) {
        if (item == null || seek == null) {
            return;
        }
        seek.accept(item.atMillis());
        seekNote.set("Replay moved to " + item.time() + ": the other panes show that moment.");
    }

    /** The approval choice: "auto", "never" or "manual" (null when the field holds something else). */
    public StringProperty approvalModeProperty() {
        return approvalMode;
    }

    /** The seconds after which auto approves, as typed; checked with the rest of the form. */
    public StringProperty approvalSecondsProperty() {
        return approvalSeconds;
    }

    /** What the last row click did to the replay, or "". */
    public ReadOnlyStringProperty seekNoteProperty() {
        return seekNote.getReadOnlyProperty();
    }

    /** What the recorded agent had learnt when the session started, so an unchanged what-if reproduces it. */
    public void setStartLessons(java.util.List<io.payops.domain.Lesson> lessons) {
        this.startLessons = java.util.List.copyOf(lessons);
    }

    /** The text of one guardrail field, by settings key (see {@link WhatIfSettings#KEYS}); the view binds to it. */
    public StringProperty field(String key) {
        StringProperty p = fields.get(key);
        if (p == null) {
            throw new IllegalArgumentException("no field " + key);
        }
        return p;
    }

    public static String label(String key) {
        return LABELS.get(key);
    }

    /** Puts every field back to the session's own settings. */
    public void reset() {
        for (String key : WhatIfSettings.KEYS) {
            fields.get(key).set(defaults.text(key));
        }
    }

    /** Starts a run with the fields' settings; false (and nothing runs) when a field is bad or one is running. */
    public boolean run() {
        if (running.get() || !validate()) {
            return false;
        }
        WhatIfSettings s = settings;
        running.set(true);
        updateCanRun();
        progress.set(INDETERMINATE);
        summary.set("Running the agent over the recorded snapshots…");
        List<io.payops.domain.Lesson> lessons = startLessons;
        runTask = BackgroundTask.withProgress(task -> {
            try (StoppableFrames stoppable = new StoppableFrames(frames.get(), task)) {
                return WhatIf.run(stoppable, world, lessons, s);
            }
        }).onSuccess(this::show).onFailure(this::failed);
        try {
            runTask.executeWith(executor);
        } catch (RuntimeException e) {
            failed(e);
        }
        return true;
    }

    /** Stops a run in progress at its next frame and drops its result; the form can run again. */
    public void cancel() {
        if (runTask == null || !running.get()) {
            return;
        }
        runTask.cancel();
        summary.set("The what-if was stopped before it finished.");
        progress.set(0);
        running.set(false);
        updateCanRun();
    }

    /**
     * The recorded frames as one run reads them: a cancelled run stops at its next frame, and a reader of its own
     * (the replay's {@code framesForWhatIf}) is closed however the run ends.
     */
    private static final class StoppableFrames implements Iterable<Frame>, Closeable {
        private final Iterable<Frame> frames;
        private final BackgroundTask.Progress task;
        private final List<Iterator<Frame>> opened = new ArrayList<>();

        StoppableFrames(Iterable<Frame> frames, BackgroundTask.Progress task) {
            this.frames = frames;
            this.task = task;
        }

        @Override
        public Iterator<Frame> iterator() {
            Iterator<Frame> it = frames.iterator();
            opened.add(it);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    if (task.isCancelled()) {
                        throw new CancellationException("what-if cancelled");
                    }
                    return it.hasNext();
                }

                @Override
                public Frame next() {
                    return it.next();
                }
            };
        }

        @Override
        public void close() throws IOException {
            for (Iterator<Frame> it : opened) {
                if (it instanceof Closeable c) {
                    c.close();
                }
            }
        }
    }

    /** Parses every field; sets or clears the error; true when all are valid. */
    private boolean validate() {
        WhatIfSettings s = defaults;
        for (String key : WhatIfSettings.KEYS) {
            try {
                s = s.with(key, fields.get(key).get());
            } catch (IllegalArgumentException e) {
                invalidField.set(key);
                error.set("approval".equals(key) && AUTO.equals(approvalMode.get())
                        ? LABELS.get(key) + ": auto approves after a whole number of seconds from 0 to 86400; '"
                                + approvalSeconds.get() + "' is not one"
                        : named(key, e.getMessage()));
                updateCanRun();
                return false;
            }
        }
        settings = s;
        invalidField.set(null);
        error.set(null);
        updateCanRun();
        return true;
    }

    /** "maxTrafficShift: 1.5 is out of range (…)" → "Max traffic shift (maxTrafficShift): 1.5 is out of range (…)". */
    private static String named(String key, String message) {
        String rest = message.startsWith(key + ": ") ? message.substring(key.length() + 2) : message;
        return LABELS.get(key) + " (" + key + "): " + rest;
    }

    private void show(WhatIfReport r) {
        List<WhatIfItem> items = new ArrayList<>(r.rows().size());
        for (WhatIfRow row : r.rows()) {
            items.add(item(row));
        }
        allRows.setAll(items);
        report.set(r);
        String aligned = WhatIfTable.aligned(r);
        summary.set(WhatIfTable.summary(r.summary()) + (aligned.isEmpty() ? "" : ". " + aligned + "."));
        progress.set(1);
        running.set(false);
        updateCanRun();
    }

    private void failed(Exception e) {
        allRows.clear();
        report.set(null);
        summary.set("The what-if could not run: " + e.getMessage());
        progress.set(0);
        running.set(false);
        updateCanRun();
    }

    private void updateCanRun() {
        canRun.set(!running.get() && error.get() == null);
    }

    static WhatIfItem item(WhatIfRow r) {
        String detail = "recorded: " + taken(r.recorded()) + "\nwhat-if: " + taken(r.whatIf())
                + (r.differs() ? "\n" + r.reason() : "");
        if (!r.differs() && !SAME.equals(r.reason())) {
            detail += "\n" + r.reason();   // a one-sided moment, aligned: say why it is not a difference
        }
        return new WhatIfItem(r.atMillis(), r.atSeconds(), String.format(Locale.ROOT, "%.0f s", r.atSeconds()),
                action(r.recorded()), verdict(r.recorded()), action(r.whatIf()), verdict(r.whatIf()),
                r.differs() ? shortReason(r.reason()) : "", r.differs(), detail);
    }

    /** The table's wording: "same action, different verdict (allow → block)" less what the verdict columns show. */
    static String shortReason(String reason) {
        int paren = reason.indexOf(" (");
        return reason.startsWith("same action, different verdict") && paren > 0 ? reason.substring(0, paren) : reason;
    }

    private static String action(WhatIfRow.Choice c) {
        return c == null ? "(no cycle)" : (c.acted() ? "* " : "") + c.action();
    }

    private static String verdict(WhatIfRow.Choice c) {
        return c == null ? "" : c.verdict().replace('_', ' ');
    }

    private static String taken(WhatIfRow.Choice c) {
        return c == null ? "no cycle at this moment" : c.actionTaken();
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("minConfidenceToAct", "Min confidence to act");
        m.put("maxTrafficShift", "Max traffic shift");
        m.put("volumeCapShare", "Volume cap share");
        m.put("maxActiveActions", "Max active actions");
        m.put("cooldownSeconds", "Cooldown seconds");
        m.put("approval", "Approval");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The rows shown: only the differing ones while {@link #differingOnlyProperty()} is set (at first), else all. */
    public ObservableList<WhatIfItem> rows() {
        return shownRows;
    }

    public BooleanProperty differingOnlyProperty() {
        return differingOnly;
    }

    /** Why the fields cannot be run, naming the field and the range expected; null when they can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The settings key of the first bad field, or null. */
    public ReadOnlyObjectProperty<String> invalidFieldProperty() {
        return invalidField.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Not running and every field valid: the Run button's enabled state. */
    public ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    /** 0 before a run, {@link #INDETERMINATE} during it, 1 once it is done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The last run's full report (for saving as JSON), or null. */
    public ReadOnlyObjectProperty<WhatIfReport> reportProperty() {
        return report.getReadOnlyProperty();
    }
}
