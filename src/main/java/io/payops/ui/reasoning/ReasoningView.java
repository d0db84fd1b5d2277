package io.payops.ui.reasoning;

import io.payops.ui.fx.FxmlViews;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;


/**
 * The reasoning pane (fxml/reasoning/ReasoningView.fxml): the agent's cycle history and the chosen cycle's
 * anomalies, hypotheses, decision, guardrail verdict, what was done and why. Binds to a {@link ReasoningViewModel}
 * and forwards clicks to it; every word and number comes from the ViewModel.
 */
public final class ReasoningView extends BorderPane {
    private static final PseudoClass REQUIRED = PseudoClass.getPseudoClass("required");
    /** The history shows at least this many rows, whole: a half row above the detail reads as one printed over it. */
    static final int MIN_ROWS = 3;
    /** The call's outcome as a pseudo-class on the call box: :used, :fallback, :pending, :skipped. */
    private static final java.util.List<String> CALL_OUTCOMES = java.util.List.of("used", "fallback", "pending", "skipped");

    private final ReasoningViewModel vm;
    /** Set while the view moves the list's selection to match the ViewModel, so that is not taken as a click. */
    private boolean syncing;
    /** The history's top row index as it will be after the pending layout, or -1 when none is pending. */
    private int topRowBeforeLayout = -1;
    private final Runnable forgetTopRow = this::forgetTopRow;

    @FXML private CheckBox hideQuiet;
    @FXML private ToggleButton followLatest;
    @FXML private Label mode;
    @FXML private Label historySummary;
    @FXML private SplitPane split;
    @FXML private ListView<CycleEntry> cycleHistory;
    @FXML private ScrollPane detailScroll;
    @FXML private Label emptyLabel;
    @FXML private VBox sections;
    @FXML private Label cycleTime;
    @FXML private Label reasoner;
    @FXML private Label cycleDuration;
    @FXML private Label callTotals;
    @FXML private VBox callBox;
    @FXML private Label callText;
    @FXML private Label callReason;
    @FXML private Label anomaliesTitle;
    @FXML private VBox anomalyRows;
    @FXML private Label moreAnomalies;
    @FXML private VBox hypothesisRows;
    @FXML private Label decisionAction;
    @FXML private Label decisionNumbers;
    @FXML private Label approvalText;
    @FXML private VBox approvalReasons;
    @FXML private Label alternativesTitle;
    @FXML private VBox alternativeRows;
    @FXML private VBox verdictBox;
    @FXML private Label verdictKind;
    @FXML private VBox verdictReasons;
    @FXML private Label actionTaken;
    @FXML private VBox explanationRows;

    private ReusableRows<CycleDetail.AnomalyLine, AnomalyRow> anomalies;
    private ReusableRows<CycleDetail.HypothesisLine, HypothesisRow> hypotheses;
    private ReusableRows<CycleDetail.AlternativeLine, AlternativeRow> alternatives;
    private ReusableRows<String, Sentence> approvalSentences;
    private ReusableRows<String, Sentence> verdictSentences;
    private ReusableRows<String, Sentence> explanation;

    public ReasoningView(ReasoningViewModel vm) {
        this.vm = vm;
        FxmlViews.load(this, "/fxml/reasoning/ReasoningView.fxml");
        getStylesheets().add(FxmlViews.stylesheet("/styles/reasoning.css"));
    }

