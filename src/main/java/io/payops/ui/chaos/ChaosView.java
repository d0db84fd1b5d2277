package io.payops.ui.chaos;

import io.payops.domain.Target;
import io.payops.ui.fx.FxmlViews;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.ToggleSwitch;

/**
 * The chaos tab: a compact grid (fault | target | strength slider | value | switch | engine state), a picker to
 * inject a built-in scenario's faults now, and the faults active in the engine with a remove button each. The rows
 * are built once from {@link ChaosViewModel#rows()}; afterwards only bound values change.
 * Ids: {@code #chaos-<type>-target}, {@code #chaos-<type>-slider}, {@code #chaos-<type>-value},
 * {@code #chaos-<type>-switch}, {@code #chaos-<type>-state}, {@code #chaos-scenario}, {@code #chaos-inject},
 * {@code #chaos-active}, {@code #chaos-message}.
 */
public final class ChaosView extends VBox {
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    @FXML private GridPane grid;
    @FXML private ComboBox<String> scenarioBox;
    @FXML private Button injectButton;
    @FXML private Label activeSummaryLabel;
    @FXML private ListView<ActiveFaultItem> activeList;
    @FXML private Label messageLabel;
    @FXML private Label unavailableLabel;

    private final ChaosViewModel vm;

    public ChaosView(ChaosViewModel vm) {
        this.vm = vm;
        FxmlViews.load(this, "/fxml/chaos/ChaosView.fxml");
        getStylesheets().add(FxmlViews.stylesheet("/styles/chaos.css"));
        setId("chaos");

        int r = 1;
        for (FaultRowViewModel row : vm.rows()) {
            addRow(row, r++);
        }

        scenarioBox.setItems(vm.scenarioNames());
        scenarioBox.valueProperty().bindBidirectional(vm.selectedScenarioProperty());
        scenarioBox.setTooltip(new Tooltip("A built-in scenario whose faults to inject"));
        scenarioBox.disableProperty().bind(vm.liveProperty().not());
        injectButton.setOnAction(e -> vm.injectSelectedScenario());
        injectButton.disableProperty().bind(vm.liveProperty().not().or(vm.selectedScenarioProperty().isNull()));
        injectButton.setTooltip(new Tooltip("Inject every fault of that scenario now, each starting this second"));

        activeSummaryLabel.textProperty().bind(vm.activeSummaryProperty());
        activeSummaryLabel.setTooltip(new Tooltip("Faults acting on the simulated world in the newest frame"));
        activeList.setItems(vm.activeFaults());
        activeList.setCellFactory(list -> new ActiveFaultCell(vm::removeFault));
        activeList.setPlaceholder(new Label("No fault is active"));
        activeList.setTooltip(new Tooltip("Every fault active now: the scenario's, injected ones and this panel's"));
        activeList.setFocusTraversable(false);

        messageLabel.textProperty().bind(vm.messageProperty());
        messageLabel.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        messageLabel.setTooltip(new Tooltip("Why the engine refused a chaos command; click to dismiss"));
        messageLabel.setOnMouseClicked(e -> vm.clearMessage());

        // disabled controls show no tooltip, so the reason is on the panel itself and in words at its top
        unavailableLabel.textProperty().bind(vm.unavailableProperty());
        unavailableLabel.visibleProperty().bind(vm.unavailableProperty().isNotEmpty());
        unavailableLabel.managedProperty().bind(unavailableLabel.visibleProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(vm.unavailableProperty());
        java.util.function.Consumer<String> showWhy = reason -> {
            Tooltip.uninstall(this, why);
            if (!reason.isEmpty()) {
                Tooltip.install(this, why);
            }
        };
        vm.unavailableProperty().addListener((o, was, now) -> showWhy.accept(now));
        // the view is built when its tab is first shown, which may be while chaos is already unavailable (an event
        // log opened at launch): the reason is on the panel from the start, not only from the next change
        showWhy.accept(vm.unavailableProperty().get());
    }

    private void addRow(FaultRowViewModel row, int r) {
        String key = row.key();

        Region dot = new Region();
        dot.getStyleClass().add("chaos-dot");
        Label type = new Label(row.label());
        type.getStyleClass().add("chaos-type");
        // never cut: an active fault's name is bold, and wider ("Issuer degrada…" at 1366 before)
        type.setMinWidth(Region.USE_PREF_SIZE);
        type.setTooltip(new Tooltip(row.description()));
        HBox typeCell = new HBox(6, dot, type);
        typeCell.setAlignment(Pos.CENTER_LEFT);
        typeCell.setId("chaos-" + key + "-type");
        typeCell.getStyleClass().add("chaos-type-cell");

        // searchable: type "adyen" or "hdfc" to narrow 60-odd targets to a few
        ComboBox<Target> target = new SearchableComboBox<>(vm.targets());
        target.setId("chaos-" + key + "-target");
        target.getStyleClass().add("chaos-target");
        target.setConverter(vm.targetConverter());
        target.valueProperty().bindBidirectional(row.targetProperty());
        target.setVisibleRowCount(14);
        target.setMaxWidth(Double.MAX_VALUE);
        Tooltip targetTip = new Tooltip();
        targetTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Now: "
                + vm.targetConverter().toString(row.targetProperty().get()) + ". Where the fault acts: a gateway (or "
                + "path) can be routed around; an issuer, network or method alone hits every gateway. Type to search.",
                row.targetProperty()));
        target.setTooltip(targetTip);
        target.disableProperty().bind(vm.liveProperty().not());

        Slider slider = new Slider(row.min(), row.max(), row.valueProperty().get());
        slider.setId("chaos-" + key + "-slider");
        slider.getStyleClass().add("chaos-slider");
        slider.setBlockIncrement(row.blockIncrement());
        slider.setMajorTickUnit(row.majorTickUnit());
        slider.valueProperty().bindBidirectional(row.valueProperty());
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.setTooltip(new Tooltip(row.strengthHint() + "; arrow keys move it in steps"));
        slider.disableProperty().bind(vm.liveProperty().not());

        Label value = new Label();
        value.setId("chaos-" + key + "-value");
        value.getStyleClass().add("chaos-value");
        value.textProperty().bind(row.valueTextProperty());
        value.setTooltip(new Tooltip("The strength that is sent to the engine"));

        ToggleSwitch onSwitch = new ToggleSwitch();
        onSwitch.setId("chaos-" + key + "-switch");
        onSwitch.getStyleClass().add("chaos-switch");
        onSwitch.selectedProperty().bindBidirectional(row.onProperty());
        onSwitch.setTooltip(new Tooltip("Turn this fault on or off now (it lasts until the end of the scenario)"));
        onSwitch.disableProperty().bind(vm.liveProperty().not());

        Label state = new Label();
        state.setId("chaos-" + key + "-state");
        state.getStyleClass().add("chaos-state");
        state.textProperty().bind(row.stateTextProperty());
        Tooltip stateTip = new Tooltip();
        stateTip.textProperty().bind(row.stateHintProperty());
        state.setTooltip(stateTip);

        row.activeProperty().addListener((o, was, now) -> {
            typeCell.pseudoClassStateChanged(ACTIVE, now);
            state.pseudoClassStateChanged(ACTIVE, now);
        });
        typeCell.pseudoClassStateChanged(ACTIVE, row.activeProperty().get());
        state.pseudoClassStateChanged(ACTIVE, row.activeProperty().get());

        GridPane.setHgrow(slider, Priority.ALWAYS);
        grid.addRow(r, typeCell, target, slider, value, onSwitch, state);
    }
}
