package io.payops.ui.reasoning;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A rejected alternative: the action and its score on one line, why it lost below. */
final class AlternativeRow extends VBox {
    private final Label action = new Label();
    private final Label score = new Label();
    private final Label reason = new Label();

    AlternativeRow() {
        getStyleClass().add("alternative");
        action.getStyleClass().add("alternative-action");
        action.setMinWidth(0);
        action.setMaxWidth(Double.MAX_VALUE);
        // a three-part segment ("open_circuit on gateway=razorpay network=VISA") wraps in a 400 px pane, never cut
        action.setWrapText(true);
        action.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(action, Priority.ALWAYS);
        score.getStyleClass().add("alternative-score");
        score.setMinWidth(Region.USE_PREF_SIZE);
        reason.getStyleClass().add("alternative-reason");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        HBox head = new HBox(action, score);
        head.getStyleClass().add("alternative-head");
        getChildren().addAll(head, reason);
    }

    void show(CycleDetail.AlternativeLine line) {
        action.setText(line.action());
        score.setText(line.score());
        reason.setText(line.reason());
        reason.setVisible(!line.reason().isEmpty());
        reason.setManaged(!line.reason().isEmpty());
    }
}
