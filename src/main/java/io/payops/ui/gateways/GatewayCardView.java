package io.payops.ui.gateways;

import io.payops.ui.fx.FxmlViews;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;


/**
 * One gateway card ({@code #gateway-card-<name>}), built once per session from {@code fxml/gateways/GatewayCardView.fxml};
 * after that only label texts, pseudo-classes and the sparkline change. Health shows as {@code :healthy},
 * {@code :degraded} or {@code :down} on the card, the circuit as {@code :open} / {@code :half-open} on its label.
 */
public final class GatewayCardView extends VBox {
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass(CircuitState.OPEN.key());
    private static final PseudoClass HALF_OPEN = PseudoClass.getPseudoClass(CircuitState.HALF_OPEN.key());

    private final GatewayCardViewModel viewModel;

    @FXML private Label nameLabel;
    @FXML private Label healthLabel;
    @FXML private Tooltip healthTooltip;
    @FXML private Label circuitLabel;
    @FXML private Label weightLabel;
    @FXML private Label successLabel;
    @FXML private Label p95Label;
    @FXML private Label rateLabel;
    @FXML private Sparkline sparkline;
    @FXML private Label pathsLabel;

    public GatewayCardView(GatewayCardViewModel viewModel) {
        this.viewModel = viewModel;
        FxmlViews.load(this, "/fxml/gateways/GatewayCardView.fxml");
        setId("gateway-card-" + viewModel.gateway());
        bind();
    }

    private void bind() {
        nameLabel.setText(viewModel.gateway());
        healthLabel.textProperty().bind(viewModel.healthTextProperty());
        healthTooltip.textProperty().bind(viewModel.healthReasonProperty());
        circuitLabel.textProperty().bind(viewModel.circuitTextProperty());
        weightLabel.textProperty().bind(viewModel.weightTextProperty());
        successLabel.textProperty().bind(viewModel.successTextProperty());
        p95Label.textProperty().bind(viewModel.p95TextProperty());
        rateLabel.textProperty().bind(viewModel.rateTextProperty());
        pathsLabel.textProperty().bind(viewModel.pathsTextProperty());
        Tooltip.install(sparkline, new Tooltip("Success rate over the last two simulated minutes (50% to 100%); "
                + "the faint line is the gateway's baseline"));
        Tooltip.install(this, new Tooltip("Gateway " + viewModel.gateway() + ": health, routing and the last minute's numbers"));

        showHealth(viewModel.getHealth());
        viewModel.healthProperty().addListener((obs, was, now) -> showHealth(now));
        showCircuit(circuitLabel, viewModel.circuitProperty().get());
        viewModel.circuitProperty().addListener((obs, was, now) -> showCircuit(circuitLabel, now));
        showCircuit(pathsLabel, viewModel.worstPathProperty().get());
        viewModel.worstPathProperty().addListener((obs, was, now) -> showCircuit(pathsLabel, now));

        viewModel.sparkline().addListener((javafx.collections.ListChangeListener<SparkPoint>) c -> drawSparkline());
        viewModel.baselineSuccessProperty().addListener((obs, was, now) -> drawSparkline());
        drawSparkline();
    }

    private void showHealth(GatewayHealth health) {
        for (GatewayHealth h : GatewayHealth.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(h.key()), h == health);
        }
    }

    private static void showCircuit(Node node, CircuitState state) {
        node.pseudoClassStateChanged(OPEN, state == CircuitState.OPEN);
        node.pseudoClassStateChanged(HALF_OPEN, state == CircuitState.HALF_OPEN);
    }

    private void drawSparkline() {
        sparkline.show(viewModel.sparkline(), viewModel.baselineSuccessProperty().get(),
                GatewayCardViewModel.SPARKLINE_SECONDS);
    }
}
