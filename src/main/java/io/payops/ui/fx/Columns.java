package io.payops.ui.fx;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.Callback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the console's tables fill their columns from a ViewModel's row records: a column shows one field of its row,
 * or the row itself as a text with its own sort order. Every text cell carries its whole text as a tooltip (a column
 * may be narrower than its longest value at 1366 px), and {@link #details} gives a table a row detail (double-click,
 * Enter, or the context menu) and Copy row (Ctrl+C), built from the columns themselves. The views only say which
 * field goes where.
 */
public final class Columns {
    /** Full-text tooltips wrap at this width, so a long note reads as a paragraph. */
    private static final double TOOLTIP_WIDTH = 480;
    /** Where a column keeps the text of its cell for a row, for the row detail and Copy row. */
    private static final String TEXT_KEY = Columns.class.getName() + ".text";
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private Columns() {
    }

    /** The column shows {@code field} of each row, and sorts by it; its text is the value's. */
    public static <R, T> void value(TableColumn<R, T> column, Function<R, T> field) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(field.apply(c.getValue())));
        textOf(column, r -> {
            T v = field.apply(r);
            return v == null ? "" : v.toString();
        });
    }

    /** The column shows the text {@code field} of each row, with its whole text as a tooltip. */
    public static <R> void text(TableColumn<R, String> column, Function<R, String> field) {
        value(column, field);
        column.setCellFactory(c -> new TextCell<>(Function.identity()));
    }

    /**
     * Like {@link #text}, for a sentence the row must show whole (a decision's why): it wraps onto more lines when
     * the column is too narrow, and the row grows to fit.
     */
    public static <R> void wrappedText(TableColumn<R, String> column, Function<R, String> field) {
        value(column, field);
        column.setCellFactory(c -> new WrappedTextCell<>(column));
    }

    /**
     * A cell whose text wraps at the column's width. A cell's own wrapText does not make a table row taller (the
     * row asks its cells for a height before they know their width), so the text is a Text node wrapped at the
     * column's width, which gives the row its height.
     */
    private static final class WrappedTextCell<R> extends TableCell<R, String> {
        private final javafx.scene.text.Text text = new javafx.scene.text.Text();
        private final Tooltip tooltip = new Tooltip();

        WrappedTextCell(TableColumn<R, String> column) {
            text.getStyleClass().add("wrapped-cell-text");
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(TOOLTIP_WIDTH);
            setText(null);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean blank = empty || item == null || item.isBlank();
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty || item == null ? null : text);
            tooltip.setText(item);
            setTooltip(blank ? null : tooltip);
        }
    }

    /** The column's value is the row: it shows {@code text} of it (with a tooltip) and sorts by {@code order}. */
    public static <R> void rowText(TableColumn<R, R> column, Function<R, String> text, Comparator<R> order) {
        row(column, order);
        textOf(column, text);
        column.setCellFactory(c -> new TextCell<>(text));
    }

    /** The column's value is the row, sorted by {@code order}; the caller gives it a cell that shows the row. */
    public static <R> void row(TableColumn<R, R> column, Comparator<R> order) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator(order);
    }

    /** What a column with a cell of its own shows for a row, in words: the row detail and Copy row use it. */
    public static <R> void textOf(TableColumn<R, ?> column, Function<R, String> text) {
        column.getProperties().put(TEXT_KEY, text);
    }

    /** A ViewModel's list is read-only; a sorted view of it lets header clicks sort the table without touching it. */
    public static <R> SortedList<R> sortable(TableView<R> table, ObservableList<R> rows) {
        SortedList<R> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        return sorted;
    }

    /**
     * Gives the table a row detail: a double-click or Enter on a row, or "Show details" in its context menu, opens a
     * window with every column's full text and {@code extra} fields (what the row knows beyond its columns); Ctrl+C
     * or "Copy row" puts the same text on the clipboard. Keeps any row factory the table already has.
     *
     * @return a row's fields as the detail shows them (for a Copy row button of the view's own)
     */
    public static <R> Function<R, List<RowDetail.Field>> details(TableView<R> table, String title,
                                                                  Function<R, List<RowDetail.Field>> extra) {
        Function<R, List<RowDetail.Field>> fields = r -> {
            List<RowDetail.Field> all = new ArrayList<>(fieldsOf(table, r));
            all.addAll(extra.apply(r));
            return all;
        };
        Callback<TableView<R>, TableRow<R>> rows = table.getRowFactory();
        table.setRowFactory(t -> {
            TableRow<R> row = rows == null ? new TableRow<>() : rows.call(t);
            row.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    RowDetail.show(table, title, fields.apply(row.getItem()));
                }
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            R selected = table.getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                RowDetail.show(table, title, fields.apply(selected));
                e.consume();
            } else if (COPY.match(e)) {
                copy(fields.apply(selected));
                e.consume();
            }
        });
        MenuItem show = new MenuItem("Show details (Enter)");
        show.setOnAction(e -> selected(table).ifPresent(r -> RowDetail.show(table, title, fields.apply(r))));
        MenuItem copy = new MenuItem("Copy row (Ctrl+C)");
        copy.setOnAction(e -> selected(table).ifPresent(r -> copy(fields.apply(r))));
        table.setContextMenu(new ContextMenu(show, copy));
        return fields;
    }

    private static <R> java.util.Optional<R> selected(TableView<R> table) {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    /** Every visible column's header and its text for {@code row}, left to right. */
    public static <R> List<RowDetail.Field> fieldsOf(TableView<R> table, R row) {
        List<RowDetail.Field> out = new ArrayList<>();
        for (TableColumn<R, ?> c : table.getVisibleLeafColumns()) {
            out.add(new RowDetail.Field(c.getText(), textIn(c, row)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <R> String textIn(TableColumn<R, ?> column, R row) {
        Object f = column.getProperties().get(TEXT_KEY);
        if (f instanceof Function<?, ?> text) {
            return Objects.toString(((Function<R, String>) text).apply(row), "");
        }
        return Objects.toString(column.getCellObservableValue(row) == null ? null
                : column.getCellObservableValue(row).getValue(), "");
    }

    /** Puts the fields on the clipboard as "name: value" lines. FX thread. */
    public static void copy(List<RowDetail.Field> fields) {
        ClipboardContent content = new ClipboardContent();
        content.putString(RowDetail.text(fields));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A plain text cell with its whole text as a tooltip. */
    private static final class TextCell<R, T> extends TableCell<R, T> {
        private final Function<? super T, String> text;
        private final Tooltip tooltip = new Tooltip();

        TextCell(Function<? super T, String> text) {
            this.text = text;
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(TOOLTIP_WIDTH);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            String s = empty || item == null ? null : text.apply(item);
            setText(s);
            tooltip.setText(s);
            setTooltip(s == null || s.isBlank() ? null : tooltip);
        }
    }
}
