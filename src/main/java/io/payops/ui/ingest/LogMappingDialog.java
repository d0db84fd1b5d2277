package io.payops.ui.ingest;

import io.payops.ui.fx.FxmlViews;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import java.util.List;

/**
 * File → Open event log… / Follow log…, after the file is chosen: a dialog around {@link LogMappingView}, like the
 * reasoner settings. Open is enabled once the head reads with the mapping and runs the log; Cancel (or closing)
 * opens nothing. Not modal-blocking: callers use {@link #show()}, so the FX thread goes on while the head is read.
 */
public final class LogMappingDialog extends Dialog<ButtonType> {
    public static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
    private final LogMappingView view;

    /**
     * @param owner       the console's window (the dialog centres on it), or null
     * @param stylesheets the console's theme (tokens), so the dialog matches it
     */
    public LogMappingDialog(LogMappingViewModel vm, Window owner, List<String> stylesheets) {
        view = new LogMappingView(vm);
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(vm.follow() ? "Follow log" : "Open event log");
        setResizable(true);
        getDialogPane().setId("log-mapping-dialog");
        getDialogPane().getStylesheets().setAll(stylesheets);
        getDialogPane().getStylesheets().add(FxmlViews.stylesheet("/styles/settings.css"));
        getDialogPane().setContent(view);
        getDialogPane().getButtonTypes().setAll(OPEN, ButtonType.CANCEL);
        Node open = getDialogPane().lookupButton(OPEN);
        open.setId("mapping-open");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("mapping-cancel");
        open.disableProperty().bind(vm.canOpenProperty().not());
        open.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.confirm()) {
                e.consume(); // stays open: the step says why
            }
        });
        setOnHidden(e -> {
            if (getResult() != OPEN) {
                vm.cancel();
            }
        });
    }

    public LogMappingView view() {
        return view;
    }
}
