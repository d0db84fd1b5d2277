package io.payops.ui.approvals;

import io.payops.ui.fx.FxmlViews;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.Map;

/**
 * The approvals pane (right-hand column): one card per pending request, oldest first, scrolling when there are
 * several, and for a few seconds a card for each request that just ended, saying how and why; an empty state when
 * none wait. A pop-up ({@link ApprovalNotice}) announces each new request while the pane is in a showing window, and
 * goes as soon as the request can no longer be answered. {@link #installShortcuts(Scene)} adds Ctrl+Shift+A / Ctrl+Shift+R for the selected (or oldest) request.
 */
public final class ApprovalsView extends VBox {
    public static final KeyCombination APPROVE_KEYS =
            new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination REJECT_KEYS =
            new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;
    @FXML private ScrollPane scroll;
    @FXML private VBox list;
    @FXML private Label emptyLabel;

    private final ApprovalsViewModel vm;
    private final Map<ApprovalItemViewModel, ApprovalItemView> cards = new HashMap<>();
    private final ApprovalNotice notice;

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
        notice = new ApprovalNotice(vm, this);
        // the model says which request is announced and drops it when it is answered, withdrawn or expires
        vm.noticeProperty().addListener((o, was, now) -> notice.show(now));
    }

    private void addCard(ApprovalItemViewModel item) {
        ApprovalItemView card = new ApprovalItemView(item, vm);
        cards.put(item, card);
        // items arrive in raise order and leave from anywhere: keep the cards in the list's order
        int index = Math.min(vm.items().indexOf(item), list.getChildren().size());
        list.getChildren().add(Math.max(0, index), card);
    }

    /** The pop-up announcing a new request (see {@link ApprovalNotice}); tests look it up by id. */
    boolean noticeShowing() {
        return notice.isShowing();
    }

    /** Adds Ctrl+Shift+A (approve) and Ctrl+Shift+R (reject) for the selected request, or the oldest one. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(APPROVE_KEYS, vm::approveSelected);
        scene.getAccelerators().put(REJECT_KEYS, vm::rejectSelected);
    }
}
