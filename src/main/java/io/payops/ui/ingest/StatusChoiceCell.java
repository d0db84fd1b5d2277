package io.payops.ui.ingest;

import io.payops.domain.Status;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;

/**
 * "Reads as" in the mapping step's status table: the status as text for a word the built-in vocabulary reads, a
 * status choice for one nobody mapped (empty, its guess in the prompt, marked "unmapped") or one the user mapped.
 * Rows are replaced after every inspection, so a cell never carries a stale choice.
 */
final class StatusChoiceCell extends TableCell<StatusRow, StatusRow> {
    private final ComboBox<Status> choice = new ComboBox<>();
    private final Label unmapped = new Label("unmapped");
    private final HBox box = new HBox(choice, unmapped);
    private StatusRow row;

    StatusChoiceCell(LogMappingViewModel vm) {
        choice.getItems().setAll(vm.statusChoices());
        choice.getStyleClass().add("mapping-status-choice");
        unmapped.getStyleClass().add("mapping-unmapped");
        unmapped.setMinWidth(Label.USE_PREF_SIZE);
        box.getStyleClass().add("mapping-status-cell");
        choice.setOnAction(e -> {
            if (row != null && choice.getValue() != null) {
                vm.chooseStatus(row.word(), choice.getValue());
            }
        });
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(StatusRow item, boolean empty) {
        super.updateItem(item, empty);
        row = null; // while the value is set below, a change is not the user's
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        if (!item.choosable()) {
            setContentDisplay(ContentDisplay.TEXT_ONLY);
            setText(item.readAs().name());
            setGraphic(null);
            return;
        }
        choice.setValue(item.chosen() ? item.readAs() : null);
        choice.setPromptText(item.readAs().name() + "?");
        unmapped.setVisible(item.unmapped());
        unmapped.setManaged(item.unmapped());
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setText(null);
        setGraphic(box);
        row = item;
    }
}
