package io.payops.ui.reasoning;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One line of the cycle history: time, top diagnosis over the action, the verdict as a badge. Built once per cell. */
final class CycleCell extends ListCell<CycleEntry> {
    static final PseudoClass QUIET = PseudoClass.getPseudoClass("quiet");

    private final Label time = new Label();
    private final Label diagnosis = new Label();
    private final Label action = new Label();
    private final Label verdict = new Label();
    private final HBox graphic;

    CycleCell() {
        getStyleClass().add("cycle-cell");
        time.getStyleClass().add("cycle-cell-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        diagnosis.getStyleClass().add("cycle-cell-diagnosis");
        action.getStyleClass().add("cycle-cell-action");
        diagnosis.setMinWidth(0);
        action.setMinWidth(0);
        verdict.getStyleClass().add("verdict-badge");
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        // the badge on the action's line, so the diagnosis ("gateway_outage · gateway=stripe") has the row's whole
        // width: in a 400 px side pane beside the badge it was cut
        HBox actionLine = new HBox(6, action, verdict);
        actionLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        actionLine.setMinWidth(0);
        HBox.setHgrow(action, Priority.ALWAYS);
        action.setMaxWidth(Double.MAX_VALUE);
        VBox text = new VBox(diagnosis, actionLine);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        graphic = new HBox(time, text);
        graphic.getStyleClass().add("cycle-cell-graphic");
        graphic.setMinWidth(0);
        graphic.setPrefWidth(0);
        setText(null);
    }

    @Override
    protected void updateItem(CycleEntry item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            pseudoClassStateChanged(QUIET, false);
            VerdictStyle.mark(verdict, null);
            return;
        }
        time.setText(item.time());
        diagnosis.setText(item.diagnosis());
        action.setText(item.action());
        verdict.setText(item.verdictText());
        VerdictStyle.mark(verdict, item.verdict());
        pseudoClassStateChanged(QUIET, item.quiet());
        setGraphic(graphic);
    }
}
