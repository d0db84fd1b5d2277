package io.payops.ui.fx;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.Comparator;
import java.util.function.Function;

/**
 * How the console's tables fill their columns from a ViewModel's row records: a column shows one field of its row,
 * or the row itself as a text with its own sort order; long text carries its full text as a tooltip, since the table
 * truncates it. The views only say which field goes where.
 */
public final class Columns {
    /** Full-text tooltips wrap at this width, so a long note reads as a paragraph. */
    private static final double TOOLTIP_WIDTH = 480;

    private Columns() {
    }

    /** The column shows {@code field} of each row, and sorts by it. */
    public static <R, T> void value(TableColumn<R, T> column, Function<R, T> field) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(field.apply(c.getValue())));
    }

    /** The column shows the text {@code field} of each row; with {@code fullTextTooltip}, in a tooltip as well. */
    public static <R> void text(TableColumn<R, String> column, Function<R, String> field, boolean fullTextTooltip) {
        value(column, field);
        column.setCellFactory(c -> new TextCell<>(Function.identity(), fullTextTooltip));
    }

    /** The column's value is the row: it shows {@code text} of it and sorts by {@code order}. */
    public static <R> void rowText(TableColumn<R, R> column, Function<R, String> text, Comparator<R> order) {
        row(column, order);
        column.setCellFactory(c -> new TextCell<>(text, false));
    }

    /** The column's value is the row, sorted by {@code order}; the caller gives it a cell that shows the row. */
    public static <R> void row(TableColumn<R, R> column, Comparator<R> order) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator(order);
    }

    /** A ViewModel's list is read-only; a sorted view of it lets header clicks sort the table without touching it. */
    public static <R> SortedList<R> sortable(TableView<R> table, ObservableList<R> rows) {
        SortedList<R> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        return sorted;
    }

    /** A plain text cell, optionally with its full text as a tooltip. */
    private static final class TextCell<R, T> extends TableCell<R, T> {
        private final Function<? super T, String> text;
        private final Tooltip tooltip;

        TextCell(Function<? super T, String> text, boolean fullTextTooltip) {
            this.text = text;
            this.tooltip = fullTextTooltip ? new Tooltip() : null;
            if (tooltip != null) {
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(TOOLTIP_WIDTH);
            }
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            String s = empty || item == null ? null : text.apply(item);
            setText(s);
            if (tooltip != null) {
                tooltip.setText(s);
                setTooltip(s == null || s.isEmpty() ? null : tooltip);
            }
        }
    }
}
