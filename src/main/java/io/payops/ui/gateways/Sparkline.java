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
    /** Below 50% a gateway is down whatever the exact number, so the line never spends its height below 50%. */
    private static final double FLOOR = 0.5;
    /**
     * The narrowest span the line is drawn over (10 points): the scale fits the points and the baseline, so a
     * healthy 94–96% moves visibly instead of hugging the top of a 50–100% scale, but noise is not blown up.
     */
    private static final double MIN_SPAN = 0.10;
    private double low = FLOOR;
    private double high = 1;

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
        fitScale();
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

    /** The scale: from the lowest to the highest of the points and the baseline, at least {@link #MIN_SPAN} wide. */
    private void fitScale() {
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (SparkPoint p : points) {
            if (!Double.isNaN(p.success())) {
                lo = Double.isNaN(lo) ? p.success() : Math.min(lo, p.success());
                hi = Double.isNaN(hi) ? p.success() : Math.max(hi, p.success());
            }
        }
        if (!Double.isNaN(baselineValue)) {
            lo = Double.isNaN(lo) ? baselineValue : Math.min(lo, baselineValue);
            hi = Double.isNaN(hi) ? baselineValue : Math.max(hi, baselineValue);
        }
        if (Double.isNaN(lo)) {
            low = FLOOR;
            high = 1;
            return;
        }
        high = Math.min(1, hi + 0.01);
        low = Math.max(FLOOR, Math.min(lo - 0.01, high - MIN_SPAN));
        if (high - low < MIN_SPAN) {
            high = Math.min(1, low + MIN_SPAN);
        }
    }

    /** 0 at the top of the scale, 1 at its bottom (or below). */
    private double y(double success) {
        double clamped = Math.max(low, Math.min(high, success));
        return (high - clamped) / (high - low);
    }
}
