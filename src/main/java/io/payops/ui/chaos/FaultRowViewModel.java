package io.payops.ui.chaos;

import io.payops.domain.ActiveFault;
import io.payops.domain.Command;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Frame;
import io.payops.domain.Target;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;

/**
 * One row of the chaos panel: a fault type with a target, a strength (severity 0–1, or a latency multiplier 1–10)
 * and an on/off switch. Turning it on submits {@link Command.AddFault} under the row's own id ("ui-gateway_outage",
 * then "ui-gateway_outage-2"... since the engine refuses a used id); changing the strength or target while on
 * submits {@link Command.UpdateFault}, keeping the start the engine applied; off submits {@link Command.RemoveFault}.
 *
 * <p>Not flooding the engine: the strength is rounded (1 point of severity, 0.1× of multiplier) and an update is sent
 * only when the rounded value differs from the one last sent, so a slider drag sends at most one command per step.
 * Until the engine has applied the add, changes are held and sent as one update once the fault shows in a frame.
 *
 * <p>The engine has the last word: {@link #activeProperty()} and the state text come from the newest frame, and a
 * fault that left the frame (removed from the active list, ended, refused) turns the switch off again. A fault of
 * the row's type that the row did not start (the scenario's own, or one injected from a scenario) is shown on the
 * row while it is off: switched on, at its target and strength; the row then acts on that fault (a change updates
 * it, keeping its start and length; off removes it).
 */
public final class FaultRowViewModel {
    private enum Phase { OFF, ADDING, ON, REMOVING }

