package io.payops.ui.approvals;

import io.payops.ui.fx.FxmlViews;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The card of one pending request. Built once when the request arrives and bound to its item; the countdown and
 * "sent…" update through the bindings. Ids: {@code #approval-<id>}, {@code #approve-<id>}, {@code #reject-<id>}, each
 * with a prefix when the card is shown elsewhere ({@code #ticket-approve-<id>} in the Tickets tab). A support-ticket
 * escalation carries {@code :ticket} and says so above its title; a request that has left the pending list carries
 * {@code :ended} and says how and why under its title ({@code .approval-end}) until the pane lets it go.
 */
public final class ApprovalItemView extends VBox {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass URGENT = PseudoClass.getPseudoClass("urgent");
    private static final PseudoClass ANSWERED = PseudoClass.getPseudoClass("answered");
    private static final PseudoClass TICKET = PseudoClass.getPseudoClass("ticket");
    private static final PseudoClass ENDED = PseudoClass.getPseudoClass("ended");

    @FXML private Label kindLabel;
    @FXML private Label whatLabel;
    @FXML private Label expiryLabel;
    @FXML private Label diagnosisLabel;
    @FXML private Label confidenceLabel;
    @FXML private Label riskLabel;
    @FXML private Label effectLabel;
    @FXML private Label shareLabel;
    @FXML private Label asRaisedLabel;
    @FXML private Label endLabel;
    @FXML private Label whyLabel;
    @FXML private Label reasonsLabel;
    @FXML private Button approveButton;
    @FXML private Button rejectButton;
    @FXML private Label answerLabel;
    @FXML private javafx.scene.layout.HBox actionsBox;

    private final ApprovalItemViewModel item;

    public ApprovalItemView(ApprovalItemViewModel item, ApprovalAnswers vm) {
        this(item, vm, "");
    }

    /** @param idPrefix put before every id, so the same request can have a card in two places of one window */
    public ApprovalItemView(ApprovalItemViewModel item, ApprovalAnswers vm, String idPrefix) {
        this.item = item;
        FxmlViews.load(this, "/fxml/approvals/ApprovalItemView.fxml");
        long id = item.actionId();
        setId(idPrefix + "approval-" + id);
        approveButton.setId(idPrefix + "approve-" + id);
        rejectButton.setId(idPrefix + "reject-" + id);

        kindLabel.textProperty().bind(item.kindProperty());
        kindLabel.visibleProperty().bind(item.kindProperty().isNotEmpty());
        kindLabel.managedProperty().bind(kindLabel.visibleProperty());
        kindLabel.setTooltip(new Tooltip("A support-ticket triage decision (Tickets tab), not a routing change"));
        pseudoClassStateChanged(TICKET, item.isTicketEscalation());
        confidenceLabel.visibleProperty().bind(item.confidenceProperty().isNotEmpty());
        confidenceLabel.managedProperty().bind(confidenceLabel.visibleProperty());

        whatLabel.textProperty().bind(item.whatProperty());
        expiryLabel.textProperty().bind(item.expiryProperty());
        diagnosisLabel.textProperty().bind(item.diagnosisProperty());
        confidenceLabel.textProperty().bind(item.confidenceProperty());
        riskLabel.textProperty().bind(item.riskProperty());
        effectLabel.textProperty().bind(item.effectProperty());
        whyLabel.textProperty().bind(item.whyProperty());
        shareLabel.textProperty().bind(item.shareProperty());
        asRaisedLabel.textProperty().bind(item.asRaisedProperty());
        endLabel.textProperty().bind(item.endTextProperty());
        for (Label l : new Label[] {shareLabel, asRaisedLabel, endLabel}) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        reasonsLabel.textProperty().bind(item.reasonsProperty());
        reasonsLabel.visibleProperty().bind(item.reasonsProperty().isNotEmpty());
        reasonsLabel.managedProperty().bind(reasonsLabel.visibleProperty());
        answerLabel.textProperty().bind(item.answerTextProperty());
        // an ended request has nothing to answer: its buttons go, its end line says what came of it
        actionsBox.visibleProperty().bind(item.endedProperty().not());
        actionsBox.managedProperty().bind(actionsBox.visibleProperty());
        approveButton.disableProperty().bind(item.answerableProperty().not());
        rejectButton.disableProperty().bind(item.answerableProperty().not());

        Tooltip approveTip = new Tooltip();
        approveTip.textProperty().bind(item.approveHintProperty());
        approveButton.setTooltip(approveTip);
        Tooltip rejectTip = new Tooltip();
        rejectTip.textProperty().bind(item.rejectHintProperty());
        rejectButton.setTooltip(rejectTip);
        expiryLabel.setTooltip(new Tooltip("Simulated seconds until the request expires unanswered, and what that is in "
                + "wall time at the session's speed"));
        shareLabel.setTooltip(new Tooltip("The share of all traffic the change would move, on the newest window"));
        asRaisedLabel.setTooltip(fullText(item.asRaisedProperty()));
        endLabel.setTooltip(fullText(item.endTextProperty()));
        riskLabel.setTooltip(new Tooltip("How much traffic the change touches and how unsure the diagnosis is (0–1)"));
        effectLabel.setTooltip(new Tooltip(item.isTicketEscalation() ? "The merchants the escalation is about"
                : "Expected gain in success rate, in points of all traffic, if applied now: the moved share times how "
                + "much better the same traffic does elsewhere, on the newest window (the agent's own estimate is under "
                + "\"as raised\")"));
        confidenceLabel.setTooltip(new Tooltip("How sure the agent is of its diagnosis"));
        diagnosisLabel.setTooltip(new Tooltip(item.isTicketEscalation() ? "The root cause the triage found"
                : "What the agent thinks is wrong"));
        whyLabel.setTooltip(fullText(item.whyProperty()));
        Tooltip.install(this, new Tooltip("Click to select; Ctrl+Shift+A approves, Ctrl+Shift+R rejects the selected request"));

        approveButton.setOnAction(e -> vm.approve(id));
        rejectButton.setOnAction(e -> vm.reject(id));
        setOnMouseClicked(e -> vm.select(id));

        riskLabel.getStyleClass().add("risk-" + item.riskLevelProperty().get().key());
        item.riskLevelProperty().addListener((o, was, now) -> {
            riskLabel.getStyleClass().remove("risk-" + was.key());
            riskLabel.getStyleClass().add("risk-" + now.key());
        });
        pseudoClassStateChanged(SELECTED, item.selectedProperty().get());
        item.selectedProperty().addListener((o, was, now) -> pseudoClassStateChanged(SELECTED, now));
        pseudoClassStateChanged(URGENT, item.urgentProperty().get());
        item.urgentProperty().addListener((o, was, now) -> pseudoClassStateChanged(URGENT, now));
        pseudoClassStateChanged(ANSWERED, !item.answerTextProperty().get().isEmpty());
        item.answerTextProperty().addListener((o, was, now) -> pseudoClassStateChanged(ANSWERED, !now.isEmpty()));
        pseudoClassStateChanged(ENDED, item.isEnded());
        item.endedProperty().addListener((o, was, now) -> pseudoClassStateChanged(ENDED, now));
    }

    /** A tooltip with a label's whole text, wrapped. */
    private static Tooltip fullText(javafx.beans.value.ObservableValue<String> text) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        return tip;
    }

    public ApprovalItemViewModel item() {
        return item;
    }
}
