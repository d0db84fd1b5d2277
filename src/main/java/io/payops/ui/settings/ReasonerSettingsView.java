package io.payops.ui.settings;

import io.payops.ui.fx.FxmlViews;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The reasoner settings' fields (fxml/settings/ReasonerSettingsView.fxml), bound to a
 * {@link ReasonerSettingsViewModel}. The key field is forwarded, never bound: the ViewModel keeps the key as a secret.
 */
public final class ReasonerSettingsView extends VBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ReasonerSettingsViewModel vm;

    @FXML private Label summary;
    @FXML private ChoiceBox<String> reasonerBox;
    @FXML private TextField modelField;
    @FXML private Label modelError;
    @FXML private TextField baseUrlField;
    @FXML private Label baseUrlError;
    @FXML private PasswordField keyField;
    @FXML private Label keyHint;
    @FXML private TextField deadlineField;
    @FXML private Label deadlineError;
    @FXML private TextField retriesField;
    @FXML private Label retriesError;
    @FXML private Label applyError;

    public ReasonerSettingsView(ReasonerSettingsViewModel vm) {
        this.vm = vm;
        FxmlViews.load(this, "/fxml/settings/ReasonerSettingsView.fxml");
        getStylesheets().add(FxmlViews.stylesheet("/styles/settings.css"));
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(vm.summaryProperty());
        reasonerBox.getItems().setAll(vm.choices());
        reasonerBox.valueProperty().bindBidirectional(vm.reasonerProperty());

        modelField.textProperty().bindBidirectional(vm.modelProperty());
        baseUrlField.textProperty().bindBidirectional(vm.baseUrlProperty());
        baseUrlField.promptTextProperty().bind(vm.baseUrlHintProperty());
        deadlineField.textProperty().bindBidirectional(vm.deadlineProperty());
        retriesField.textProperty().bindBidirectional(vm.retriesProperty());
        keyField.textProperty().addListener((o, a, typed) -> vm.setApiKey(typed));
        vm.keyTypedProperty().addListener((o, was, typed) -> {
            if (!typed && !keyField.getText().isEmpty()) {
                keyField.clear();
            }
        });
        keyField.promptTextProperty().bind(vm.keyPromptProperty());
        keyHint.textProperty().bind(vm.keyHintProperty());

        for (var f : new javafx.scene.Node[] {modelField, baseUrlField, keyField, deadlineField, retriesField}) {
            f.disableProperty().bind(vm.llmProperty().not());
        }
        error(modelField, modelError, vm.modelErrorProperty());
        error(baseUrlField, baseUrlError, vm.baseUrlErrorProperty());
        error(deadlineField, deadlineError, vm.deadlineErrorProperty());
        error(retriesField, retriesError, vm.retriesErrorProperty());
        error(null, applyError, vm.applyErrorProperty());
    }

    /** The message under a field, shown only when there is one, and the field marked :invalid meanwhile. */
    private static void error(TextField field, Label label, ObservableStringValue message) {
        label.textProperty().bind(message);
        Runnable show = () -> {
            boolean on = message.get() != null && !message.get().isEmpty();
            label.setVisible(on);
            label.setManaged(on);
            if (field != null) {
                field.pseudoClassStateChanged(INVALID, on);
            }
        };
        message.addListener((o, a, b) -> show.run());
        show.run();
    }
}
