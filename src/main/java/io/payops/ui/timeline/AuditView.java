package io.payops.ui.timeline;

import io.payops.ui.fx.Columns;
import io.payops.ui.fx.FxmlViews;
import io.payops.ui.fx.RowDetail;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline and audit tab (fxml/timeline/AuditView.fxml): a filterable table of every decision, execution,
 * approval, rollback, command and ticket action, with Copy row ({@code #audit-copy-row}), Export CSV
 * ({@code #audit-export-csv}) and Export JSON lines ({@code #audit-export-jsonl}); Enter or a double-click shows a row
 * whole. Binds to an {@link AuditViewModel}; every word comes from it.
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
    @FXML private Label exportMessage;
    @FXML private Button copyRow;
    @FXML private Button exportCsv;
    @FXML private Button exportJson;
    @FXML private TableView<AuditRow> table;
    @FXML private TableColumn<AuditRow, AuditRow> timeColumn;
    @FXML private TableColumn<AuditRow, String> wallColumn;
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
        Tooltip summaryTip = new Tooltip();
        summaryTip.textProperty().bind(vm.summaryProperty());
        summary.setTooltip(summaryTip);
        exportMessage.textProperty().bind(vm.exportMessageProperty());
        exportMessage.visibleProperty().bind(vm.exportMessageProperty().isNotEmpty());
        exportMessage.managedProperty().bind(exportMessage.visibleProperty());

        Columns.rowText(timeColumn, AuditRow::time, AuditRow.CHRONOLOGICAL);
        Columns.text(wallColumn, AuditRow::wall);
        Columns.value(kindColumn, AuditRow::kind);
        Columns.textOf(kindColumn, AuditRow::kindText);
        kindColumn.setCellFactory(c -> new KindCell());
        Columns.text(actionColumn, AuditRow::action);
        Columns.text(targetColumn, AuditRow::target);
        Columns.text(statusColumn, AuditRow::status);
        Columns.text(approvalColumn, AuditRow::approval);
        Columns.text(outcomeColumn, AuditRow::outcome);
        Columns.text(noteColumn, AuditRow::note);

        table.setItems(vm.sortedRows());
        vm.sortedRows().comparatorProperty().bind(table.comparatorProperty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var fields = Columns.details(table, "Audit row", r -> List.of(
                new RowDetail.Field("Wall clock", r.wallAt() == null ? "not recorded in a replay" : r.wallAt().toString())));

        copyRow.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copyRow.setOnAction(e -> {
            AuditRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                Columns.copy(fields.apply(r));
            }
        });
        exportCsv.setOnAction(e -> export(AuditExport.CSV));
        exportJson.setOnAction(e -> export(AuditExport.JSON_LINES));
    }

    private void export(AuditExport format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit rows shown as " + format.label());
        chooser.setInitialFileName(vm.exportFileName(format));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label(), "*." + format.extension()));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.export(file.toPath(), format);
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
