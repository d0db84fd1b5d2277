package io.payops.ui.dashboard;

import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.layout.HBox;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The row of six KPI tiles at the top of the dashboard ({@code fxml/dashboard/KpiTilesView.fxml}). Tiles are built
 * once by the FXML; afterwards only their values, captions and health change, through bindings to the ViewModel.
 */
public final class KpiTilesView extends HBox {
    private final KpiTilesViewModel viewModel;
    @FXML
    private KpiTile successRateTile;
    @FXML
    private KpiTile paymentsTile;
    @FXML
    private KpiTile latencyTile;
    @FXML
    private KpiTile incidentsTile;
    @FXML
    private KpiTile approvalsTile;
    @FXML
    private KpiTile preventedTile;

    public KpiTilesView(KpiTilesViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(KpiTilesView.class.getResource("/fxml/dashboard/KpiTilesView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load KpiTilesView.fxml", e);
        }
        getStylesheets().add(KpiTilesView.class.getResource("/styles/dashboard.css").toExternalForm());
    }

    @FXML
    private void initialize() {
        successRateTile.bindTo(viewModel.successRate());
        paymentsTile.bindTo(viewModel.paymentsPerSecond());
        latencyTile.bindTo(viewModel.p95Latency());
        incidentsTile.bindTo(viewModel.openIncidents());
        approvalsTile.bindTo(viewModel.pendingApprovals());
        preventedTile.bindTo(viewModel.preventedFailures());
    }
}
