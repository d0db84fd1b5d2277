package io.payops.ui.whatif;

import io.payops.report.WhatIfSettings;
import io.payops.ui.fx.Columns;
import io.payops.ui.fx.FxmlViews;
import io.payops.ui.fx.RowDetail;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;

/**
 * The what-if pane ({@code #whatif-view}): one text field per numeric guardrail ({@code #whatif-<settings key>},
 * styled {@code :invalid} while it holds a bad value), the approval as a choice ({@code #whatif-approval}) with its
 * seconds ({@code #whatif-approval-seconds}, for auto only), {@code #whatif-run}, a progress indicator, the summary
 * ({@code #whatif-summary}) and the cycle table ({@code #whatif-rows}) whose differing rows carry {@code :differs}; a
 * click on a row moves the replay there, a double-click or Enter shows it whole. It only binds: parsing, validation
 * and wording are the ViewModel's.
 */
public final class WhatIfView extends VBox {
    static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final WhatIfViewModel viewModel;

    @FXML private TextField minConfidenceToActField;
    @FXML private TextField maxTrafficShiftField;
    @FXML private TextField volumeCapShareField;
    @FXML private TextField maxActiveActionsField;
    @FXML private TextField cooldownSecondsField;
    @FXML private ChoiceBox<String> approvalChoice;
    @FXML private TextField approvalSecondsField;
    @FXML private Label seekNoteLabel;
    @FXML private Button runButton;
    @FXML private Button resetButton;
    @FXML private ProgressIndicator progressIndicator;
    @FXML private Label errorLabel;
    @FXML private Label summaryLabel;
    @FXML private CheckBox differingOnlyBox;
    @FXML private TableView<WhatIfItem> rowsTable;
    @FXML private TableColumn<WhatIfItem, String> timeColumn;
    @FXML private TableColumn<WhatIfItem, String> recordedActionColumn;
    @FXML private TableColumn<WhatIfItem, String> recordedVerdictColumn;
    @FXML private TableColumn<WhatIfItem, String> whatIfActionColumn;
    @FXML private TableColumn<WhatIfItem, String> whatIfVerdictColumn;
    @FXML private TableColumn<WhatIfItem, String> differenceColumn;

    public WhatIfView(WhatIfViewModel viewModel) {
        this.viewModel = viewModel;
        FxmlViews.load(this, "/fxml/whatif/WhatIfView.fxml");
        setId("whatif-view");
        getStylesheets().addAll(FxmlViews.stylesheet("/styles/tables.css"), FxmlViews.stylesheet("/styles/whatif.css"));
        bind();
    }

    private void bind() {
        Map<String, TextField> fields = Map.of("minConfidenceToAct", minConfidenceToActField,
                "maxTrafficShift", maxTrafficShiftField, "volumeCapShare", volumeCapShareField,
                "maxActiveActions", maxActiveActionsField, "cooldownSeconds", cooldownSecondsField);
        for (String key : WhatIfSettings.KEYS) {
            TextField f = fields.get(key);
            if (f != null) {
                f.setId("whatif-" + key);
                f.textProperty().bindBidirectional(viewModel.field(key));
            }
        }
        approvalChoice.setId("whatif-approval");
        approvalChoice.getItems().setAll(WhatIfViewModel.APPROVAL_MODES);
        approvalChoice.valueProperty().bindBidirectional(viewModel.approvalModeProperty());
        approvalSecondsField.setId("whatif-approval-seconds");
        approvalSecondsField.textProperty().bindBidirectional(viewModel.approvalSecondsProperty());
        approvalSecondsField.disableProperty().bind(viewModel.approvalModeProperty().isNotEqualTo("auto"));
        viewModel.invalidFieldProperty().addListener((o, was, now) -> {
            fields.forEach((key, f) -> f.pseudoClassStateChanged(INVALID, key.equals(now)));
            approvalSecondsField.pseudoClassStateChanged(INVALID, "approval".equals(now));
            approvalChoice.pseudoClassStateChanged(INVALID, "approval".equals(now));
        });

        runButton.setId("whatif-run");
        runButton.disableProperty().bind(viewModel.canRunProperty().not());
        runButton.setOnAction(e -> viewModel.run());
        resetButton.setId("whatif-reset");
        resetButton.disableProperty().bind(viewModel.runningProperty());
        resetButton.setOnAction(e -> viewModel.reset());
        progressIndicator.progressProperty().bind(viewModel.progressProperty());
        progressIndicator.visibleProperty().bind(viewModel.runningProperty());

        errorLabel.setId("whatif-error");
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotNull());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        summaryLabel.setId("whatif-summary");
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        differingOnlyBox.setId("whatif-differing-only");
        differingOnlyBox.selectedProperty().bindBidirectional(viewModel.differingOnlyProperty());
        seekNoteLabel.setId("whatif-seek-note");
        viewModel.seekNoteProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                seekNoteLabel.setText(now);
            }
        });

        rowsTable.setId("whatif-rows");
        rowsTable.setItems(viewModel.rows());
        rowsTable.setPlaceholder(new Label("No what-if has run yet."));
        rowsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Columns.text(timeColumn, WhatIfItem::time);
        Columns.text(recordedActionColumn, WhatIfItem::recordedAction);
        Columns.text(recordedVerdictColumn, WhatIfItem::recordedVerdict);
        Columns.text(whatIfActionColumn, WhatIfItem::whatIfAction);
        Columns.text(whatIfVerdictColumn, WhatIfItem::whatIfVerdict);
        Columns.text(differenceColumn, WhatIfItem::difference);
        // sorting would scramble the time order the comparison is read in
        rowsTable.getColumns().forEach(c -> c.setSortable(false));
        rowsTable.setRowFactory(t -> {
            TableRow<WhatIfItem> row = new TableRow<>() {
                @Override
                protected void updateItem(WhatIfItem item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(DIFFERS, !empty && item != null && item.differs());
                }
            };
            // a click moves the replay to the row's moment (a double-click's first click too)
            row.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 && !row.isEmpty()) {
                    viewModel.seekTo(row.getItem());
                }
            });
            return row;
        });
        Columns.details(rowsTable, "What-if cycle", r -> List.of(new RowDetail.Field("What each agent did", r.detail())));
    }
}
