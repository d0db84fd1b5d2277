package io.payops.ui.tickets;

import io.payops.ui.approvals.ApprovalItemView;
import io.payops.ui.approvals.ApprovalItemViewModel;
import io.payops.ui.fx.Columns;
import io.payops.ui.fx.FxmlViews;
import io.payops.ui.fx.RowDetail;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Tickets tab (fxml/tickets/TicketsView.fxml): queue, clusters with the shown cluster's root cause and evidence,
 * decisions, a strip with a card per escalation waiting for a human ({@code #ticket-approve-<id>}, {@code #ticket-reject-<id>}),
 * and payment incidents with the merchants and tickets they touched. Ids: {@code #tickets-queue},
 * {@code #tickets-clusters}, {@code #tickets-decisions}, {@code #tickets-incidents}, {@code #tickets-evidence},
 * {@code #tickets-none} (shown for a world without tickets). Binds to a {@link TicketsViewModel}; every word comes
 * from it. Merchant-written text goes into labels and cells as plain text.
 */
public final class TicketsView extends StackPane {
    public static final String CARD_ID_PREFIX = "ticket-";
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    private final TicketsViewModel vm;
    private final Map<ApprovalItemViewModel, ApprovalItemView> cards = new HashMap<>();

    /** The tab's width from which its four tables sit two by two; narrower, they are stacked and the tab scrolls. */
    static final double SIDE_BY_SIDE_WIDTH = 1000;
    /** Each stacked section's height: a title, a header and about six rows (the queue adds the ticket's text). */
    static final double STACKED_SECTION_HEIGHT = 230;

    @FXML private VBox content;
    @FXML private ScrollPane rowsScroll;
    @FXML private javafx.scene.control.SplitPane rows;
    @FXML private javafx.scene.control.SplitPane upperRow;
    @FXML private javafx.scene.control.SplitPane lowerRow;
    @FXML private Label summaryLabel;
    @FXML private Label countsLabel;
    @FXML private Label messageLabel;
    @FXML private Label noTicketsLabel;
    @FXML private TableView<TicketRow> queueTable;
    @FXML private TableColumn<TicketRow, String> qTime;
    @FXML private TableColumn<TicketRow, String> qMerchant;
    @FXML private TableColumn<TicketRow, String> qCategory;
    @FXML private TableColumn<TicketRow, String> qSeverity;
    @FXML private TableColumn<TicketRow, String> qSubject;
    @FXML private TableColumn<TicketRow, String> qCluster;
    @FXML private Label ticketTextLabel;
    @FXML private TableView<ClusterRow> clusterTable;
    @FXML private TableColumn<ClusterRow, String> cId;
    @FXML private TableColumn<ClusterRow, String> cCategory;
    @FXML private TableColumn<ClusterRow, String> cMerchants;
    @FXML private TableColumn<ClusterRow, String> cTickets;
    @FXML private TableColumn<ClusterRow, String> cFailures;
    @FXML private TableColumn<ClusterRow, String> cCause;
    @FXML private TableColumn<ClusterRow, String> cState;
    @FXML private Label clusterTitleLabel;
    @FXML private Label clusterFactsLabel;
    @FXML private VBox evidenceBox;
    @FXML private ScrollPane pendingScroll;
    @FXML private HBox pendingBox;
    @FXML private TableView<DecisionRow> decisionTable;
    @FXML private TableColumn<DecisionRow, String> dTime;
    @FXML private TableColumn<DecisionRow, String> dType;
    @FXML private TableColumn<DecisionRow, String> dCluster;
    @FXML private TableColumn<DecisionRow, String> dStatus;
    @FXML private TableColumn<DecisionRow, String> dRisk;
    @FXML private TableColumn<DecisionRow, String> dWhy;
    @FXML private TableView<IncidentTicketsRow> incidentTable;
    @FXML private TableColumn<IncidentTicketsRow, String> iIncident;
    @FXML private TableColumn<IncidentTicketsRow, String> iState;
    @FXML private TableColumn<IncidentTicketsRow, String> iClusters;
    @FXML private TableColumn<IncidentTicketsRow, String> iMerchants;
    @FXML private TableColumn<IncidentTicketsRow, String> iTickets;

    public TicketsView(TicketsViewModel vm) {
        this.vm = vm;
        FxmlViews.load(this, "/fxml/tickets/TicketsView.fxml");
        getStylesheets().addAll(FxmlViews.stylesheet("/styles/tables.css"), FxmlViews.stylesheet("/styles/approvals.css"),
                FxmlViews.stylesheet("/styles/tickets.css"));
        bind();
    }

    /** Two by two when the tab is wide enough, else stacked with the tab scrolling (see the FXML's note). */
    private void arrange(double width) {
        boolean sideBySide = width >= SIDE_BY_SIDE_WIDTH;
        javafx.geometry.Orientation inner = sideBySide ? javafx.geometry.Orientation.HORIZONTAL
                : javafx.geometry.Orientation.VERTICAL;
        if (upperRow.getOrientation() == inner && rowsScroll.isFitToHeight() == sideBySide) {
            return;
        }
        upperRow.setOrientation(inner);
        lowerRow.setOrientation(inner);
        upperRow.setDividerPositions(sideBySide ? 0.48 : 0.5);
        lowerRow.setDividerPositions(sideBySide ? 0.6 : 0.5);
        rows.setDividerPositions(0.5);
        rows.setMinHeight(sideBySide ? 0 : 4 * STACKED_SECTION_HEIGHT);
        rows.setPrefHeight(sideBySide ? javafx.scene.layout.Region.USE_COMPUTED_SIZE : 4 * STACKED_SECTION_HEIGHT);
        rowsScroll.setFitToHeight(sideBySide);
        rowsScroll.setVbarPolicy(sideBySide ? ScrollPane.ScrollBarPolicy.NEVER : ScrollPane.ScrollBarPolicy.AS_NEEDED);
    }

    private void bind() {
        content.widthProperty().addListener((o, was, now) -> arrange(now.doubleValue()));
        content.visibleProperty().bind(vm.hasTicketsProperty());
        noTicketsLabel.setText(TicketsViewModel.NO_TICKETS_TEXT);
        noTicketsLabel.visibleProperty().bind(vm.hasTicketsProperty().not());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        countsLabel.textProperty().bind(vm.categoryCountsProperty());
        Tooltip countsTip = new Tooltip();
        countsTip.textProperty().bind(javafx.beans.binding.Bindings.concat("Tickets per category this session: ",
                vm.categoryCountsProperty()));
        countsLabel.setTooltip(countsTip);
        io.payops.ui.fx.WholeText.install(countsLabel);
        messageLabel.textProperty().bind(vm.messageProperty());
        messageLabel.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());

        queueTable.setItems(vm.queue());
        // the short columns keep their widths; the free text (subject, merchants, why) takes whatever is left
        queueTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        Columns.text(qTime, TicketRow::time);
        Columns.text(qMerchant, TicketRow::merchant);
        Columns.text(qCategory, TicketRow::category);
        Columns.text(qSeverity, TicketRow::severity);
        Columns.text(qSubject, TicketRow::subject);
        Columns.text(qCluster, TicketRow::clusterId);
        Columns.details(queueTable, "Ticket", r -> List.of(new RowDetail.Field("Ticket", r.id()),
                new RowDetail.Field("Message (as written)", r.message()),
                new RowDetail.Field("Checkout failures", Integer.toString(r.checkoutFailures()))));
        queueTable.getSelectionModel().selectedItemProperty().addListener((o, was, row) ->
                vm.selectTicket(row == null ? null : row.id()));
        ticketTextLabel.textProperty().bind(vm.ticketTextProperty());
        ticketTextLabel.visibleProperty().bind(vm.ticketTextProperty().isNotEmpty());
        ticketTextLabel.managedProperty().bind(ticketTextLabel.visibleProperty());
        ticketTextLabel.setTooltip(new Tooltip("What the merchant wrote, shown as written: it is never acted on"));

        clusterTable.setItems(vm.clusters());
        clusterTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        Columns.text(cId, ClusterRow::id);
        Columns.text(cCategory, ClusterRow::category);
        Columns.wrappedText(cMerchants, ClusterRow::merchants);
        Columns.text(cTickets, r -> Integer.toString(r.tickets()));
        Columns.text(cFailures, r -> Integer.toString(r.checkoutFailures()));
        Columns.text(cCause, ClusterRow::rootCauseText);
        // the payment incident a cluster belongs to is in the detail below and in the row detail: one column less
        Columns.text(cState, ClusterRow::state);
        Columns.details(clusterTable, "Ticket cluster", r -> List.of(new RowDetail.Field("Signature", r.signature()),
                new RowDetail.Field("Stage", r.stage()),
                new RowDetail.Field("Payment incident", r.incident()),
                new RowDetail.Field("All merchants", String.join(", ", r.merchantList())),
                new RowDetail.Field("Affected customers", Integer.toString(r.affectedCustomers())),
                new RowDetail.Field("Evidence", String.join("\n", r.evidence()))));
        clusterTable.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (row != null) {
                vm.selectCluster(row.id());
            }
        });
        clusterTitleLabel.textProperty().bind(vm.clusterTitleProperty());
        clusterFactsLabel.textProperty().bind(vm.clusterFactsProperty());
        fillEvidence();
        vm.evidence().addListener((ListChangeListener<String>) c -> fillEvidence());

        decisionTable.setItems(vm.decisions());
        decisionTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        decisionTable.setRowFactory(t -> new PendingRow());
        Columns.text(dTime, DecisionRow::time);
        Columns.text(dType, DecisionRow::type);
        Columns.text(dCluster, DecisionRow::clusterId);
        Columns.text(dStatus, DecisionRow::status);
        Columns.text(dRisk, DecisionRow::risk);
        Columns.wrappedText(dWhy, DecisionRow::why);
        Columns.details(decisionTable, "Ticket decision", r -> List.of(
                new RowDetail.Field("Decision", "#" + r.id()),
                new RowDetail.Field("Merchants", r.merchants()),
                new RowDetail.Field("Note", r.note())));
        for (ApprovalItemViewModel item : vm.pending()) {
            addCard(item);
        }
        vm.pending().addListener((ListChangeListener<ApprovalItemViewModel>) change -> {
            while (change.next()) {
                for (ApprovalItemViewModel gone : change.getRemoved()) {
                    pendingBox.getChildren().remove(cards.remove(gone));
                }
                for (ApprovalItemViewModel added : change.getAddedSubList()) {
                    addCard(added);
                }
            }
        });
        pendingScroll.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.pending()));
        // one card fits the tab's width (up to its own maximum); several scroll sideways
        pendingScroll.fitToWidthProperty().bind(javafx.beans.binding.Bindings.size(vm.pending()).lessThanOrEqualTo(1));
        pendingScroll.managedProperty().bind(pendingScroll.visibleProperty());
        pendingScroll.setTooltip(new Tooltip("Escalations waiting for a human, oldest first; they wait in the "
                + "approvals pane too"));

        incidentTable.setItems(vm.incidents());
        incidentTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        Columns.text(iIncident, IncidentTicketsRow::incident);
        Columns.text(iState, IncidentTicketsRow::state);
        Columns.text(iClusters, IncidentTicketsRow::clusters);
        Columns.text(iMerchants, r -> r.merchantCount() + ": " + r.merchants());
        Columns.text(iTickets, r -> Integer.toString(r.tickets()));
        Columns.details(incidentTable, "Payment incident and its tickets", r -> List.of());
    }

    private void addCard(ApprovalItemViewModel item) {
        ApprovalItemView card = new ApprovalItemView(item, vm, CARD_ID_PREFIX);
        card.getStyleClass().add("ticket-escalation-card");
        cards.put(item, card);
        int index = Math.min(vm.pending().indexOf(item), pendingBox.getChildren().size());
        pendingBox.getChildren().add(Math.max(0, index), card);
    }

    private void fillEvidence() {
        evidenceBox.getChildren().clear();
        for (String sentence : vm.evidence()) {
            Label l = new Label("• " + sentence);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.getStyleClass().add("tickets-evidence-line");
            evidenceBox.getChildren().add(l);
        }
    }

    /** A decision still waiting for a human stands out (:pending). */
    private static final class PendingRow extends javafx.scene.control.TableRow<DecisionRow> {
        @Override
        protected void updateItem(DecisionRow item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(PENDING, !empty && item != null && item.pending());
        }
    }
}
