package io.payops.ui.learning;

import io.payops.ui.fx.Columns;
import io.payops.ui.fx.FxmlViews;
import io.payops.ui.fx.RowDetail;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import java.util.Comparator;
import java.util.List;

/**
 * The learning tab ({@code #learning-view}): a table of effectiveness per diagnosis × action
 * ({@code #learning-effectiveness}) and a table of recent lessons ({@code #learning-lessons}) whose outcome cells
 * carry {@code .lesson-outcome} and {@code .outcome-<helped|hurt|neutral|inconclusive>}; a lesson from an earlier
 * session is a row styled {@code :earlier}. The tables show the ViewModel's lists directly; columns only pick fields.
 */
public final class LearningView extends VBox {
    /** Rows of the effectiveness table shown before it scrolls; more go to the lessons. */
    private static final int EFFECTIVENESS_ROWS_SHOWN = 4;
    /** Matches -fx-fixed-cell-size in learning.css. */
    private static final double ROW_HEIGHT = 24;
    private static final double HEADER_HEIGHT = 26;
    private static final double BORDER = 2;
    private static final PseudoClass EARLIER = PseudoClass.getPseudoClass("earlier");

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
    @FXML private TableColumn<LessonRow, String> sessionColumn;
    @FXML private TableColumn<LessonRow, LessonRow> timeColumn;
    @FXML private TableColumn<LessonRow, String> lessonSituationColumn;
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
        effectivenessTable.setItems(Columns.sortable(effectivenessTable, viewModel.effectiveness()));
        effectivenessTable.setPlaceholder(new Label("No action has been judged yet."));
        effectivenessTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // as tall as its rows (a session has only a few diagnosis × action pairs), so the lessons get the rest
        effectivenessTable.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> HEADER_HEIGHT + BORDER
                + ROW_HEIGHT * Math.max(1, Math.min(EFFECTIVENESS_ROWS_SHOWN, viewModel.effectiveness().size())),
                viewModel.effectiveness()));
        effectivenessTable.setMinHeight(HEADER_HEIGHT + BORDER + ROW_HEIGHT);
        Columns.text(situationColumn, EffectivenessRow::situation);
        Columns.value(helpedColumn, EffectivenessRow::helped);
        Columns.value(hurtColumn, EffectivenessRow::hurt);
        Columns.value(neutralColumn, EffectivenessRow::neutral);
        Columns.value(inconclusiveColumn, EffectivenessRow::inconclusive);
        Columns.rowText(helpedShareColumn, EffectivenessRow::helpedShareText,
                Comparator.comparingDouble(r -> Double.isNaN(r.helpedShare()) ? -1 : r.helpedShare()));

        lessonsTable.setId("learning-lessons");
        lessonsTable.setItems(Columns.sortable(lessonsTable, viewModel.lessons()));
        lessonsTable.setPlaceholder(new Label("No lessons yet."));
        lessonsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        lessonsTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LessonRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(EARLIER, !empty && row != null && row.earlier());
            }
        });
        Columns.text(sessionColumn, LessonRow::session);
        // each session has its own clock: an earlier session's lessons sort before this one's, never among them
        Columns.rowText(timeColumn, LessonRow::time, Comparator.comparing((LessonRow r) -> !r.earlier())
                .thenComparingDouble(LessonRow::atSeconds));
        Columns.text(lessonSituationColumn, LessonRow::situation);
        Columns.text(actionColumn, LessonRow::action);
        Columns.row(outcomeColumn, Comparator.comparing(LessonRow::outcome));
        Columns.textOf(outcomeColumn, LessonRow::outcomeKey);
        outcomeColumn.setCellFactory(c -> new OutcomeCell());
        Columns.row(successColumn, Comparator.comparing(LessonRow::successChange));
        Columns.textOf(successColumn, LessonRow::successChange);
        successColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LessonRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.successChange());
                setTooltip(empty || row == null || row.controlChange().isEmpty() ? null
                        : new Tooltip("comparable traffic the action left alone, same seconds: " + row.controlChange()));
            }
        });
        Columns.value(samplesColumn, LessonRow::samples);
        Columns.details(lessonsTable, "Lesson", r -> List.of(new RowDetail.Field("diagnosis", r.diagnosis()),
                new RowDetail.Field("comparable traffic left alone",
                r.controlChange().isEmpty() ? "none for this action" : r.controlChange()),
                new RowDetail.Field("learnt in", r.earlier() ? "an earlier session (lessons.json); its time is that "
                        + "session's simulated clock" : "this session")));
    }

    /** The outcome as a coloured word: {@code .lesson-outcome} and {@code .outcome-<key>}. */
    private static final class OutcomeCell extends TableCell<LessonRow, LessonRow> {
        private String styled;

        @Override
        protected void updateItem(LessonRow row, boolean empty) {
            super.updateItem(row, empty);
            if (styled != null) {
                getStyleClass().removeAll(styled, "lesson-outcome");
                styled = null;
            }
            setText(empty || row == null ? null : row.outcomeKey());
            if (!empty && row != null) {
                styled = "outcome-" + row.outcomeKey();
                getStyleClass().addAll("lesson-outcome", styled);
            }
        }
    }
}
