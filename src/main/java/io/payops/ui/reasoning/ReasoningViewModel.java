package io.payops.ui.reasoning;

import io.payops.domain.AgentCycle;
import io.payops.domain.Frame;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.SessionInfo;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The reasoning pane's state: the agent's cycles, newest first, and the one the pane shows. By default the pane
 * follows the newest cycle; selecting an older one pins it there until {@link #followLatest()}. Cycles are taken
 * from every frame of a batch, so at ×100 none is missed. Called on the FX thread only.
 */
public final class ReasoningViewModel implements FrameListener {
    /**
     * Cycles kept for looking back. The agent runs a cycle every 2 s of simulated time (more often while alarms are
     * new), so this is about a quarter of an hour: enough to click back through an incident from its first
     * anomaly; older cycles are dropped, oldest first.
     */
    public static final int MAX_HISTORY = 500;

    /** {@link #MAX_HISTORY}, smaller in tests that must see the oldest cycles dropped. */
    private int maxHistory = MAX_HISTORY;
    /**
     * True while the history changes under the list (cycles added on top, the oldest dropped, quiet ones hidden): the
     * list's selection then moves by itself, to the row where the pinned one was, and that is no one's choice.
     */
    private boolean changingHistory;

    private final ObservableList<CycleEntry> history = FXCollections.observableArrayList();
    private final FilteredList<CycleEntry> shownHistory = new FilteredList<>(history);
    private final ObservableList<CycleEntry> shownHistoryView = FXCollections.unmodifiableObservableList(shownHistory);
    private final ObservableList<CycleEntry> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyObjectWrapper<CycleEntry> selectedEntry = new ReadOnlyObjectWrapper<>(this, "selectedEntry");
    private final ReadOnlyObjectWrapper<AgentCycle> selectedCycle = new ReadOnlyObjectWrapper<>(this, "selectedCycle");
    private final ReadOnlyObjectWrapper<CycleDetail> detail =
            new ReadOnlyObjectWrapper<>(this, "detail", CycleDetail.EMPTY);
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following", true);
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper(this, "mode", "following the newest cycle");
    private final ReadOnlyStringWrapper historySummary = new ReadOnlyStringWrapper(this, "historySummary", "no cycles yet");
    private final ReadOnlyStringWrapper emptyListText = new ReadOnlyStringWrapper(this, "emptyListText", NO_CYCLES);
    private final CallTotals totals = new CallTotals();
    private final ReadOnlyStringWrapper callTotals = new ReadOnlyStringWrapper(this, "callTotals", "");
    private final BooleanProperty hideQuiet = new SimpleBooleanProperty(this, "hideQuiet", false);

    private static final String NO_CYCLES = "No cycles yet: the agent runs one every 2 s of simulated time.";

    public ReasoningViewModel() {
        hideQuiet.addListener((o, was, hide) -> {
            changeHistory(() -> shownHistory.setPredicate(hide ? e -> !e.quiet() : null));
            updateTexts();
        });
    }

    /** Keeps at most {@code cycles} (for tests that must reach the bound in a few seconds). */
    void setMaxHistory(int cycles) {
        if (cycles < 1) {
            throw new IllegalArgumentException("at least one cycle must be kept: " + cycles);
        }
        maxHistory = cycles;
    }

    private void changeHistory(Runnable change) {
        changingHistory = true;
        try {
            change.run();
        } finally {
            changingHistory = false;
        }
    }

    @Override
    public void onSessionStart(SessionInfo session) {
        changeHistory(history::clear);
        totals.clear();
        callTotals.set("");
        following.set(true);
        show(null);
        updateTexts();
    }

    @Override
    public void onFrames(FrameBatch batch) {
        List<CycleEntry> added = new ArrayList<>();
        for (Frame f : batch.frames()) {
            AgentCycle c = f.step() == null ? null : f.step().cycle();
            if (c != null) {
                added.add(CycleText.entry(c, f.snapshot().windowSeconds()));
                totals.add(c.call());
            }
        }
        if (added.isEmpty()) {
            return;
        }
        callTotals.set(totals.text());
        if (added.size() > maxHistory) {
            added = added.subList(added.size() - maxHistory, added.size());
        }
        Collections.reverse(added);
        List<CycleEntry> newest = added;
        changeHistory(() -> {
            // one change for the whole batch: the list view re-lays out once per pulse, not once per cycle
            history.addAll(0, newest);
            if (history.size() > maxHistory) {
                // a pinned cycle dropped here stays shown: it is held by the pane, not by its row
                history.remove(maxHistory, history.size());
            }
        });
        if (following.get()) {
            show(history.get(0));
        }
        updateTexts();
    }

    /**
     * The user picked a cycle in the history: the pane shows it and stays on that cycle, whatever row it moves to,
     * while new cycles arrive and after it is dropped from the history, until {@link #followLatest()} or another pick.
     * Ignored while the history itself changes: a selection that moves then is the list's, not the user's.
     */
    public void select(CycleEntry entry) {
        if (entry == null || changingHistory) {
            return;
        }
        following.set(false);
        show(entry);
        updateTexts();
    }

    /**
     * Pins the pane to the newest cycle at or before a moment (for replay scrubbing).
     * @return false when no cycle in the history is that old; the pane then shows nothing, pinned
     */
    public boolean selectCycleAt(long atMillis) {
        following.set(false);
        CycleEntry found = null;
        for (CycleEntry e : history) {
            if (e.atMillis() <= atMillis) {
                found = e;
                break;
            }
        }
        show(found);
        updateTexts();
        return found != null;
    }

    /** Back to following: the pane shows the newest cycle now and each new one as it comes. */
    public void followLatest() {
        following.set(true);
        show(history.isEmpty() ? null : history.get(0));
        updateTexts();
    }

    /** Stops following and stays on the cycle shown now. */
    public void pin() {
        following.set(false);
        updateTexts();
    }

    private void show(CycleEntry entry) {
        if (entry == selectedEntry.get() && entry != null) {
            return;
        }
        selectedEntry.set(entry);
        selectedCycle.set(entry == null ? null : entry.cycle());
        detail.set(entry == null ? CycleDetail.EMPTY : CycleText.detail(entry));
    }

    private void updateTexts() {
        CycleEntry shown = selectedEntry.get();
        if (following.get()) {
            mode.set("following the newest cycle");
        } else if (shown == null) {
            mode.set("pinned · no cycle at that time");
        } else if (!history.isEmpty() && shown.atMillis() < history.get(history.size() - 1).atMillis()) {
            mode.set("pinned to " + shown.time() + " · older than the " + history.size() + " cycles kept");
        } else {
            int newer = 0;
            for (CycleEntry e : history) {
                if (e == shown || e.atMillis() <= shown.atMillis()) {
                    break;
                }
                newer++;
            }
            mode.set("pinned to " + shown.time() + " · " + newer + (newer == 1 ? " newer cycle" : " newer cycles"));
        }
        int all = history.size();
        int quiet = all - (int) history.stream().filter(e -> !e.quiet()).count();
        historySummary.set(all == 0 ? "no cycles yet"
                : hideQuiet.get() ? (all - quiet) + " of " + all + " cycles (" + quiet + " quiet hidden)"
                : all + (all == 1 ? " cycle" : " cycles") + " (" + quiet + " quiet)");
        emptyListText.set(all == 0 ? NO_CYCLES
                : "No cycles with anomalies or actions yet — untick Hide quiet to see all " + all
                + (all == 1 ? " cycle." : " cycles."));
    }

    /**
     * What the history list says while it shows no row: no cycle yet, or (with Hide quiet on) none but quiet ones,
     * and how to see them.
     */
    public ReadOnlyStringProperty emptyListTextProperty() {
        return emptyListText.getReadOnlyProperty();
    }

    /** Every cycle kept, newest first (at most {@value #MAX_HISTORY}). */
    public ObservableList<CycleEntry> history() {
        return historyView;
    }

    /** The history as the list shows it: newest first, quiet cycles left out while {@link #hideQuietProperty()}. */
    public ObservableList<CycleEntry> shownHistory() {
        return shownHistoryView;
    }

    /** The history line the pane shows, or null before the first cycle. */
    public ReadOnlyObjectProperty<CycleEntry> selectedEntryProperty() {
        return selectedEntry.getReadOnlyProperty();
    }

    /** The cycle the pane shows, or null before the first cycle. */
    public AgentCycle getSelectedCycle() {
        return selectedCycle.get();
    }

    /** The shown cycle in words; {@link CycleDetail#EMPTY} before the first. */
    public ReadOnlyObjectProperty<CycleDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public CycleDetail getDetail() {
        return detail.get();
    }

    /** True while the pane follows the newest cycle; false while pinned to one. */
    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    public boolean isFollowing() {
        return following.get();
    }

    /** "following the newest cycle" or "pinned to t=312 s · 4 newer cycles". */
    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** "172 cycles (148 quiet)". */
    public ReadOnlyStringProperty historySummaryProperty() {
        return historySummary.getReadOnlyProperty();
    }

    /**
     * The session's LLM calls so far: "LLM: 42 calls · 3 fallbacks · 51,200 in / 8,100 out tokens · mean 840 ms";
     * empty with the heuristics alone. Counted from every cycle seen since the session (or replay) started.
     */
    public ReadOnlyStringProperty callTotalsProperty() {
        return callTotals.getReadOnlyProperty();
    }

    /**
     * Whether the history leaves out quiet cycles (no anomaly, nothing wrong on top, nothing done). Off by
     * default, so the history shows the agent ticking; the pane itself is not affected.
     */
    public BooleanProperty hideQuietProperty() {
        return hideQuiet;
    }
}
