package io.payops.ui.gateways;

import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny success-rate line with the baseline as a faint reference, drawn as one {@link Path} whose elements are
 * replaced when the data changes (no chart, no axes, no node churn). Time runs right to the newest point over a fixed
 * window; a gap (no traffic) breaks the line. Colours come from CSS: {@code .sparkline-line}, {@code .sparkline-baseline}.
 */
public final class Sparkline extends Region {
    /** Below 50% a gateway is down whatever the exact number, so the line spends its height on 50..100%. */
    private static final double FLOOR = 0.5;

    private final Path line = new Path();
    private final Line baseline = new Line();
    private List<SparkPoint> points = List.of();
    private double baselineValue = Double.NaN;
    private double windowSeconds = GatewayCardViewModel.SPARKLINE_SECONDS;

    public Sparkline() {
        getStyleClass().add("sparkline");
        line.getStyleClass().add("sparkline-line");
        baseline.getStyleClass().add("sparkline-baseline");
        line.setManaged(false);
        baseline.setManaged(false);
        getChildren().addAll(baseline, line);
    }

    /** New data: redraws at once at the current size. */
    public void show(List<SparkPoint> newPoints, double newBaseline, double newWindowSeconds) {
        points = newPoints;
        baselineValue = newBaseline;
        windowSeconds = newWindowSeconds;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        redraw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 120;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 30;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 18;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 40;
    }

    private void redraw() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double w = getWidth() - left - snappedRightInset();
        double h = getHeight() - top - snappedBottomInset();
        if (w <= 0 || h <= 0) {
            return;
        }
        double newest = points.isEmpty() ? 0 : points.get(points.size() - 1).seconds();
        List<PathElement> elements = new ArrayList<>(points.size());
        boolean drawing = false;
        for (SparkPoint p : points) {
            if (Double.isNaN(p.success())) {
                drawing = false;
                continue;
            }
            double x = left + w * (1 - (newest - p.seconds()) / windowSeconds);
            double y = top + h * y(p.success());
            elements.add(drawing ? new LineTo(x, y) : new MoveTo(x, y));
            drawing = true;
        }
        line.getElements().setAll(elements);
        baseline.setVisible(!Double.isNaN(baselineValue));
        double by = top + h * y(Double.isNaN(baselineValue) ? 1 : baselineValue);
        baseline.setStartX(left);
        baseline.setEndX(left + w);
        baseline.setStartY(by);
        baseline.setEndY(by);
    }

    /** 0 at the top (100%), 1 at the bottom (the floor or below). */
    private static double y(double success) {
        double clamped = Math.max(FLOOR, Math.min(1, success));
        return (1 - clamped) / (1 - FLOOR);
    }
}
