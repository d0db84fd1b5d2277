package io.payops.ui.chaos;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/** A cell of the active-faults list: what and where, id and strength, and a remove button ({@code #chaos-remove-<id>}). */
final class ActiveFaultCell extends ListCell<ActiveFaultItem> {
    private final Label title = new Label();
    private final Label detail = new Label();
    private final Button remove = new Button("×");
    private final Tooltip tip = new Tooltip();
    private final HBox box;

    ActiveFaultCell(Consumer<String> onRemove) {
        title.getStyleClass().add("chaos-active-title");
        // a long "type · target" wraps onto a second line rather than losing its end to "…"
        title.setWrapText(true);
        detail.setWrapText(true);
        detail.getStyleClass().add("chaos-active-detail");
        remove.getStyleClass().add("chaos-remove");
        remove.setMinWidth(Label.USE_PREF_SIZE);
        remove.setTooltip(new Tooltip("Remove this fault from the simulated world now"));
        remove.setOnAction(e -> {
            ActiveFaultItem item = getItem();
            if (item != null) {
                onRemove.accept(item.id());
            }
        });
        VBox text = new VBox(1, title, detail);
        Tooltip.install(text, tip);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(6, text, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        setText(null);
        // ask for no width of our own: the cell takes the list's width and the labels shorten, so the remove
        // button never slides out of view behind a horizontal scroll bar
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ActiveFaultItem item, boolean empty) {
        super.updateItem(item, empty);
        title.textProperty().unbind();
        detail.textProperty().unbind();
        tip.textProperty().unbind();
        if (empty || item == null) {
            setGraphic(null);
            remove.setId(null);
            return;
        }
        title.textProperty().bind(item.titleProperty());
        detail.textProperty().bind(item.detailProperty());
        tip.textProperty().bind(item.titleProperty().concat("\n").concat(item.detailProperty()));
        remove.setId("chaos-remove-" + item.id());
        setGraphic(box);
    }
}