    @FXML
    private void initialize() {
        anomalies = new ReusableRows<>(anomalyRows, AnomalyRow::new, AnomalyRow::show);
        hypotheses = new ReusableRows<>(hypothesisRows, HypothesisRow::new, HypothesisRow::show);
        alternatives = new ReusableRows<>(alternativeRows, AlternativeRow::new, AlternativeRow::show);
        approvalSentences = new ReusableRows<>(approvalReasons, Sentence::new, Sentence::fill);
        verdictSentences = new ReusableRows<>(verdictReasons, Sentence::new, Sentence::fill);
        explanation = new ReusableRows<>(explanationRows, Sentence::new, Sentence::fill);

        hideQuiet.selectedProperty().bindBidirectional(vm.hideQuietProperty());
        mode.textProperty().bind(vm.modeProperty());
        historySummary.textProperty().bind(vm.historySummaryProperty());
        callTotals.textProperty().bind(vm.callTotalsProperty());
        callTotals.visibleProperty().bind(vm.callTotalsProperty().isNotEmpty());
        callTotals.managedProperty().bind(vm.callTotalsProperty().isNotEmpty());

        cycleHistory.setItems(vm.shownHistory());
        Label placeholder = new Label();
        placeholder.setId("cycle-history-empty");
        placeholder.getStyleClass().add("history-placeholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(vm.emptyListTextProperty());
        cycleHistory.setPlaceholder(placeholder);
        vm.shownHistory().addListener(this::keepPinnedRowsInPlace);
        cycleHistory.setCellFactory(list -> new CycleCell());
        cycleHistory.getSelectionModel().selectedItemProperty().addListener((o, was, entry) -> {
            if (!syncing && entry != null) {
                vm.select(entry);
            }
        });
        vm.selectedEntryProperty().addListener((o, was, entry) -> syncSelection());
        vm.followingProperty().addListener((o, was, now) -> syncSelection());
        // hiding quiet cycles rebuilds the list's items, which drops its selection: select the pinned one again
        vm.hideQuietProperty().addListener((o, was, now) -> syncSelection());

        cycleHistory.heightProperty().addListener((o, was, now) -> showWholeRows());
        cycleHistory.fixedCellSizeProperty().addListener((o, was, now) -> {
            cycleHistory.setMinHeight(MIN_ROWS * now.doubleValue());
            showWholeRows();
        });

        followLatest.setOnAction(e -> {
            if (followLatest.isSelected()) {
                vm.followLatest();
            } else {
                vm.pin();
            }
        });

        vm.detailProperty().addListener((o, was, detail) -> show(detail));
        show(vm.getDetail());
        syncSelection();
    }

    /**
     * New cycles go in at the top. While following, the list shows them; while pinned, the rows the user is looking
     * at (and the pinned one) stay where they are instead of sliding down by one row every cycle.
     */
    private void keepPinnedRowsInPlace(ListChangeListener.Change<? extends CycleEntry> change) {
        if (vm.isFollowing()) {
            return;
        }
        // the list moved its selection with the rows (the ViewModel ignored that): back onto the pinned cycle, or
        // none when it was dropped from the history or hidden
        syncSelection();
        int addedOnTop = 0;
        while (change.next()) {
            if (change.wasAdded() && !change.wasReplaced() && change.getFrom() == 0) {
                addedOnTop += change.getAddedSize();
            }
        }
        if (addedOnTop == 0) {
            return;
        }
        if (topRowBeforeLayout < 0) {
            // the list lays its cells out at the next pulse: until then, further additions count from here
            if (!(cycleHistory.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)
                    || flow.getFirstVisibleCell() == null || getScene() == null) {
                return;
            }
            topRowBeforeLayout = flow.getFirstVisibleCell().getIndex();
            getScene().addPostLayoutPulseListener(forgetTopRow);
        }
        topRowBeforeLayout += addedOnTop;
        cycleHistory.scrollTo(topRowBeforeLayout);
    }

    /**
     * Moves the divider so the history ends on a row's edge (rows are of a fixed height, set in CSS): the list
     * grows and shrinks, with the window or the divider, by whole rows, never less than {@link #MIN_ROWS}.
     */
    private void showWholeRows() {
        double row = cycleHistory.getFixedCellSize();
        double list = cycleHistory.getHeight();
        double room = split.getHeight() - split.snappedTopInset() - split.snappedBottomInset();
        if (row <= 0 || list <= 0 || room <= 0 || split.getDividers().isEmpty()) {
            return;
        }
        double insets = cycleHistory.snappedTopInset() + cycleHistory.snappedBottomInset();
        int rows = Math.max(MIN_ROWS, (int) Math.round((list - insets) / row));
        double wanted = rows * row + insets;
        // a pixel off is the split's rounding, not a half row: moving for it would only chase it
        if (Math.abs(wanted - list) >= 2 && wanted < room) {
            SplitPane.Divider divider = split.getDividers().get(0);
            divider.setPosition(Math.min(1, divider.getPosition() + (wanted - list) / room));
        }
    }

    private void forgetTopRow() {
        topRowBeforeLayout = -1;
        if (getScene() != null) {
            getScene().removePostLayoutPulseListener(forgetTopRow);
        }
    }

    /** Mirrors the ViewModel: no selection while following, the pinned cycle selected (and scrolled to) otherwise. */
    private void syncSelection() {
        syncing = true;
        try {
            followLatest.setSelected(vm.isFollowing());
            CycleEntry entry = vm.selectedEntryProperty().get();
            if (vm.isFollowing() || entry == null) {
                cycleHistory.getSelectionModel().clearSelection();
            } else if (cycleHistory.getSelectionModel().getSelectedItem() != entry) {
                int index = cycleHistory.getItems().indexOf(entry);
                if (index >= 0) {
                    cycleHistory.getSelectionModel().select(index);
                    cycleHistory.scrollTo(Math.max(0, index - 1));
                } else {
                    cycleHistory.getSelectionModel().clearSelection();
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void show(CycleDetail d) {
        emptyLabel.setVisible(!d.present());
        emptyLabel.setManaged(!d.present());
        sections.setVisible(d.present());
        sections.setManaged(d.present());
        cycleTime.setText(d.time());
        reasoner.setText(d.reasoner());
        cycleDuration.setText(d.cycleTime());
        CycleDetail.CallLine call = d.call();
        callBox.setVisible(call.present());
        callBox.setManaged(call.present());
        callText.setText(call.text());
        callReason.setText(call.reason());
        callReason.setVisible(!call.reason().isEmpty());
        callReason.setManaged(!call.reason().isEmpty());
        for (String outcome : CALL_OUTCOMES) {
            callBox.pseudoClassStateChanged(PseudoClass.getPseudoClass(outcome), outcome.equals(call.outcome()));
        }
        anomaliesTitle.setText(d.anomaliesTitle());
        anomalies.show(d.anomalies());
        moreAnomalies.setText(d.moreAnomalies());
        moreAnomalies.setVisible(!d.moreAnomalies().isEmpty());
        moreAnomalies.setManaged(!d.moreAnomalies().isEmpty());
        hypotheses.show(d.hypotheses());
        decisionAction.setText(d.decisionAction());
        decisionNumbers.setText(d.decisionNumbers());
        approvalText.setText(d.approvalText());
        approvalText.pseudoClassStateChanged(REQUIRED, d.requiresApproval());
        approvalSentences.show(d.approvalReasons());
        alternativesTitle.setVisible(!d.alternatives().isEmpty());
        alternativesTitle.setManaged(!d.alternatives().isEmpty());
        alternatives.show(d.alternatives());
        verdictKind.setText(d.verdictText());
        VerdictStyle.mark(verdictBox, d.verdict());
        VerdictStyle.mark(verdictKind, d.verdict());
        verdictSentences.show(d.verdictReasons());
        actionTaken.setText(d.actionTaken());
        explanation.show(d.explanation());
    }
}
