package io.payops.ui.fx;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.List;
import java.util.StringJoiner;

/**
 * One table row in full, in a window of its own ({@code #row-detail}): each field's name and its whole text, wrapped,
 * with Copy (the same text as Copy row) and Close. Not modal, so the console goes on updating behind it; the row is
 * shown as it was when opened.
 */
public final class RowDetail {
    /** What a value wraps at, so a long note reads as a paragraph. */
    private static final double VALUE_WIDTH = 560;
    private static final double MAX_HEIGHT = 520;

    /** One line of the detail: a column's header (or another name) and its text. */
    public record Field(String name, String value) {
    }

    private RowDetail() {
    }

    /** Opens the detail over {@code owner}'s window. FX thread. */
    public static Dialog<Void> show(Node owner, String title, List<Field> fields) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.initModality(Modality.NONE);
        Scene scene = owner.getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (window != null) {
            dialog.initOwner(window);
            // the console's colours (tokens) and table look reach the dialog's own scene
            dialog.getDialogPane().getStylesheets().addAll(scene.getStylesheets());
        }
        dialog.getDialogPane().getStylesheets().add(FxmlViews.stylesheet("/styles/tables.css"));
        dialog.getDialogPane().setId("row-detail");
        dialog.getDialogPane().getStyleClass().add("row-detail");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("row-detail-grid");
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMaxWidth(VALUE_WIDTH);
        grid.getColumnConstraints().addAll(names, values);
        int i = 0;
        for (Field f : fields) {
            Label name = new Label(f.name());
            name.getStyleClass().add("row-detail-name");
            Label value = new Label(f.value().isEmpty() ? "—" : f.value());
            value.getStyleClass().add("row-detail-value");
            value.setWrapText(true);
            value.setMaxWidth(VALUE_WIDTH);
            value.setMinHeight(Region.USE_PREF_SIZE);
            grid.addRow(i++, name, value);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(MAX_HEIGHT);
        scroll.getStyleClass().add("row-detail-scroll");
        dialog.getDialogPane().setContent(scroll);

        ButtonType copy = new ButtonType("Copy", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(copy, ButtonType.CLOSE);
        Button copyButton = (Button) dialog.getDialogPane().lookupButton(copy);
        copyButton.setId("row-detail-copy");
        // Copy keeps the window open: the filter stops the button from closing it
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            Columns.copy(fields);
            e.consume();
        });
        dialog.show();
        return dialog;
    }

    /** The fields as "name: value" lines, as Copy row and the Copy button put them on the clipboard. */
    public static String text(List<Field> fields) {
        StringJoiner lines = new StringJoiner("\n");
        for (Field f : fields) {
            lines.add(f.name() + ": " + f.value());
        }
        return lines.toString();
    }
}