    private final FaultType type;
    private final ChaosViewModel owner;
    private final boolean multiplier;
    private final ObjectProperty<Target> target;
    private final DoubleProperty value;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on");
    private final ReadOnlyStringWrapper valueText = new ReadOnlyStringWrapper(this, "valueText", "");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "off");
    private final ReadOnlyStringWrapper faultId = new ReadOnlyStringWrapper(this, "faultId", "");
    private final ReadOnlyStringWrapper stateHint = new ReadOnlyStringWrapper(this, "stateHint", "");
    /** This row's fault in the newest frame, or null. */
    private ActiveFault lastSeen;

    private Phase phase = Phase.OFF;
    private int serial;
    private Command.AddFault pendingAdd;
    private double appliedStart;
    /** The length of a fault the row took over (the scenario's), kept by its updates; NaN for the row's own. */
    private double adoptedDuration = Double.NaN;
    private double sentValue = Double.NaN;
    private Target sentTarget;
    /** Set while the row changes its own switch to match the engine: that change sends nothing. */
    private boolean syncing;

    FaultRowViewModel(FaultType type, ChaosViewModel owner, Target defaultTarget) {
        this.type = type;
        this.owner = owner;
        this.target = new SimpleObjectProperty<>(this, "target", defaultTarget);
        this.multiplier = type == FaultType.LATENCY_SPIKE;
        this.value = new SimpleDoubleProperty(this, "value", defaultValue(type));
        valueText.set(format(rounded()));
        value.addListener((o, was, now) -> {
            valueText.set(format(rounded()));
            if (!syncing) {
                specChanged();
            }
        });
        target.addListener((o, was, now) -> {
            if (now != null && !syncing) {
                specChanged();
            }
        });
        on.addListener((o, was, now) -> {
            if (syncing) {
                return;
            }
            if (now) {
                turnOn();
            } else {
                turnOff();
            }
        });
    }

    private static double defaultValue(FaultType type) {
        return switch (type) {
            case ISSUER_DEGRADATION -> 0.35;
            case GATEWAY_OUTAGE -> 0.5;
            case LATENCY_SPIKE -> 4.0;
            case RETRY_STORM -> 0.3;
            case NETWORK_ERRORS -> 0.2;
            case USER_DECLINES -> 0.3;
        };
    }

    private void turnOn() {
        // in a replay nothing is sent; the next frame turns the switch back off (see refreshState)
        if (!owner.isLive() || phase == Phase.ADDING || phase == Phase.ON) {
            return;
        }
        String id;
        do {
            serial++;
            id = serial == 1 ? "ui-" + type.key() : "ui-" + type.key() + "-" + serial;
        } while (owner.isFaultIdInUse(id));
        faultId.set(id);
        adoptedDuration = Double.NaN;
        double start = owner.nowSeconds();
        pendingAdd = new Command.AddFault(spec(start), true, id);
        sentValue = rounded();
        sentTarget = currentTarget();
        phase = Phase.ADDING;
        owner.submit(pendingAdd);
        refreshState(null);
    }

    private void turnOff() {
        if (phase == Phase.ADDING || phase == Phase.ON) {
            phase = Phase.REMOVING;
            owner.submit(new Command.RemoveFault(faultId.get()));
            refreshState(null);
        }
    }

    /** A strength or target change: sent at once while on, held while the add is on its way. */
    private void specChanged() {
        if (phase == Phase.ON) {
            sendUpdateIfChanged();
        }
    }

    private void sendUpdateIfChanged() {
        double v = rounded();
        Target t = currentTarget();
        if (v != sentValue || !t.equals(sentTarget)) {
            sentValue = v;
            sentTarget = t;
            owner.submit(new Command.UpdateFault(faultId.get(), spec(appliedStart)));
        }
    }

    /** Follows one frame of the engine (every frame of a batch, oldest first). */
    void follow(Frame f) {
        if (phase == Phase.OFF) {
            adopt(f);
            return;
        }
        ActiveFault mine = find(f, faultId.get());
        switch (phase) {
            case ADDING -> {
                boolean appliedHere = f.commands().contains(pendingAdd);
                String id = faultId.get();
                // the engine says why it refused an add in commandErrors, naming the id
                boolean refused = appliedHere && f.commandErrors().stream()
                        .anyMatch(e -> e.startsWith("AddFault") && e.contains(id));
                if (refused || (appliedHere && mine == null)) {
                    phase = Phase.OFF;
                    setOnQuietly(false);
                } else if (mine != null) {
                    // normally in the frame that applied it; later if that frame was dropped on the way
                    phase = Phase.ON;
                    appliedStart = mine.spec().startSecond();
                    sendUpdateIfChanged();
                }
            }
            case ON, REMOVING -> {
                if (mine == null) {
                    // ended, removed (by us or from the active list), or replaced: the switch follows the engine
                    phase = Phase.OFF;
                    setOnQuietly(false);
                }
            }
            default -> { }
        }
    }

    /**
     * While off: takes over the first fault of this row's type in the frame that no other row shows (the scenario's
     * own), so the row reads as it is, on at its target and strength.
     */
    private void adopt(Frame f) {
        for (ActiveFault a : f.faults()) {
            if (a.spec().type() == type && !owner.shownByAnotherRow(a.id(), this)) {
                syncing = true;
                try {
                    faultId.set(a.id());
                    phase = Phase.ON;
                    appliedStart = a.spec().startSecond();
                    adoptedDuration = a.spec().durationSeconds();
                    target.set(a.spec().target());
                    value.set(multiplier ? a.spec().multiplier() : a.spec().severity());
                    sentValue = rounded();
                    sentTarget = currentTarget();
                    on.set(true);
                } finally {
                    syncing = false;
                }
                return;
            }
        }
    }

    /** Whether this row is showing the fault with this id now. */
    boolean showsFault(String id) {
        return phase != Phase.OFF && id.equals(faultId.get());
    }

    /** Shows the newest frame's truth: active or not, and how strongly. */
    void refreshState(Frame latest) {
        if (latest != null) {
            lastSeen = phase == Phase.OFF ? null : find(latest, faultId.get());
            active.set(lastSeen != null);
            if (phase == Phase.OFF && on.get()) {
                setOnQuietly(false);
            }
        }
        ActiveFault mine = phase == Phase.OFF ? null : lastSeen;
        boolean paused = owner.isPaused();
        stateText.set(switch (phase) {
            case OFF -> "off";
            case ADDING -> paused ? "starts on Play" : "starting…";
            case REMOVING -> paused ? "stops on Play" : "stopping…";
            case ON -> mine == null ? "on" : String.format(Locale.ROOT, "on · %.0f%%", mine.intensity() * 100);
        });
        stateHint.set(switch (phase) {
            case OFF -> "Off: switch it on to inject this fault";
            case ADDING -> paused ? "The session is paused: the fault starts when you press Play"
                    : "Sent: the engine starts it at its next tick";
            case REMOVING -> paused ? "The session is paused: the fault stops when you press Play"
                    : "Sent: the engine stops it at its next tick";
            case ON -> (faultId.get().startsWith("ui-") ? "Injected here as " : "The scenario's fault ")
                    + faultId.get() + (mine == null ? "" : String.format(Locale.ROOT,
                    ", acting at %.0f%% of its strength now", mine.intensity() * 100));
        });
    }

    /** A new session: a new engine knows none of our faults. */
    void reset(Target newTarget) {
        syncing = true;
        try {
            phase = Phase.OFF;
            serial = 0;
            pendingAdd = null;
            lastSeen = null;
            adoptedDuration = Double.NaN;
            faultId.set("");
            on.set(false);
            active.set(false);
            target.set(newTarget);
        } finally {
            syncing = false;
        }
        refreshState(null);
    }

    private void setOnQuietly(boolean v) {
        syncing = true;
        try {
            on.set(v);
        } finally {
            syncing = false;
        }
    }

    private static ActiveFault find(Frame f, String id) {
        for (ActiveFault a : f.faults()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }

    private Target currentTarget() {
        return target.get() == null ? FaultTargets.DEFAULT : target.get();
    }

    /** The fault as the row describes it, lasting from {@code startSecond} to the end of the scenario. */
    FaultSpec spec(double startSecond) {
        double duration = !Double.isNaN(adoptedDuration) ? adoptedDuration
                : Math.max(1, owner.scenarioSeconds() - startSecond);
        double v = rounded();
        return multiplier
                ? new FaultSpec(type, currentTarget(), startSecond, duration, 0, v, 0)
                : new FaultSpec(type, currentTarget(), startSecond, duration, v, 1, 0);
    }

    /** The strength as sent: severity to 0.01, multiplier to 0.1. */
    double rounded() {
        double v = Math.max(min(), Math.min(max(), value.get()));
        return multiplier ? Math.round(v * 10) / 10.0 : Math.round(v * 100) / 100.0;
    }

    private String format(double v) {
        return multiplier ? String.format(Locale.ROOT, "×%.1f", v) : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    public FaultType type() {
        return type;
    }

    /** The type's key, as used in ids: gateway_outage. */
    public String key() {
        return type.key();
    }

    /** "Gateway outage". */
    public String label() {
        String k = type.key().replace('_', ' ');
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    /** What this fault does to the simulated world, for the row's tooltip. */
    public String description() {
        return switch (type) {
            case ISSUER_DEGRADATION -> "Success drops by the severity on the target (ISSUER_DOWN)";
            case GATEWAY_OUTAGE -> "That share of attempts on the target fails with GATEWAY_ERROR";
            case LATENCY_SPIKE -> "Latency on the target is multiplied; attempts over the timeout fail (BANK_TIMEOUT)";
            case RETRY_STORM -> "That share fails transiently and is retried, multiplying attempts";
            case NETWORK_ERRORS -> "That share of attempts on the target fails with NETWORK_ERROR";
            case USER_DECLINES -> "That share is declined by customers (USER_DECLINED): routing cannot fix it";
        };
    }

    /** Whether the slider is a latency multiplier (1–10) rather than a severity (0–1). */
    public boolean isMultiplier() {
        return multiplier;
    }

    public double min() {
        return multiplier ? 1 : 0;
    }

    public double max() {
        return multiplier ? 10 : 1;
    }

    /** How far one arrow key moves the slider. */
    public double blockIncrement() {
        return multiplier ? 0.5 : 0.05;
    }

    public double majorTickUnit() {
        return multiplier ? 3 : 0.25;
    }

    /** "What the slider sets", for its tooltip. */
    public String strengthHint() {
        return multiplier ? "Latency multiplier on the target, ×1 to ×10" : "Severity: share of attempts hit, 0–100%";
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public DoubleProperty valueProperty() {
        return value;
    }

    /** The user's switch: set it to inject or remove the fault; the row sets it back when the engine disagrees. */
    public BooleanProperty onProperty() {
        return on;
    }

    public void setOn(boolean v) {
        on.set(v);
    }

    public void setValue(double v) {
        value.set(v);
    }

    public void setTarget(Target t) {
        target.set(t);
    }

    /** "35%" or "×4.0", the rounded value that is sent. */
    public ReadOnlyStringProperty valueTextProperty() {
        return valueText.getReadOnlyProperty();
    }

    /** Whether the newest frame lists this row's fault. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** What the state means, for its tooltip: whose fault it is, or when a sent command takes effect. */
    public ReadOnlyStringProperty stateHintProperty() {
        return stateHint.getReadOnlyProperty();
    }

    /** "off", "starting…" ("starts on Play" while paused), "on · 100%", "stopping…" ("stops on Play"). */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }
}
