package io.payops.ui.dashboard;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One KPI tile's worth of state: fixed presentation (title, unit, decimals, what it means) and three live values:
 * the number in display units, a one-line caption that gives it context, and how healthy it looks. Written by
 * {@link KpiTilesViewModel} only; views read the properties.
 */
public final class Kpi {
    private final String id;
    private final String title;
    private final String unit;
    private final int decimals;
    private final String help;
    private final ReadOnlyDoubleWrapper value = new ReadOnlyDoubleWrapper(this, "value", 0);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyObjectWrapper<HealthLevel> level =
            new ReadOnlyObjectWrapper<>(this, "level", HealthLevel.NEUTRAL);

    Kpi(String id, String title, String unit, int decimals, String help) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.decimals = decimals;
        this.help = help;
    }

    /** Stable name, used as the tile's CSS id suffix ({@code #kpi-<id>}). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Shown after the value, e.g. "%" or "ms"; empty for counts and rates named in the title. */
    public String unit() {
        return unit;
    }

    public int decimals() {
        return decimals;
    }

    /** What the number is and how it is computed, for the tooltip. */
    public String help() {
        return help;
    }

    public ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public double getValue() {
        return value.get();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public String getCaption() {
        return caption.get();
    }

    public ReadOnlyObjectProperty<HealthLevel> levelProperty() {
        return level.getReadOnlyProperty();
    }

    public HealthLevel getLevel() {
        return level.get();
    }

    void update(double newValue, String newCaption, HealthLevel newLevel) {
        value.set(newValue);
        caption.set(newCaption);
        level.set(newLevel);
    }

    void reset(String waitingCaption) {
        update(0, waitingCaption, HealthLevel.NEUTRAL);
    }
}
