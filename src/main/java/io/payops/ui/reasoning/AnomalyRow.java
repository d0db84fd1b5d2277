package io.payops.ui.reasoning;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One anomaly: what moved where, over its numbers (observed vs expected, score, samples). */
final class AnomalyRow extends VBox {
    private final Label title = new Label();
    private final Label numbers = new Label();

    AnomalyRow() {
        getStyleClass().add("anomaly");
        title.getStyleClass().add("anomaly-title");
        numbers.getStyleClass().add("anomaly-numbers");
        for (Label l : new Label[] {title, numbers}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(title, numbers);
    }

    void show(CycleDetail.AnomalyLine line) {
        title.setText(line.title());
        numbers.setText(line.numbers());
    }
}
