package io.payops.ui.settings;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import java.util.List;

/**
 * Settings → Reasoner…: a dialog around {@link ReasonerSettingsView}. OK is disabled while a field is invalid; when
 * pressed it asks the ViewModel to apply, and stays open with the reason if that fails. Not modal-blocking: callers
 * use {@link #show()}, so the FX thread goes on.
 */
public final class ReasonerSettingsDialog extends Dialog<ButtonType> {
    /**
     * @param owner       the console's window (the dialog centres on it), or null
     * @param stylesheets the console's theme (tokens), so the dialog matches it
     */
    public ReasonerSettingsDialog(ReasonerSettingsViewModel vm, Window owner, List<String> stylesheets) {
        ReasonerSettingsView view = new ReasonerSettingsView(vm);
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Reasoner settings");
        setHeaderText("Where hypotheses come from");
        getDialogPane().setId("reasoner-settings-dialog");
        getDialogPane().getStylesheets().setAll(stylesheets);
        getDialogPane().getStylesheets().add(io.payops.ui.fx.FxmlViews.stylesheet("/styles/settings.css"));
        getDialogPane().setContent(view);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("reasoner-ok");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("reasoner-cancel");
        ok.disableProperty().bind(vm.validProperty().not());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.apply()) {
                e.consume(); // stays open: the message says why
            }
        });
    }
}
