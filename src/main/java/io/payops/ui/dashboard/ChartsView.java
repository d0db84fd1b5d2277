package io.payops.ui.dashboard;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.Chart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The dashboard's 2 × 2 chart grid ({@code fxml/dashboard/ChartsView.fxml}): success rate and p95 latency over
 * simulated time on the left, one above the other so their time axes line up, with incident bands and action
 * markers; success by issuer and the error mix on the right. Charts and series are made once; the ViewModel's
 * lists feed them and its properties set the axis ranges.
 */
public final class ChartsView extends GridPane {
    private static final PseudoClass CUSTOMER_SIDE = PseudoClass.getPseudoClass("customer-side");

    private final ChartsViewModel viewModel;
    @FXML
    private EventLineChart successChart;
    @FXML
    private EventLineChart latencyChart;
    @FXML
    private TimeAxis successTimeAxis;
    @FXML
    private TimeAxis latencyTimeAxis;
    @FXML
    private NumberAxis successAxis;
    @FXML
    private NumberAxis latencyAxis;
    @FXML
    private BarChart<String, Number> issuerChart;
    @FXML
    private NumberAxis issuerValueAxis;
    @FXML
    private BarChart<Number, String> errorMixChart;

    @FXML
    private NumberAxis errorShareAxis;

    public ChartsView(ChartsViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(ChartsView.class.getResource("/fxml/dashboard/ChartsView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load ChartsView.fxml", e);
        }
        getStylesheets().add(ChartsView.class.getResource("/styles/dashboard.css").toExternalForm());
        // short (a 640-pixel-high window): smaller tick labels and titles, so the error mix's seven labels and the
        // value axes' ticks do not run into each other
        heightProperty().addListener((o, was, h) -> pseudoClassStateChanged(COMPACT, h.doubleValue() < COMPACT_HEIGHT));
    }

    /** Below this height the charts switch to {@code :compact}. */
    static final double COMPACT_HEIGHT = 380;
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    @FXML
    private void initialize() {
        ChartsViewModel vm = viewModel;
        successChart.getData().setAll(List.of(
                new XYChart.Series<>(ChartsViewModel.SUCCESS_SERIES, vm.successPoints()),
                new XYChart.Series<>(ChartsViewModel.BASELINE_SERIES, vm.successBaselinePoints())));
        latencyChart.getData().setAll(List.of(
                new XYChart.Series<>(ChartsViewModel.LATENCY_SERIES, vm.latencyPoints()),
                new XYChart.Series<>(ChartsViewModel.BASELINE_SERIES, vm.latencyBaselinePoints())));
        successChart.showEvents(vm.incidentBands(), vm.actionMarkers());
        latencyChart.showEvents(vm.incidentBands(), vm.actionMarkers());
        for (TimeAxis axis : List.of(successTimeAxis, latencyTimeAxis)) {
            axis.lowerBoundProperty().bind(vm.timeLowerProperty());
            axis.upperBoundProperty().bind(vm.timeUpperProperty());
            axis.tickUnitProperty().bind(vm.timeTickProperty());
            axis.setTickLabelFormatter(vm.timeLabels());
        }
        successAxis.lowerBoundProperty().bind(vm.successLowerProperty());
        successAxis.tickUnitProperty().bind(vm.successTickProperty());
        latencyAxis.upperBoundProperty().bind(vm.latencyUpperProperty());
        latencyAxis.tickUnitProperty().bind(vm.latencyTickProperty());
        for (NumberAxis axis : List.of(successAxis, latencyAxis, issuerValueAxis, errorShareAxis)) {
            axis.setTickLabelFormatter(vm.valueLabels());
        }

        issuerChart.getData().setAll(List.of(
                new XYChart.Series<>(ChartsViewModel.ISSUER_NOW_SERIES, vm.issuerSuccess()),
                new XYChart.Series<>(ChartsViewModel.ISSUER_BASELINE_SERIES, vm.issuerBaseline())));
        issuerValueAxis.lowerBoundProperty().bind(vm.issuerLowerProperty());
        issuerValueAxis.tickUnitProperty().bind(vm.issuerTickProperty());
        followExtraValue(vm.issuerSuccess());

        errorMixChart.getData().setAll(List.of(
                new XYChart.Series<>(ChartsViewModel.ERROR_MIX_SERIES, vm.errorMix())));
        followExtraValue(vm.errorMix());

        describe(successChart, "Share of attempts that succeeded, rolled over 10 simulated seconds, against the "
                + "baseline (the agent's reference, held still while traffic is in alarm). Shaded: incidents. Markers: routing changes executed (solid) and rolled back "
                + "(dashed); hover one to see what ran.");
        describe(latencyChart, "95th percentile attempt latency, rolled over 10 simulated seconds, against the "
                + "agent's baseline, with the same incidents and routing changes.");
        describe(issuerChart, "Success rate of each issuer's traffic over the sliding window, next to its "
                + "baseline (the agent's reference for that issuer, held still while it is in alarm). Amber or red when an issuer is 3 or 10 points under its baseline.");
        describe(errorMixChart, "Which failure statuses make up the failed attempts of the sliding window. "
                + "Customer-side ones (declines, insufficient funds) are greyed: routing cannot fix them.");
    }

