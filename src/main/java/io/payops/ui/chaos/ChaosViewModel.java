package io.payops.ui.chaos;

import io.payops.domain.ActiveFault;
import io.payops.domain.Command;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Frame;
import io.payops.domain.Target;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.sim.World;
import io.payops.ui.fx.CommandSink;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.SessionInfo;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The chaos panel: one {@link FaultRowViewModel} per {@link FaultType}, a way to inject a built-in scenario's faults
 * now, and the list of every fault active in the newest frame with a remove command. Everything goes to the engine
 * as commands; what the panel shows as active comes from frames, and refused commands surface as a message.
 */
public final class ChaosViewModel implements FrameListener {
    /** The active list mirrors the engine's faults; this caps it should a script inject hundreds. */
    static final int MAX_ACTIVE_SHOWN = 100;
    /** A scenario's length when no session has started yet. */
    private static final int DEFAULT_SCENARIO_SECONDS = 3600;
    public static final String UNAVAILABLE_OPEN_LOOP = "Chaos needs simulated traffic: an event log's payments "
            + "happened already, so there is nothing to inject a fault into. Back to live to use chaos.";

    private final CommandSink sink;
    private final Map<FaultType, FaultRowViewModel> rows = new EnumMap<>(FaultType.class);
    private final List<FaultRowViewModel> rowList;
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ObservableList<Target> targetsView = FXCollections.unmodifiableObservableList(targets);
    private final ObservableList<String> scenarioNames =
            FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(ScenarioLoader.builtInNames()));
    private final StringProperty selectedScenario = new SimpleStringProperty(this, "selectedScenario");
    private final ObservableList<ActiveFaultItem> active = FXCollections.observableArrayList();
    private final ObservableList<ActiveFaultItem> activeView = FXCollections.unmodifiableObservableList(active);
    private final Map<String, ActiveFaultItem> activeById = new HashMap<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live", true);
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", "");
    private final ReadOnlyStringWrapper activeSummary = new ReadOnlyStringWrapper(this, "activeSummary", "none active");
    private final StringConverter<Target> targetConverter = new StringConverter<>() {
        @Override
        public String toString(Target t) {
            return t == null ? "" : t.toString();
        }

        @Override
        public Target fromString(String s) {
            return targets.stream().filter(t -> t.toString().equals(s)).findFirst().orElse(null);
        }
    };
    private int scenarioSeconds = DEFAULT_SCENARIO_SECONDS;
    private long nowMillis;
    private List<ActiveFault> latestFaults = List.of();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");

    public ChaosViewModel(CommandSink sink) {
        this.sink = sink;
        targets.setAll(FaultTargets.of(World.defaultWorld()));
        for (FaultType t : FaultType.values()) {
            rows.put(t, new FaultRowViewModel(t, this, FaultTargets.defaultFor(t, targets)));
        }
        rowList = List.copyOf(rows.values());
        if (!scenarioNames.isEmpty()) {
            selectedScenario.set(scenarioNames.get(0));
        }
    }

    @Override
    public void onSessionStart(SessionInfo session) {
        scenarioSeconds = session.scenario().durationSeconds();
        nowMillis = 0;
        latestFaults = List.of();
        // an event log's payments happened already: there is no world to inject a fault into
        live.set(session.live() && !session.openLoop());
        unavailable.set(session.openLoop() ? UNAVAILABLE_OPEN_LOOP : "");
        message.set("");
        active.clear();
        activeById.clear();
        refreshActiveSummary();
        List<Target> options = FaultTargets.of(session.world());
        boolean sameWorld = options.equals(targets);
        List<Target> next = new ArrayList<>(rowList.size());
        for (FaultRowViewModel row : rowList) {
            Target now = row.targetProperty().get();
            next.add(now != null && (sameWorld || options.contains(now)) ? now
                    : FaultTargets.defaultFor(row.type(), options));
        }
        if (!sameWorld) {
            // no target selected while the list changes: ControlsFX's SearchableComboBox keeps a filtered copy of
            // the list that hears of a change after the box's selection does, and a selection that moves makes the
            // box read that copy before it has caught up (IndexOutOfBoundsException on an event log's smaller world)
            rowList.forEach(row -> row.reset(null));
            targets.setAll(options);
        }
        for (int i = 0; i < rowList.size(); i++) {
            rowList.get(i).reset(next.get(i));
        }
    }

    @Override
    public void onFrames(FrameBatch batch) {
        for (Frame f : batch.frames()) {
            for (FaultRowViewModel row : rowList) {
                row.follow(f);
            }
            noticeErrors(f);
        }
        Frame latest = batch.latest();
        nowMillis = latest.simMillis();
        latestFaults = latest.faults();
        for (FaultRowViewModel row : rowList) {
            row.refreshState(latest);
        }
        syncActive(latest.faults());
    }

    private void noticeErrors(Frame f) {
        List<String> ours = new ArrayList<>();
        for (String e : f.commandErrors()) {
            if (e.startsWith("AddFault") || e.startsWith("UpdateFault") || e.startsWith("RemoveFault")
                    || e.startsWith("no fault with id")) {
                ours.add(e);
            }
        }
        if (!ours.isEmpty()) {
            message.set(String.format(Locale.ROOT, "at %.0f s: %s", f.simSeconds(), String.join("; ", ours)));
        }
    }

    /** Updates the active list in place: items keep their identity across pulses, so cells are not rebuilt. */
    private void syncActive(List<ActiveFault> faults) {
        Set<String> ids = new HashSet<>();
        for (ActiveFault f : faults) {
            if (ids.size() == MAX_ACTIVE_SHOWN) {
                break;
            }
            ids.add(f.id());
        }
        if (active.size() != ids.size() || !activeById.keySet().equals(ids)) {
            active.removeIf(item -> !ids.contains(item.id()));
            activeById.keySet().retainAll(ids);
        }
        for (ActiveFault f : faults) {
            if (!ids.contains(f.id())) {
                continue;
            }
            ActiveFaultItem item = activeById.get(f.id());
            if (item == null) {
                item = new ActiveFaultItem(f);
                activeById.put(f.id(), item);
                active.add(item);
            } else {
                item.update(f);
            }
        }
        refreshActiveSummary();
    }

    private void refreshActiveSummary() {
        int n = active.size();
        activeSummary.set(n == 0 ? "none active" : n == 1 ? "1 active" : n + " active");
    }

    /**
     * Injects every fault of a built-in scenario, each starting now (the engine sets the start as it applies them)
     * and lasting as in the scenario; the engine names them chaos-N.
     * @return how many commands were sent
     */
    public int injectScenario(String name) {
        if (!live.get() || name == null) {
            return 0;
        }
        Scenario s = ScenarioLoader.builtIn(name);
        double now = nowSeconds();
        for (FaultSpec f : s.faults()) {
            FaultSpec shifted = new FaultSpec(f.type(), f.target(), now, f.durationSeconds(), f.severity(),
                    f.multiplier(), f.rampSeconds());
            submit(new Command.AddFault(shifted, true));
        }
        message.set("");
        return s.faults().size();
    }

    /** Injects the faults of the scenario picked in {@link #selectedScenarioProperty()}. */
    public int injectSelectedScenario() {
        return injectScenario(selectedScenario.get());
    }

    /** Removes any active fault (the scenario's own f1..., chaos-N, or a row's). */
    public void removeFault(String faultId) {
        if (live.get()) {
            submit(new Command.RemoveFault(faultId));
        }
    }

    /**
     * Whether the session is paused: a switch's command then waits for the next tick, and its row says it starts
     * (or stops) on Play rather than that it is starting.
     */
    public void setPaused(boolean p) {
        paused.set(p);
        for (FaultRowViewModel row : rowList) {
            row.refreshState(null);
        }
    }

    boolean isPaused() {
        return paused.get();
    }

    /**
     * Whether a row other than {@code row} already shows this fault (a row takes over a scenario's fault of its
     * type, the first one not taken).
     */
    boolean shownByAnotherRow(String faultId, FaultRowViewModel row) {
        for (FaultRowViewModel r : rowList) {
            if (r != row && r.showsFault(faultId)) {
                return true;
            }
        }
        return false;
    }

    public void clearMessage() {
        message.set("");
    }

    void submit(Command c) {
        sink.submit(c);
    }

    /** Whether a fault with this id is active in the newest frame (a row then picks its next id). */
    boolean isFaultIdInUse(String id) {
        for (ActiveFault f : latestFaults) {
            if (f.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    boolean isLive() {
        return live.get();
    }

    /** Simulated time of the newest frame, in seconds (0 before the first). */
    double nowSeconds() {
        return nowMillis / 1000.0;
    }

    int scenarioSeconds() {
        return scenarioSeconds;
    }

    /** One row per fault type, in {@link FaultType} order. */
    public List<FaultRowViewModel> rows() {
        return rowList;
    }

    public FaultRowViewModel row(FaultType type) {
        return rows.get(type);
    }

    /** Targets a row can pick: each dimension value alone, then each gateway × issuer path. */
    public ObservableList<Target> targets() {
        return targetsView;
    }

    /** Shows a target as "gateway=razorpay issuer=SBI". */
    public StringConverter<Target> targetConverter() {
        return targetConverter;
    }

    public ObservableList<String> scenarioNames() {
        return scenarioNames;
    }

    /** The scenario whose faults {@link #injectSelectedScenario()} injects; writable (the combo box). */
    public StringProperty selectedScenarioProperty() {
        return selectedScenario;
    }

    /** Every fault active in the newest frame, in the engine's order (unmodifiable). */
    public ObservableList<ActiveFaultItem> activeFaults() {
        return activeView;
    }

    /** "none active", "1 active", "3 active". */
    public ReadOnlyStringProperty activeSummaryProperty() {
        return activeSummary.getReadOnlyProperty();
    }

    /** Why the engine refused a chaos command (with the simulated time), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** False in a replay and over an event log: nothing can be injected. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** Why chaos is off over an event log ({@link #UNAVAILABLE_OPEN_LOOP}), or empty. */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }
}
