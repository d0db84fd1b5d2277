package io.payops.ui.ingest;

import io.payops.ui.fx.FxmlViews;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The event-log bar (fxml/ingest/EventLogBarView.fxml): the EVENT LOG / FOLLOWING badge, the read progress, the
 * status line, the bad lines, and "Back to live". Binds to an {@link EventLogViewModel} and forwards what the user
 * does; a run with more than half its lines bad shows as {@code :failed}.
 */
public final class EventLogBarView extends HBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    @FXML private Label badge;
    @FXML private ProgressBar progress;
    @FXML private Label status;
    @FXML private Button badLinesButton;
    @FXML private Button backToLive;

    private final EventLogViewModel vm;

    public EventLogBarView(EventLogViewModel vm) {
        this.vm = vm;
        FxmlViews.load(this, "/fxml/ingest/EventLogBarView.fxml");
        getStylesheets().add(FxmlViews.stylesheet("/styles/ingest.css"));

        badge.textProperty().bind(vm.badgeProperty());
        badge.setTooltip(new Tooltip("Traffic from an event log, open loop: those payments happened already, so the "
                + "agent's routing changes are recommendations and nothing is applied"));
        progress.progressProperty().bind(vm.progressProperty());
        var showProgress = vm.readingProperty().or(vm.openingProperty());
        progress.visibleProperty().bind(showProgress);
        progress.managedProperty().bind(showProgress);
        progress.setTooltip(new Tooltip("Bytes read of the file's size"));
        status.textProperty().bind(vm.statusProperty());
        status.tooltipProperty().set(new Tooltip());
        status.getTooltip().textProperty().bind(vm.summaryProperty());

        badLinesButton.visibleProperty().bind(vm.badLinesTextProperty().isNotEmpty());
        badLinesButton.managedProperty().bind(badLinesButton.visibleProperty());
        badLinesButton.setTooltip(new Tooltip("The first ten lines that were not events, with what was wrong"));
        badLinesButton.setOnAction(e -> showBadLines());

        backToLive.setOnAction(e -> vm.backToLive());
        backToLive.setTooltip(new Tooltip("Stop reading the log (closing it) and restart live simulated traffic"));

        pseudoClassStateChanged(FAILED, vm.failedProperty().get());
        vm.failedProperty().addListener((o, was, now) -> pseudoClassStateChanged(FAILED, now));
    }

    private void showBadLines() {
        Alert a = new Alert(vm.failedProperty().get() ? Alert.AlertType.ERROR : Alert.AlertType.WARNING);
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.setTitle("Bad lines");
        a.setHeaderText(vm.failedProperty().get() ? "More than half the lines are bad" : "Some lines were not events");
        TextArea text = new TextArea(vm.badLinesTextProperty().get());
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefColumnCount(80);
        text.setPrefRowCount(12);
        a.getDialogPane().setContent(text);
        a.show();
    }
}
