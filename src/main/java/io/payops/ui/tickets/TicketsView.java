package io.payops.ui.tickets;

import io.payops.ui.approvals.ApprovalCardView;
import io.payops.ui.approvals.ApprovalItemViewModel;
import io.payops.ui.fx.FxmlViews;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

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
    private final Map<ApprovalItemViewModel, ApprovalCardView> cards = new HashMap<>();

    @FXML private VBox content;
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
    @FXML private TableColumn<ClusterRow, String> cIncident;
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

    private void bind() {
        content.visibleProperty().bind(vm.hasTicketsProperty());
        noTicketsLabel.setText(TicketsViewModel.NO_TICKETS_TEXT);
        noTicketsLabel.visibleProperty().bind(vm.hasTicketsProperty().not());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        countsLabel.textProperty().bind(vm.categoryCountsProperty());
        countsLabel.setTooltip(new Tooltip("Tickets per category this session"));
        messageLabel.textProperty().bind(vm.messageProperty());
        messageLabel.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());

        queueTable.setItems(vm.queue());
        queueTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        text(qTime, TicketRow::time);
        text(qMerchant, TicketRow::merchant);
        text(qCategory, TicketRow::category);
        text(qSeverity, TicketRow::severity);
        text(qSubject, TicketRow::subject);
        text(qCluster, TicketRow::clusterId);
        qSubject.setCellFactory(c -> new TextCell<>(true));
        queueTable.getSelectionModel().selectedItemProperty().addListener((o, was, row) ->
                vm.selectTicket(row == null ? null : row.id()));
        ticketTextLabel.textProperty().bind(vm.ticketTextProperty());
        ticketTextLabel.visibleProperty().bind(vm.ticketTextProperty().isNotEmpty());
        ticketTextLabel.managedProperty().bind(ticketTextLabel.visibleProperty());
        ticketTextLabel.setTooltip(new Tooltip("What the merchant wrote, shown as written: it is never acted on"));

        clusterTable.setItems(vm.clusters());
        clusterTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        text(cId, ClusterRow::id);
        text(cCategory, ClusterRow::category);
        text(cMerchants, ClusterRow::merchants);
        text(cTickets, r -> Integer.toString(r.tickets()));
        text(cFailures, r -> Integer.toString(r.checkoutFailures()));
        text(cCause, ClusterRow::rootCauseText);
        text(cIncident, ClusterRow::incident);
        text(cState, ClusterRow::state);
        cMerchants.setCellFactory(c -> new TextCell<>(true));
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
        decisionTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        decisionTable.setRowFactory(t -> new PendingRow());
        text(dTime, DecisionRow::time);
        text(dType, DecisionRow::type);
        text(dCluster, DecisionRow::clusterId);
        text(dStatus, DecisionRow::status);
        text(dRisk, DecisionRow::risk);
        text(dWhy, DecisionRow::why);
        dWhy.setCellFactory(c -> new TextCell<>(true));
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
        pendingScroll.managedProperty().bind(pendingScroll.visibleProperty());
        pendingScroll.setTooltip(new Tooltip("Escalations waiting for a human, oldest first; they wait in the "
                + "approvals pane too"));

        incidentTable.setItems(vm.incidents());
        incidentTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        text(iIncident, IncidentTicketsRow::incident);
        text(iState, IncidentTicketsRow::state);
        text(iClusters, IncidentTicketsRow::clusters);
        text(iMerchants, r -> r.merchantCount() + ": " + r.merchants());
        text(iTickets, r -> Integer.toString(r.tickets()));
        iMerchants.setCellFactory(c -> new TextCell<>(true));
    }

    private void addCard(ApprovalItemViewModel item) {
        ApprovalCardView card = new ApprovalCardView(item, vm, CARD_ID_PREFIX);
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

    private static <R> void text(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** A text cell whose full text is also its tooltip, for columns the table truncates. */
    private static final class TextCell<R> extends TableCell<R, String> {
        private final Tooltip tooltip = new Tooltip();

        TextCell(boolean wrapTooltip) {
            tooltip.setWrapText(wrapTooltip);
            tooltip.setMaxWidth(480);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            String s = empty ? null : item;
            setText(s);
            tooltip.setText(s);
            setTooltip(s == null || s.isEmpty() ? null : tooltip);
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

    public TicketsViewModel viewModel() {
        return vm;
    }
}
