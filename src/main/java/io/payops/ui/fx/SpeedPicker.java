package io.payops.ui.fx;

import io.payops.ui.shell.ShellViewModel;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.DoubleConsumer;

/** The "×1 … ×100" speed picker, shared by the live toolbar and the replay bar. */
public final class SpeedPicker {
    private SpeedPicker() {
    }

    /** Fills {@code box} with {@code speeds}, follows {@code speed} and sends a pick to {@code set}. */
    public static void bind(ComboBox<Double> box, List<Double> speeds, ReadOnlyDoubleProperty speed, DoubleConsumer set) {
        box.getItems().setAll(speeds);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double x) {
                return x == null ? "" : "×" + ShellViewModel.speedLabel(x);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", "").trim());
            }
        });
        box.setValue(speed.get());
        speed.addListener((o, a, b) -> box.setValue(b.doubleValue()));
        box.setOnAction(e -> {
            if (box.getValue() != null) {
                set.accept(box.getValue());
            }
        });
        box.setTooltip(new Tooltip("Simulated seconds per wall-clock second"));
    }
}
