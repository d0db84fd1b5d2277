package io.payops.ui.dashboard;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value axis for scrolling time, with bounds and tick unit set from outside (it does not auto-range). Ticks sit
 * on whole multiples of the tick unit, where {@link NumberAxis} (which is final) puts them at lowerBound + k × unit:
 * as the window slides, tick values stay the same, so their labels are reused rather than rebuilt every pulse,
 * and they read as round clock times ("5:00", "6:00") through the tick label formatter.
 */
public class TimeAxis extends ValueAxis<Number> {
    /** A guard against a tick unit far too small for the range. */
    private static final int MAX_TICKS = 200;

    private final DoubleProperty tickUnit = new SimpleDoubleProperty(this, "tickUnit", 60) {
        @Override
        protected void invalidated() {
            invalidateRange();
            requestAxisLayout();
        }
    };

    private record Range(double lower, double upper, double unit, double scale) {
    }

    public TimeAxis() {
        setAutoRanging(false);
    }

    public final DoubleProperty tickUnitProperty() {
        return tickUnit;
    }

    public final double getTickUnit() {
        return tickUnit.get();
    }

    public final void setTickUnit(double value) {
        tickUnit.set(value);
    }

    @Override
    protected Object getRange() {
        return new Range(getLowerBound(), getUpperBound(), getTickUnit(), getScale());
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        Range r = (Range) range;
        setLowerBound(r.lower());
        setUpperBound(r.upper());
        setTickUnit(r.unit());
        currentLowerBound.set(r.lower());
        setScale(r.scale());
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        Range r = (Range) range;
        List<Number> ticks = new ArrayList<>();
        if (r.unit() <= 0 || r.upper() <= r.lower() || (r.upper() - r.lower()) / r.unit() > MAX_TICKS) {
            ticks.add(r.lower());
            ticks.add(r.upper());
            return ticks;
        }
        for (double t = Math.ceil(r.lower() / r.unit()) * r.unit(); t <= r.upper(); t += r.unit()) {
            ticks.add(t);
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        StringConverter<Number> formatter = getTickLabelFormatter();
        return formatter != null ? formatter.toString(value) : String.format(Locale.ROOT, "%.0f", value.doubleValue());
    }
}
