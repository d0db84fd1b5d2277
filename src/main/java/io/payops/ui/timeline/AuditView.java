package io.payops.ui.timeline;

import io.payops.ui.fx.Columns;
import io.payops.ui.fx.FxmlViews;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;

import java.util.EnumMap;
import java.util.Map;

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

    @FXML
    private void initialize() {
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        kind.setItems(vm.kindChoices());
        kind.valueProperty().bindBidirectional(vm.kindFilterProperty());
        summary.textProperty().bind(vm.summaryProperty());

        Columns.rowText(timeColumn, AuditRow::time, AuditRow.CHRONOLOGICAL);
        Columns.value(kindColumn, AuditRow::kind);
        kindColumn.setCellFactory(c -> new KindCell());
        Columns.text(actionColumn, AuditRow::action, true);
        Columns.text(targetColumn, AuditRow::target, true);
        Columns.text(statusColumn, AuditRow::status, false);
        Columns.text(approvalColumn, AuditRow::approval, false);
        Columns.text(outcomeColumn, AuditRow::outcome, false);
        Columns.text(noteColumn, AuditRow::note, true);

        table.setItems(vm.sortedRows());
        vm.sortedRows().comparatorProperty().bind(table.comparatorProperty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
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