    /** The chart's title carries its explanation, so it does not cover the tooltips of bands and markers. */
    private static void describe(Chart chart, String text) {
        Node title = chart.lookup(".chart-title");
        Tooltip.install(title != null ? title : chart, Tooltips.wrapped(text));
    }

    /**
     * Shows each bar's extraValue as a pseudo-class on its node: a {@link HealthLevel} as {@code :healthy},
     * {@code :degraded} or {@code :down}, a Boolean as {@code :customer-side}. Nodes appear when the chart
     * first lays out a bar, so both the node and the value are followed.
     */
    private static <X, Y> void followExtraValue(ObservableList<XYChart.Data<X, Y>> bars) {
        for (XYChart.Data<X, Y> bar : bars) {
            follow(bar);
        }
        bars.addListener((ListChangeListener<XYChart.Data<X, Y>>) c -> {
            while (c.next()) {
                for (XYChart.Data<X, Y> bar : c.getAddedSubList()) {
                    follow(bar);
                }
            }
        });
    }

    private static <X, Y> void follow(XYChart.Data<X, Y> bar) {
        bar.nodeProperty().addListener((o, was, node) -> applyExtraValue(bar));
        bar.extraValueProperty().addListener((o, was, value) -> applyExtraValue(bar));
        applyExtraValue(bar);
    }

    private static void applyExtraValue(XYChart.Data<?, ?> bar) {
        Node node = bar.getNode();
        if (node == null) {
            return;
        }
        Object value = bar.getExtraValue();
        for (HealthLevel level : HealthLevel.values()) {
            if (level.pseudoClass() != null) {
                node.pseudoClassStateChanged(PseudoClass.getPseudoClass(level.pseudoClass()), level == value);
            }
        }
        node.pseudoClassStateChanged(CUSTOMER_SIDE, Boolean.TRUE.equals(value));
    }

    /**
     * Gives each chart a context menu with "Save as PNG…" (ids {@code save-png-success-rate}, {@code
     * save-png-p95-latency}, {@code save-png-success-by-issuer}, {@code save-png-error-mix}).
     */
    public void enablePngExport(io.payops.ui.fx.UiExecutor executor, java.util.function.Consumer<String> report) {
        ChartPng.install(successChart, "success-rate", executor, report);
        ChartPng.install(latencyChart, "p95-latency", executor, report);
        ChartPng.install(issuerChart, "success-by-issuer", executor, report);
        ChartPng.install(errorMixChart, "error-mix", executor, report);
    }

    public EventLineChart successChart() {
        return successChart;
    }

    public EventLineChart latencyChart() {
        return latencyChart;
    }

    public BarChart<String, Number> issuerChart() {
        return issuerChart;
    }
}
