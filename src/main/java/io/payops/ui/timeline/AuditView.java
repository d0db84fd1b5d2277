package io.payops.ui.timeline;

import io.payops.ui.fx.FxmlViews;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The timeline and audit tab (fxml/timeline/AuditView.fxml): a filterable table of every decision, execution,
 * approval, rollback and command. Binds to an {@link AuditViewModel}; every word comes from it.
 */
public final class AuditView extends BorderPane {
    private static final Map<AuditKind, PseudoClass> KIND_CLASSES = new EnumMap<>(AuditKind.class);

    static {
        for (AuditKind k : AuditKind.values()) {
            KIND_CLASSES.put(k, PseudoClass.getPseudoClass(k.key()));
        }
    }

    private final AuditViewModel vm;

    @FXML private TextField filter;
    @FXML private ChoiceBox<String> kind;
    @FXML private Label summary;
    @FXML private TableView<AuditRow> table;
    @FXML private TableColumn<AuditRow, AuditRow> timeColumn;
    @FXML private TableColumn<AuditRow, AuditKind> kindColumn;
    @FXML private TableColumn<AuditRow, String> actionColumn;
    @FXML private TableColumn<AuditRow, String> targetColumn;
    @FXML private TableColumn<AuditRow, String> statusColumn;
    @FXML private TableColumn<AuditRow, String> approvalColumn;
    @FXML private TableColumn<AuditRow, String> outcomeColumn;
    @FXML private TableColumn<AuditRow, String> noteColumn;

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
        FxmlViews.load(this, "/fxml/timeline/AuditView.fxml");
        getStylesheets().add(FxmlViews.stylesheet("/styles/timeline.css"));
    }

    public AuditViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        kind.setItems(vm.kindChoices());
        kind.valueProperty().bindBidirectional(vm.kindFilterProperty());
        summary.textProperty().bind(vm.summaryProperty());

        timeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        timeColumn.setComparator(AuditRow.CHRONOLOGICAL);
        timeColumn.setCellFactory(c -> new TextCell<>(AuditRow::time, false));
        kindColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kind()));
        kindColumn.setCellFactory(c -> new KindCell());
        text(actionColumn, AuditRow::action, true);
        text(targetColumn, AuditRow::target, true);
        text(statusColumn, AuditRow::status, false);
        text(approvalColumn, AuditRow::approval, false);
        text(outcomeColumn, AuditRow::outcome, false);
        text(noteColumn, AuditRow::note, true);

        table.setItems(vm.sortedRows());
        vm.sortedRows().comparatorProperty().bind(table.comparatorProperty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static void text(TableColumn<AuditRow, String> column, Function<AuditRow, String> value, boolean tooltip) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new TextCell<>(Function.identity(), tooltip));
    }

    /** A plain text cell; long columns carry their full text as a tooltip, since the table truncates them. */
    private static final class TextCell<T> extends TableCell<AuditRow, T> {
        private final Function<T, String> text;
        private final Tooltip tooltip;

        TextCell(Function<T, String> text, boolean withTooltip) {
            this.text = text;
            this.tooltip = withTooltip ? new Tooltip() : null;
            if (tooltip != null) {
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(480);
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

    /** The kind as a coloured word: a pseudo-class per kind (:decision, :execution, :rollback ...). */
    private static final class KindCell extends TableCell<AuditRow, AuditKind> {
        KindCell() {
            getStyleClass().add("kind-cell");
        }

        @Override
        protected void updateItem(AuditKind item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.key());
            KIND_CLASSES.forEach((k, pc) -> pseudoClassStateChanged(pc, !empty && k == item));
        }
    }
}
