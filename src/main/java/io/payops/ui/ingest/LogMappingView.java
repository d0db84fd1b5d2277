package io.payops.ui.ingest;

import io.payops.ui.fx.FxmlViews;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * The mapping step's layout (fxml/ingest/LogMappingView.fxml), bound to a {@link LogMappingViewModel}: the preview,
 * one column choice per field (two columns of eight), the status words with a status choice for the unmapped ones,
 * the zone, and the problem. Choices are forwarded; what they mean is the ViewModel's business.
 */
public final class LogMappingView extends VBox {
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** Fields per column of the grid: sixteen fields in two columns fit the dialog without scrolling. */
    private static final int ROWS = 8;

    private final LogMappingViewModel vm;

    @FXML private Label heading;
    @FXML private Label rememberedNote;
    @FXML private TextArea preview;
    @FXML private GridPane fieldGrid;
    @FXML private Label ignored;
    @FXML private TableView<StatusRow> statusTable;
    @FXML private TextField zoneField;
    @FXML private Label zoneError;
    @FXML private Label summary;
    @FXML private Label notes;
    @FXML private Label notice;
    @FXML private Label problem;

    public LogMappingView(LogMappingViewModel vm) {
        this.vm = vm;
        FxmlViews.load(this, "/fxml/ingest/LogMappingView.fxml");
        getStylesheets().add(FxmlViews.stylesheet("/styles/settings.css"));
        getStylesheets().add(FxmlViews.stylesheet("/styles/tables.css"));
        getStylesheets().add(FxmlViews.stylesheet("/styles/mapping.css"));
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(vm.headingProperty());
        shownWhenSet(rememberedNote, vm.rememberedNoteProperty());
        preview.textProperty().bind(vm.previewProperty());
        ignored.textProperty().bind(vm.ignoredProperty());
        fillFields();
        fillStatusTable();

        zoneField.textProperty().bindBidirectional(vm.zoneTextProperty());
        zoneField.setOnAction(e -> vm.applyZone());
        zoneField.setTooltip(new Tooltip("UTC, an offset such as +05:30, or a region such as Asia/Kolkata. "
                + "Press Enter to read the head with it"));
        shownWhenSet(zoneError, vm.zoneErrorProperty());
        vm.zoneErrorProperty().addListener((o, a, b) -> zoneField.pseudoClassStateChanged(INVALID, !b.isEmpty()));
        shownWhenSet(summary, vm.summaryProperty());
        shownWhenSet(notes, vm.notesProperty());
        shownWhenSet(notice, vm.noticeProperty());
        shownWhenSet(problem, vm.problemProperty());
        disableProperty().bind(vm.readyProperty().not());
    }

    private void fillFields() {
        List<FieldChoice> fields = vm.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldChoice f = fields.get(i);
            Label name = new Label(f.key());
            name.getStyleClass().add("mapping-field-name");
            name.setMinWidth(Label.USE_PREF_SIZE);
            name.setTooltip(new Tooltip(f.key() + ": " + f.need()));
            ComboBox<String> column = new ComboBox<>(vm.columnChoices());
            column.setId("map-" + f.key());
            column.getStyleClass().add("mapping-column");
            column.setValue(f.column());
            column.valueProperty().addListener((o, a, chosen) -> vm.chooseColumn(f.key(), chosen));
            f.columnProperty().addListener((o, a, now) -> column.setValue(now));
            mark(name, column, f);
            f.missingProperty().addListener((o, a, b) -> mark(name, column, f));
            f.chosenProperty().addListener((o, a, b) -> mark(name, column, f));
            fieldGrid.add(name, 2 * (i / ROWS), i % ROWS);
            fieldGrid.add(column, 2 * (i / ROWS) + 1, i % ROWS);
        }
    }

    /** A required field without a column in the danger colour; a column the user chose in bold. */
    private static void mark(Label name, ComboBox<String> column, FieldChoice f) {
        name.pseudoClassStateChanged(MISSING, f.missingProperty().get());
        column.pseudoClassStateChanged(MISSING, f.missingProperty().get());
        name.pseudoClassStateChanged(CHOSEN, f.chosenProperty().get());
        column.pseudoClassStateChanged(CHOSEN, f.chosenProperty().get());
    }

    private void fillStatusTable() {
        TableColumn<StatusRow, String> written = new TableColumn<>("As written");
        written.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().written()));
        written.setPrefWidth(150);
        TableColumn<StatusRow, StatusRow> readAs = new TableColumn<>("Reads as");
        readAs.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        readAs.setCellFactory(c -> new StatusChoiceCell(vm));
        readAs.setPrefWidth(250);
        TableColumn<StatusRow, String> lines = new TableColumn<>("Lines");
        lines.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(
                String.format(Locale.ROOT, "%,d", c.getValue().count())));
        lines.getStyleClass().add("numeric");
        lines.setPrefWidth(60);
        statusTable.getColumns().setAll(List.of(written, readAs, lines));
        statusTable.setItems(vm.statuses());
    }

    /** A label shown only while it says something. */
    private static void shownWhenSet(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    public LogMappingViewModel viewModel() {
        return vm;
    }
}
