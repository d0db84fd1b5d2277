package io.payops.ui.dashboard;

import javafx.beans.NamedArg;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A line chart over simulated time that also draws incident bands (shaded rectangles behind the lines, style class
 * {@code incident-band}) and action markers (a vertical rule with a flag on top, style classes {@code action-marker}
 * and {@code marker-executed} or {@code marker-rollback}), each with a tooltip. The usual technique: the extra
 * nodes live in the plot children and are placed in {@link #layoutPlotChildren()} from the x axis. A node is made
 * when its band or marker appears and removed when it leaves the (bounded) list; otherwise only moved.
 */
public class EventLineChart extends LineChart<Number, Number> {
    private final Map<Long, BandNode> bandNodes = new LinkedHashMap<>();
    private final Map<ActionMarker, MarkerNode> markerNodes = new HashMap<>();
    private ObservableList<IncidentBand> bands;
    private ObservableList<ActionMarker> markers;
    private final ListChangeListener<IncidentBand> bandsChanged = c -> syncBands();
    private final ListChangeListener<ActionMarker> markersChanged = c -> syncMarkers();

    private static final class BandNode {
        final Rectangle rect = new Rectangle();
        final Tooltip tooltip = Tooltips.wrapped("");
        IncidentBand band;

        BandNode() {
            rect.getStyleClass().add("incident-band");
            rect.setManaged(false);
            Tooltip.install(rect, tooltip);
        }
    }

    private static final class MarkerNode {
        final Group group = new Group();
        final Line rule = new Line();
        final Region flag = new Region();
        final Text label = new Text();
        final ActionMarker marker;

        MarkerNode(ActionMarker marker) {
            this.marker = marker;
            rule.getStyleClass().add("marker-line");
            flag.getStyleClass().add("marker-flag");
            label.getStyleClass().add("marker-label");
            label.setText(marker.label());
            label.setTextOrigin(javafx.geometry.VPos.TOP);
            group.getStyleClass().addAll("action-marker",
                    marker.kind() == ActionMarker.Kind.EXECUTED ? "marker-executed" : "marker-rollback");
            group.getChildren().addAll(rule, flag, label);
            group.setManaged(false);
            Tooltip.install(group, Tooltips.wrapped(marker.description()));
        }
    }

    public EventLineChart(@NamedArg("xAxis") Axis<Number> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
        setAnimated(false);
        setCreateSymbols(false);
        getStyleClass().add("event-line-chart");
    }

    /** Follows these lists (the ViewModel's) from now on. */
    public void showEvents(ObservableList<IncidentBand> incidentBands, ObservableList<ActionMarker> actionMarkers) {
        if (bands != null) {
            bands.removeListener(bandsChanged);
            markers.removeListener(markersChanged);
        }
        bands = incidentBands;
        markers = actionMarkers;
        bands.addListener(bandsChanged);
        markers.addListener(markersChanged);
        syncBands();
        syncMarkers();
    }

    /** The band rectangles now in the plot, for tests. */
    public int bandCount() {
        return bandNodes.size();
    }

    private void syncBands() {
        Set<Long> wanted = new HashSet<>();
        for (IncidentBand b : bands) {
            wanted.add(b.incidentId());
            BandNode node = bandNodes.get(b.incidentId());
            if (node == null) {
                node = new BandNode();
                bandNodes.put(b.incidentId(), node);
                getPlotChildren().add(0, node.rect); // behind the series lines
            }
            node.band = b;
            if (!b.description().equals(node.tooltip.getText())) {
                node.tooltip.setText(b.description());
            }
        }
        for (Iterator<Map.Entry<Long, BandNode>> it = bandNodes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, BandNode> e = it.next();
            if (!wanted.contains(e.getKey())) {
                getPlotChildren().remove(e.getValue().rect);
                it.remove();
            }
        }
        requestChartLayout();
    }

    private void syncMarkers() {
        Set<ActionMarker> wanted = new HashSet<>(markers);
        for (Iterator<Map.Entry<ActionMarker, MarkerNode>> it = markerNodes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<ActionMarker, MarkerNode> e = it.next();
            if (!wanted.contains(e.getKey())) {
                getPlotChildren().remove(e.getValue().group);
                it.remove();
            }
        }
        for (ActionMarker m : markers) {
            if (!markerNodes.containsKey(m)) {
                MarkerNode node = new MarkerNode(m);
                markerNodes.put(m, node);
                getPlotChildren().add(node.group); // in front of the lines
            }
        }
        requestChartLayout();
    }

    private static final double LABEL_ROW_HEIGHT = 12;

    /** Which row a marker's label takes: the first whose previous label (to the left) ends before this one starts. */
    private int labelRow(MarkerNode node, double at) {
        int row = 0;
        for (MarkerNode other : markerNodes.values()) {
            if (other != node && other.marker.atSeconds() < node.marker.atSeconds()) {
                double otherAt = getXAxis().getDisplayPosition(other.marker.atSeconds());
                double otherEnd = otherAt + other.label.getLayoutBounds().getWidth() + 10;
                if (otherEnd > at) {
                    row++;
                }
            }
        }
        return Math.min(row, 3);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        Axis<Number> x = getXAxis();
        double height = getYAxis().getHeight();
        for (BandNode node : bandNodes.values()) {
            double x0 = x.getDisplayPosition(node.band.startSeconds());
            double x1 = x.getDisplayPosition(node.band.endSeconds());
            node.rect.setX(x0);
            node.rect.setY(0);
            node.rect.setWidth(Math.max(1, x1 - x0));
            node.rect.setHeight(height);
        }
        for (MarkerNode node : markerNodes.values()) {
            double at = Math.round(x.getDisplayPosition(node.marker.atSeconds())) + 0.5; // crisp one-pixel rule
            node.rule.setStartX(at);
            node.rule.setEndX(at);
            node.rule.setStartY(0);
            node.rule.setEndY(height);
            double w = node.flag.prefWidth(-1);
            double h = node.flag.prefHeight(-1);
            node.flag.resizeRelocate(at - w / 2, 0, w, h);
            // the label beside the flag (before it when it would run past the plot's right edge, as a marker of
            // the last seconds does); markers close together stagger their labels down so they do not overprint
            double labelWidth = node.label.getLayoutBounds().getWidth();
            boolean fitsAfter = at + w / 2 + 2 + labelWidth <= x.getWidth();
            node.label.setX(fitsAfter ? at + w / 2 + 2 : at - w / 2 - 2 - labelWidth);
            node.label.setY(labelRow(node, at) * LABEL_ROW_HEIGHT);
        }
    }
}
