package io.payops.ui.learning;

import io.payops.ui.fx.FxmlViews;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The learning tab ({@code #learning-view}): a table of effectiveness per diagnosis × action
 * ({@code #learning-effectiveness}) and a table of recent lessons ({@code #learning-lessons}) whose outcome cells
 * carry {@code .lesson-outcome} and {@code .outcome-<helped|hurt|neutral|inconclusive>}. The tables show the
 * ViewModel's lists directly; columns only pick fields.
 */
public final class LearningView extends VBox {
    /** Rows of the effectiveness table shown before it scrolls; more go to the lessons. */
    private static final int EFFECTIVENESS_ROWS_SHOWN = 4;
    /** Matches -fx-fixed-cell-size in learning.css. */
    private static final double ROW_HEIGHT = 24;
    private static final double HEADER_HEIGHT = 26;
    private static final double BORDER = 2;

    private final LearningViewModel viewModel;

    @FXML private Label summaryLabel;
    @FXML private TableView<EffectivenessRow> effectivenessTable;
    @FXML private TableColumn<EffectivenessRow, String> situationColumn;
    @FXML private TableColumn<EffectivenessRow, Integer> helpedColumn;
    @FXML private TableColumn<EffectivenessRow, Integer> hurtColumn;
    @FXML private TableColumn<EffectivenessRow, Integer> neutralColumn;
    @FXML private TableColumn<EffectivenessRow, Integer> inconclusiveColumn;
    @FXML private TableColumn<EffectivenessRow, EffectivenessRow> helpedShareColumn;
    @FXML private TableView<LessonRow> lessonsTable;
    @FXML private TableColumn<LessonRow, LessonRow> timeColumn;
    @FXML private TableColumn<LessonRow, String> lessonSituationColumn;
    @FXML private TableColumn<LessonRow, String> diagnosisColumn;
    @FXML private TableColumn<LessonRow, String> actionColumn;
    @FXML private TableColumn<LessonRow, LessonRow> outcomeColumn;
    @FXML private TableColumn<LessonRow, LessonRow> successColumn;
    @FXML private TableColumn<LessonRow, Long> samplesColumn;

    public LearningView(LearningViewModel viewModel) {
        this.viewModel = viewModel;
        FxmlViews.load(this, "/fxml/learning/LearningView.fxml");
        setId("learning-view");
        getStylesheets().addAll(FxmlViews.stylesheet("/styles/tables.css"), FxmlViews.stylesheet("/styles/learning.css"));
        bind();
    }

    private void bind() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());

        effectivenessTable.setId("learning-effectiveness");
        effectivenessTable.setItems(sortable(effectivenessTable, viewModel.effectiveness()));
        effectivenessTable.setPlaceholder(new Label("No action has been judged yet."));
        effectivenessTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // as tall as its rows (a session has only a few diagnosis × action pairs), so the lessons get the rest
        effectivenessTable.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> HEADER_HEIGHT + BORDER
                + ROW_HEIGHT * Math.max(1, Math.min(EFFECTIVENESS_ROWS_SHOWN, viewModel.effectiveness().size())),
                viewModel.effectiveness()));
        effectivenessTable.setMinHeight(HEADER_HEIGHT + BORDER + ROW_HEIGHT);
        value(situationColumn, EffectivenessRow::situation);
        value(helpedColumn, EffectivenessRow::helped);
        value(hurtColumn, EffectivenessRow::hurt);
        value(neutralColumn, EffectivenessRow::neutral);
        value(inconclusiveColumn, EffectivenessRow::inconclusive);
        text(helpedShareColumn, EffectivenessRow::helpedShareText, null,
                Comparator.comparingDouble(r -> Double.isNaN(r.helpedShare()) ? -1 : r.helpedShare()));

        lessonsTable.setId("learning-lessons");
        lessonsTable.setItems(sortable(lessonsTable, viewModel.lessons()));
        lessonsTable.setPlaceholder(new Label("No lessons yet."));
        lessonsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        text(timeColumn, LessonRow::time, null, Comparator.comparingDouble(LessonRow::atSeconds));
        value(lessonSituationColumn, LessonRow::situation);
        value(diagnosisColumn, LessonRow::diagnosis);
        value(actionColumn, LessonRow::action);
        text(outcomeColumn, LessonRow::outcomeKey, r -> "outcome-" + r.outcomeKey(), Comparator.comparing(LessonRow::outcome));
        successColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        successColumn.setComparator(Comparator.comparing(LessonRow::successChange));
        successColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LessonRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.successChange());
                setTooltip(empty || row == null || row.controlChange().isEmpty() ? null
                        : new Tooltip("comparable traffic the action left alone, same seconds: " + row.controlChange()));
            }
        });
        value(samplesColumn, LessonRow::samples);
    }

    /** The ViewModel's lists are read-only; a sorted view lets header clicks sort without touching them. */
    private static <R> SortedList<R> sortable(TableView<R> table, ObservableList<R> rows) {
        SortedList<R> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        return sorted;
    }

    private static <R, T> void value(TableColumn<R, T> column, Function<R, T> field) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(field.apply(c.getValue())));
    }

    /** A column whose value is the row: it shows one text field, sorts by {@code order} and may add a style class. */
    private static <R> void text(TableColumn<R, R> column, Function<R, String> text, Function<R, String> styleClass,
                                 Comparator<R> order) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator(order);
        column.setCellFactory(c -> new TableCell<>() {
            private String styled;

            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                if (styled != null) {
                    getStyleClass().removeAll(styled, "lesson-outcome");
                    styled = null;
                }
                setText(empty || row == null ? null : text.apply(row));
                if (!empty && row != null && styleClass != null) {
                    styled = styleClass.apply(row);
                    getStyleClass().addAll("lesson-outcome", styled);
                }
            }
        });
    }
}
