package io.payops.ui.reasoning;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** One sentence of evidence, explanation or reasons: wraps, never clips. */
final class Sentence extends Label {
    Sentence() {
        getStyleClass().add("sentence");
        setWrapText(true);
        setMinHeight(Region.USE_PREF_SIZE);
        setMaxWidth(Double.MAX_VALUE);
    }

    static void fill(Sentence label, String text) {
        label.setText(text);
    }
}
