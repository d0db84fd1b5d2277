package io.payops.ui.approvals;

import io.payops.ui.fx.FxmlViews;
import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The pop-up that announces a new request ({@link ApprovalsViewModel#noticeProperty}), shown just under the approvals
 * pane so it covers neither the charts nor the status line. It shows while its request can be answered: the model
 * drops it when the request is answered (here, on the card, elsewhere), withdrawn or expired, and this hides it at
 * once; its Approve acts on the live request or says it is gone. It is our own opaque, square {@link Popup}, one at a
 * time, reused: nothing of it stays on screen once hidden. Ids: {@code #approval-notice}, {@code #notice-approve},
 * {@code #notice-show}, {@code #notice-close}.
 */
final class ApprovalNotice {
    static final double WIDTH = 380;
    /** Its height before it is first shown (title, two lines of evidence, buttons); its real height after. */
    static final double ESTIMATED_HEIGHT = 170;
    private static final Duration TIME = Duration.seconds(12);

    private final ApprovalsViewModel vm;
    private final Region anchor;
    private final Popup popup = new Popup();
    private final VBox box = new VBox(4);
    private final Label what = new Label();
    private final Label why = new Label();
    private final Label expiry = new Label();
    private final PauseTransition timeout = new PauseTransition(TIME);
    private ApprovalItemViewModel shown;

    /** @param anchor the approvals pane: the pop-up opens under it, right-aligned */
    ApprovalNotice(ApprovalsViewModel vm, Region anchor) {
        this.vm = vm;
        this.anchor = anchor;
        Label title = new Label(ApprovalsViewModel.NOTIFICATION_TITLE);
        title.getStyleClass().add("approval-notice-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setId("notice-close");
        close.getStyleClass().add("approval-notice-close");
        close.setTooltip(new Tooltip("Close; the request stays in the Approvals pane"));
        close.setOnAction(e -> vm.dismissNotice());
        HBox head = new HBox(8, title, gap, expiry);
        head.setAlignment(Pos.CENTER_LEFT);
        expiry.getStyleClass().add("approval-expiry");
        head.getChildren().add(close);
        what.getStyleClass().add("approval-notice-what");
        why.getStyleClass().add("approval-notice-why");
        for (Label l : new Label[] {what, why}) {
            l.setWrapText(true);
            l.setMaxWidth(WIDTH - 24);
        }
        Button approve = new Button("Approve");
        approve.setId("notice-approve");
        // not .approve-button: that class finds the cards' buttons
        approve.getStyleClass().add("notice-approve-button");
        approve.setOnAction(e -> {
            if (shown != null) {
                vm.approveFromNotice(shown.actionId());
            }
        });
        Button show = new Button("Show");
        show.setId("notice-show");
        show.getStyleClass().add("notice-show-button");
        show.setTooltip(new Tooltip("Select the request's card in the Approvals pane"));
        show.setOnAction(e -> {
            if (shown != null) {
                vm.select(shown.actionId());
            }
            vm.dismissNotice();
        });
        HBox actions = new HBox(8, approve, show);
        box.getChildren().addAll(head, what, why, actions);
        box.setId("approval-notice");
        box.getStyleClass().addAll("root", "approval-notice");
        box.setMinWidth(WIDTH);
        box.setPrefWidth(WIDTH);
        box.setMaxWidth(WIDTH);
        popup.getContent().add(box);
        popup.setAutoHide(false);
        popup.setHideOnEscape(true);
        // placed by hand: auto-fix measured it before CSS and moved it over the charts
        popup.setAutoFix(false);
        // hidden by Escape, by a test, or with its window: the model forgets it too
        popup.setOnHidden(e -> {
            if (shown != null && vm.noticeProperty().get() == shown) {
                vm.dismissNotice();
            }
        });
        timeout.setOnFinished(e -> vm.dismissNotice());
    }

    /** Shows the request's pop-up in the anchor's window, or hides it for null. */
    void show(ApprovalItemViewModel item) {
        Window window = anchor.getScene() == null ? null : anchor.getScene().getWindow();
        if (item == null || window == null || !window.isShowing()) {
            hide();
            return;
        }
        shown = item;
        what.textProperty().bind(item.whatProperty());
        why.textProperty().bind(item.whyProperty());
        expiry.textProperty().bind(item.expiryProperty());
        box.getStylesheets().setAll(anchor.getScene().getStylesheets());
        box.getStylesheets().add(FxmlViews.stylesheet("/styles/approvals.css"));
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        boolean anchored = b != null && anchor.isVisible();
        var screens = javafx.stage.Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                window.getHeight());
        javafx.geometry.Rectangle2D screen = (screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.get(0))
                .getVisualBounds();
        double height = popup.isShowing() && popup.getHeight() > 0 ? popup.getHeight() : ESTIMATED_HEIGHT;
        double x;
        double y;
        if (anchored) {
            // under the pane, right-aligned, inside the window (in a narrow window the pane is narrower than it)
            x = Math.min(Math.max(b.getMinX(), b.getMaxX() - WIDTH - 8), window.getX() + window.getWidth() - WIDTH - 8);
            y = b.getMaxY() + 2;
            if (y + height > screen.getMaxY()) {
                // no room below: beside the pane, to its left, never over it (it would cover the request's buttons)
                x = b.getMinX() - WIDTH - 8;
                y = Math.min(b.getMinY(), screen.getMaxY() - height);
            }
        } else {
            x = window.getX() + window.getWidth() - WIDTH - 16;
            y = window.getY() + 80;
        }
        // whole on the screen: a pop-up past the screen's edge cannot be read
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - WIDTH));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height));
        if (popup.isShowing()) {
            popup.setX(x);
            popup.setY(y);
        } else {
            popup.show(window, x, y);
        }
        timeout.playFromStart();
    }

    void hide() {
        timeout.stop();
        shown = null;
        what.textProperty().unbind();
        why.textProperty().unbind();
        expiry.textProperty().unbind();
        popup.hide();
    }

    boolean isShowing() {
        return popup.isShowing();
    }
}
