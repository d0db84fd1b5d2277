package io.payops.ui.approvals;

import io.payops.ui.fx.FxmlViews;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

import java.util.HashMap;
import java.util.Map;

/**
 * The approvals pane (right-hand column): one card per pending request, oldest first, scrolling when there are
 * several; an empty state when none wait. A pop-up announces each new request while the pane is in a showing
 * window. {@link #installShortcuts(Scene)} adds Ctrl+Shift+A / Ctrl+Shift+R for the selected (or oldest) request.
 */
public final class ApprovalsView extends VBox {
    public static final KeyCombination APPROVE_KEYS =
            new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination REJECT_KEYS =
            new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final Duration NOTIFICATION_TIME = Duration.seconds(12);

    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;
    @FXML private ScrollPane scroll;
    @FXML private VBox list;
    @FXML private Label emptyLabel;

    private final ApprovalsViewModel vm;
    private final Map<ApprovalItemViewModel, ApprovalItemView> cards = new HashMap<>();

    public ApprovalsView(ApprovalsViewModel vm) {
        this.vm = vm;
        FxmlViews.load(this, "/fxml/approvals/ApprovalsView.fxml");
        getStylesheets().add(FxmlViews.stylesheet("/styles/approvals.css"));
        setId("approvals");

        summaryLabel.textProperty().bind(vm.summaryProperty());
        summaryLabel.setTooltip(new Tooltip("How many requests wait for a human"));
        messageLabel.textProperty().bind(vm.messageProperty());
        messageLabel.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        emptyLabel.setText(vm.emptyText());
        emptyLabel.visibleProperty().bind(vm.emptyProperty());
        emptyLabel.setTooltip(new Tooltip("Requests appear here when a change needs a human's approval"));
        scroll.visibleProperty().bind(vm.emptyProperty().not());

        for (ApprovalItemViewModel item : vm.items()) {
            addCard(item);
        }
        vm.items().addListener((ListChangeListener<ApprovalItemViewModel>) change -> {
            while (change.next()) {
                for (ApprovalItemViewModel gone : change.getRemoved()) {
                    Node card = cards.remove(gone);
                    list.getChildren().remove(card);
                }
                for (ApprovalItemViewModel added : change.getAddedSubList()) {
                    addCard(added);
                }
            }
        });
        vm.addArrivalListener(this::notifyArrival);
    }

    private void addCard(ApprovalItemViewModel item) {
        ApprovalItemView card = new ApprovalItemView(item, vm);
        cards.put(item, card);
        // items arrive in raise order and leave from anywhere: keep the cards in the list's order
        int index = Math.min(vm.items().indexOf(item), list.getChildren().size());
        list.getChildren().add(Math.max(0, index), card);
    }

    /** The pop-up for a new request; only when the pane is in a window on screen (not in a ViewModel test). */
    private void notifyArrival(ApprovalItemViewModel item) {
        Window window = getScene() == null ? null : getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        long id = item.actionId();
        Notifications.create()
                .title(ApprovalsViewModel.NOTIFICATION_TITLE)
                .text(item.notificationText())
                .owner(window)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(NOTIFICATION_TIME)
                .darkStyle()
                .styleClass("approval-notification")
                .action(new Action("Approve", e -> vm.approve(id)))
                .showWarning();
    }

    /** Adds Ctrl+Shift+A (approve) and Ctrl+Shift+R (reject) for the selected request, or the oldest one. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(APPROVE_KEYS, vm::approveSelected);
        scene.getAccelerators().put(REJECT_KEYS, vm::rejectSelected);
    }
}
