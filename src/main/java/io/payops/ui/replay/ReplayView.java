package io.payops.ui.replay;

import io.payops.store.FrameMark;
import io.payops.ui.fx.FxmlViews;
import io.payops.ui.fx.SpeedPicker;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The replay bar (fxml/replay/ReplayView.fxml): the REPLAY badge and the session, the load progress, the
 * timeline slider, play/pause and speed, jumps to the next or previous incident / action / approval, and "Back to
 * live". Binds to a {@link ReplayViewModel} and forwards what the user does.
 */
public final class ReplayView extends VBox {
    @FXML private Label badge;
    @FXML private Label summary;
    @FXML private HBox loadingBox;
    @FXML private ProgressBar progress;
    @FXML private Label notice;
    @FXML private Button previousIncident;
    @FXML private Button nextIncident;
    @FXML private Button previousAction;
    @FXML private Button nextAction;
    @FXML private Button previousApproval;
    @FXML private Button nextApproval;
    @FXML private Button backToLive;
    @FXML private HBox controls;
    @FXML private ToggleButton playButton;
    @FXML private ComboBox<Double> speedBox;
    @FXML private Slider timeline;
    @FXML private Label positionLabel;

    public ReplayView(ReplayViewModel vm) {
        FxmlViews.load(this, "/fxml/replay/ReplayView.fxml");
        getStylesheets().add(FxmlViews.stylesheet("/styles/replay.css"));

        badge.setTooltip(new Tooltip("A recorded session: every pane shows what was recorded; nothing can change routing"));
        summary.textProperty().bind(vm.summaryProperty());
        Tooltip summaryTip = new Tooltip();
        summaryTip.textProperty().bind(vm.summaryProperty());
        summary.setTooltip(summaryTip);
        io.payops.ui.fx.WholeText.install(summary);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.loadingProperty());
        progress.managedProperty().bind(vm.loadingProperty());
        notice.textProperty().bind(vm.noticeProperty());

        previousIncident.setOnAction(e -> vm.previous(FrameMark.INCIDENT));
        nextIncident.setOnAction(e -> vm.next(FrameMark.INCIDENT));
        previousAction.setOnAction(e -> vm.previous(FrameMark.ACTION));
        nextAction.setOnAction(e -> vm.next(FrameMark.ACTION));
        previousApproval.setOnAction(e -> vm.previous(FrameMark.APPROVAL));
        nextApproval.setOnAction(e -> vm.next(FrameMark.APPROVAL));
        previousIncident.setTooltip(new Tooltip("The previous incident that opened"));
        nextIncident.setTooltip(new Tooltip("The next incident that opens"));
        previousAction.setTooltip(new Tooltip("The previous action taken, proposed or rolled back"));
        nextAction.setTooltip(new Tooltip("The next action taken, proposed or rolled back"));
        previousApproval.setTooltip(new Tooltip("The previous approval request raised or answered"));
        nextApproval.setTooltip(new Tooltip("The next approval request raised or answered"));
        backToLive.setOnAction(e -> vm.backToLive());
        backToLive.setTooltip(new Tooltip("Leave the recording and restart live traffic"));

        playButton.setSelected(vm.playingProperty().get());
        vm.playingProperty().addListener((o, a, b) -> playButton.setSelected(b));
        playButton.textProperty().bind(Bindings.when(vm.playingProperty()).then("Pause").otherwise("Play"));
        playButton.setOnAction(e -> vm.togglePlaying());
        playButton.setTooltip(new Tooltip("Play or pause the recording (Space)"));

        SpeedPicker.bind(speedBox, ReplayViewModel.SPEEDS, vm.speedProperty(), vm::setSpeed);

        timeline.maxProperty().bind(Bindings.max(0, vm.frameCountProperty().subtract(1)));
        timeline.setValue(vm.getPosition());
        vm.positionProperty().addListener((o, a, b) -> timeline.setValue(b.intValue()));
        // the slider moves the ViewModel only when the user moved it: setting it from the position lands on the
        // position itself, so nothing is sought twice
        timeline.valueProperty().addListener((o, a, b) -> {
            int at = (int) Math.round(b.doubleValue());
            if (at != vm.getPosition()) {
                vm.seek(at);
            }
        });
        // a press anywhere on the slider but its thumb jumps there: the track itself is a few pixels tall, and a
        // press beside it did nothing
        timeline.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !onThumb(e)) {
                timeline.requestFocus();
                timeline.setValue(valueAt(e.getX()));
                e.consume();
            }
        });
        timeline.setTooltip(new Tooltip("Click to jump, drag to scrub through the recording"));
        positionLabel.textProperty().bind(vm.positionTextProperty());

        controls.disableProperty().bind(vm.activeProperty().not());
        for (Button b : new Button[] {previousIncident, nextIncident, previousAction, nextAction, previousApproval,
                nextApproval, backToLive}) {
            b.disableProperty().bind(vm.activeProperty().not());
        }
    }

    private boolean onThumb(MouseEvent e) {
        Node thumb = timeline.lookup(".thumb");
        for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != timeline; n = n.getParent()) {
            if (n == thumb) {
                return true;
            }
        }
        return false;
    }

    /** The slider's value under {@code x}: where the thumb's centre goes, as the slider's skin lays it out. */
    private double valueAt(double x) {
        Node thumb = timeline.lookup(".thumb");
        double thumbWidth = thumb == null ? 0 : thumb.getLayoutBounds().getWidth();
        double start = timeline.snappedLeftInset() + thumbWidth / 2;
        double length = timeline.getWidth() - timeline.snappedLeftInset() - timeline.snappedRightInset() - thumbWidth;
        double fraction = length <= 0 ? 0 : Math.max(0, Math.min(1, (x - start) / length));
        return timeline.getMin() + fraction * (timeline.getMax() - timeline.getMin());
    }
}
