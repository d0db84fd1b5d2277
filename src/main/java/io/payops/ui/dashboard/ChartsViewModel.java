package io.payops.ui.dashboard;

import io.payops.domain.Dimension;
import io.payops.domain.Frame;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.SessionInfo;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data behind the dashboard's four charts: success rate and p95 latency over simulated time (with incident
 * bands and action markers), success by issuer, and the error mix.
 *
 * <p>The time charts get one point per frame, from every frame of the batch. A point is the frame's per-second
 * totals ({@code snapshot.recentTotal()}) rolled over the last {@value #SMOOTHING_SECONDS} seconds: per-second
 * figures alone swing by ±8 points at 40 payments/s, and the 60 s window total lags a whole minute, so a drop would
 * start well after its incident band; a 10 s roll is exact for the success rate (a ratio of sums), steady enough to
 * read, and lines up with the bands and markers within a few seconds. The p95 point is the attempt-weighted mean
 * of the per-second p95s (percentiles do not add up; this is for display only). The baseline series show the
 * agent's references ({@link Baselines}), the "normal" it compares against, held still while traffic is in alarm;
 * they drift a little every tick while learning, so the lines move only when the reference has moved by a step
 * ({@value #SUCCESS_BASE_STEP} point, {@value #LATENCY_BASE_STEP} ms), and runs of equal values are kept as two points.
 *
 * <p>Everything is bounded: points, bands and markers ({@link ChartEvents}) older than
 * {@value #HISTORY_SECONDS} simulated seconds are dropped, with hard caps in case frames come faster than one per
 * second. A replay (a session that is not live) keeps its whole history instead, up to {@value #MAX_REPLAY_POINTS}
 * points, and the time axes span it from its start: what led up to the moment sought is the point of scrubbing. Observable lists change once per batch (one addAll, one range remove), bars change values in place, and
 * the axis ranges follow running extremes rather than rescanning the points.
 */
public final class ChartsViewModel implements FrameListener {
    /** Simulated seconds of history the time charts keep and show. */
    public static final double HISTORY_SECONDS = 900;
    /** Seconds the per-second totals are rolled over for one point. */
    static final int SMOOTHING_SECONDS = 10;
    /** Safety caps, should frames come faster than one per simulated second. */
    static final int MAX_POINTS = 3_600;
    /** Points a replay keeps: two hours at one frame a second; a replay feeds no more than this many seconds. */
    public static final int MAX_REPLAY_POINTS = 7_200;
    /** Categories of the issuer chart beyond the world's issuers (e.g. from an event log) stop here. */
    static final int MAX_ISSUERS = 12;
    /** The time axis never spans less than this, so the first minute is not stretched across the chart. */
    static final double MIN_SPAN_SECONDS = 120;
    private static final double[] TIME_TICKS = {5, 10, 15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600};

    public static final String SUCCESS_SERIES = "success, 10 s";
    public static final String LATENCY_SERIES = "p95, 10 s";
    public static final String BASELINE_SERIES = "baseline";
    public static final String ISSUER_NOW_SERIES = "window";
    public static final String ISSUER_BASELINE_SERIES = "baseline";
    public static final String ERROR_MIX_SERIES = "share of failed attempts";

    private final ObservableList<XYChart.Data<Number, Number>> successPoints = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> successBaselinePoints =
            FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> latencyPoints = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> latencyBaselinePoints =
            FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<String, Number>> issuerSuccess = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<String, Number>> issuerBaseline = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, String>> errorMix = FXCollections.observableArrayList();

    // read-only views, made once (each unmodifiableObservableList call makes a new wrapper)
    private final ObservableList<XYChart.Data<Number, Number>> successPointsView =
            FXCollections.unmodifiableObservableList(successPoints);
    private final ObservableList<XYChart.Data<Number, Number>> successBaselinePointsView =
            FXCollections.unmodifiableObservableList(successBaselinePoints);
    private final ObservableList<XYChart.Data<Number, Number>> latencyPointsView =
            FXCollections.unmodifiableObservableList(latencyPoints);
    private final ObservableList<XYChart.Data<Number, Number>> latencyBaselinePointsView =
            FXCollections.unmodifiableObservableList(latencyBaselinePoints);
    private final ObservableList<XYChart.Data<String, Number>> issuerSuccessView =
            FXCollections.unmodifiableObservableList(issuerSuccess);
    private final ObservableList<XYChart.Data<String, Number>> issuerBaselineView =
            FXCollections.unmodifiableObservableList(issuerBaseline);
    private final ObservableList<XYChart.Data<Number, String>> errorMixView =
            FXCollections.unmodifiableObservableList(errorMix);

    private final ReadOnlyDoubleWrapper timeLower = new ReadOnlyDoubleWrapper(this, "timeLower");
    private final ReadOnlyDoubleWrapper timeUpper = new ReadOnlyDoubleWrapper(this, "timeUpper");
    private final ReadOnlyDoubleWrapper timeTick = new ReadOnlyDoubleWrapper(this, "timeTick");
    private final ReadOnlyDoubleWrapper successLower = new ReadOnlyDoubleWrapper(this, "successLower");
    private final ReadOnlyDoubleWrapper successTick = new ReadOnlyDoubleWrapper(this, "successTick");
    private final ReadOnlyDoubleWrapper latencyUpper = new ReadOnlyDoubleWrapper(this, "latencyUpper");
    private final ReadOnlyDoubleWrapper latencyTick = new ReadOnlyDoubleWrapper(this, "latencyTick");
    private final ReadOnlyDoubleWrapper issuerLower = new ReadOnlyDoubleWrapper(this, "issuerLower");
    private final ReadOnlyDoubleWrapper issuerTick = new ReadOnlyDoubleWrapper(this, "issuerTick");

    /** The extremes the value axes follow, kept as points come and go. */
    private final SlidingExtreme lowestSuccess = SlidingExtreme.min();
    private final SlidingExtreme highestLatency = SlidingExtreme.max();
    private final ChartEvents events = new ChartEvents();
    /** Per-second totals of the last {@link #SMOOTHING_SECONDS} seconds, oldest first. */
    private final ArrayDeque<SecondTotals> roll = new ArrayDeque<>();
    private final Map<String, XYChart.Data<String, Number>> issuerBars = new HashMap<>();
    private final Map<String, XYChart.Data<String, Number>> issuerBaselineBars = new HashMap<>();
    private final Map<Status, XYChart.Data<Number, String>> errorBars = new HashMap<>();

    private record SecondTotals(long second, long attempts, long successes, double p95) {
    }

    /** Simulated seconds of history kept: {@link #HISTORY_SECONDS} live, all of it in a replay. */
    private double historySeconds = HISTORY_SECONDS;
    private int maxPoints = MAX_POINTS;

    public ChartsViewModel() {
        reset();
    }

    // ---------------------------------------------------------------- read-only views for the charts

    /** Success rate in %, one point per frame, x in simulated seconds. */
    public ObservableList<XYChart.Data<Number, Number>> successPoints() {
        return successPointsView;
    }

    /** The baseline success rate in %, as steps: a run of equal values is its first and last point. */
    public ObservableList<XYChart.Data<Number, Number>> successBaselinePoints() {
        return successBaselinePointsView;
    }

    /** p95 latency in ms, one point per frame. */
    public ObservableList<XYChart.Data<Number, Number>> latencyPoints() {
        return latencyPointsView;
    }

    /** The baseline p95 in ms, as steps. */
    public ObservableList<XYChart.Data<Number, Number>> latencyBaselinePoints() {
        return latencyBaselinePointsView;
    }

    public ObservableList<IncidentBand> incidentBands() {
        return events.incidentBands();
    }

    public ObservableList<ActionMarker> actionMarkers() {
        return events.actionMarkers();
    }

    /**
     * Success % per issuer over the window, one bar per issuer of the world, values changed in place. Each item's
     * {@code extraValue} is its {@link HealthLevel} against that issuer's baseline.
     */
    public ObservableList<XYChart.Data<String, Number>> issuerSuccess() {
        return issuerSuccessView;
    }

    public ObservableList<XYChart.Data<String, Number>> issuerBaseline() {
        return issuerBaselineView;
    }

    /**
     * Each failure status's share of the window's failed attempts, in %, values changed in place. Each item's
     * {@code extraValue} is a Boolean: true for customer-side failures (declines, funds), which routing cannot fix.
     */
    public ObservableList<XYChart.Data<Number, String>> errorMix() {
        return errorMixView;
    }

    public ReadOnlyDoubleProperty timeLowerProperty() {
        return timeLower.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty timeUpperProperty() {
        return timeUpper.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty timeTickProperty() {
        return timeTick.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty successLowerProperty() {
        return successLower.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty successTickProperty() {
        return successTick.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty latencyUpperProperty() {
        return latencyUpper.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty latencyTickProperty() {
        return latencyTick.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty issuerLowerProperty() {
        return issuerLower.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty issuerTickProperty() {
        return issuerTick.getReadOnlyProperty();
    }

    /** Tick labels of the time axes: simulated seconds as a clock ("5:00"). */
    public StringConverter<Number> timeLabels() {
        return new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return DashboardFormat.clock(seconds.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("tick labels are not parsed");
            }
        };
    }

    /** Tick labels of the value axes: whole numbers without grouping ("1500", not "1,500"). */
    public StringConverter<Number> valueLabels() {
        return new StringConverter<>() {
            @Override
            public String toString(Number v) {
                double d = v.doubleValue();
                return String.format(Locale.ROOT, d == Math.rint(d) ? "%.0f" : "%.1f", d);
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("tick labels are not parsed");
            }
        };
    }

    /** The baseline lines move when the reference has moved this far (points of success, ms of p95). */
    static final double SUCCESS_BASE_STEP = 0.2;
    static final double LATENCY_BASE_STEP = 5;
    private double shownSuccessBase = Double.NaN;
    private double shownLatencyBase = Double.NaN;

    /** The value a baseline line shows: the one shown, until the reference has moved at least {@code step} away. */
    private static double settled(double shown, double now, double step) {
        return !Double.isNaN(shown) && Math.abs(now - shown) < step ? shown : Math.round(now * 10) / 10.0;
    }

    // ---------------------------------------------------------------- frames

    @Override
    public void onSessionStart(SessionInfo session) {
        historySeconds = session.live() ? HISTORY_SECONDS : Double.POSITIVE_INFINITY;
        maxPoints = session.live() ? MAX_POINTS : MAX_REPLAY_POINTS;
        reset();
        for (String issuer : session.world().names(Dimension.ISSUER)) {
            addIssuer(issuer);
        }
    }

    @Override
    public void onFrames(FrameBatch batch) {
        int size = batch.frames().size();
        List<XYChart.Data<Number, Number>> success = new ArrayList<>(size);
        List<XYChart.Data<Number, Number>> latency = new ArrayList<>(size);
        // baseline values as numbers: a point is made only where the step series needs one (a replay's seek feeds
        // an hour of frames at once, and most of them only move the end of a run)
        double[] baseX = new double[size];
        double[] baseSuccess = new double[size];
        int bases = 0;
        double[] latencyBaseX = new double[size];
        double[] baseLatency = new double[size];
        int latencyBases = 0;
        for (Frame f : batch.frames()) {
            double x = f.simSeconds();
            Snapshot s = f.snapshot();
            SegmentStats recent = s.recentTotal() != null ? s.recentTotal() : s.total();
            roll(recent, f.simMillis());
            long attempts = 0;
            long successes = 0;
            double p95Weighted = 0;
            for (SecondTotals t : roll) {
                attempts += t.attempts();
                successes += t.successes();
                p95Weighted += t.p95() * t.attempts();
            }
            if (attempts > 0) {
                success.add(new XYChart.Data<>(x, 100.0 * successes / attempts));
                latency.add(new XYChart.Data<>(x, p95Weighted / attempts));
            }
            Baselines.Baseline base = Baselines.of(f).total();
            if (base != null) {
                shownSuccessBase = settled(shownSuccessBase, base.successRate() * 100, SUCCESS_BASE_STEP);
                baseX[bases] = x;
                baseSuccess[bases++] = shownSuccessBase;
                if (base.p95Ms() > 0) {
                    shownLatencyBase = settled(shownLatencyBase, base.p95Ms(), LATENCY_BASE_STEP);
                    latencyBaseX[latencyBases] = x;
                    baseLatency[latencyBases++] = shownLatencyBase;
                }
            }
            events.follow(f);
        }
        double now = batch.latest().simSeconds();
        double cutoff = now - historySeconds;
        append(successPoints, success, cutoff, lowestSuccess, maxPoints);
        appendStep(successBaselinePoints, baseX, baseSuccess, bases, cutoff);
        append(latencyPoints, latency, cutoff, highestLatency, maxPoints);
        appendStep(latencyBaselinePoints, latencyBaseX, baseLatency, latencyBases, cutoff);
        events.publish(cutoff);
        showIssuers(batch.latest().snapshot(), Baselines.of(batch.latest()));
        showErrorMix(batch.latest().snapshot().total());
        updateTimeAxis(now);
        updateValueAxes();
    }

    private void roll(SegmentStats recent, long simMillis) {
        long second = Math.floorDiv(simMillis, 1000);
        SecondTotals t = new SecondTotals(second, recent.attempts(), recent.successes(), recent.p95());
        // With ticks shorter than a second several frames report the same second: count it once.
        if (!roll.isEmpty() && roll.peekLast().second() == second) {
            roll.pollLast();
        }
        roll.addLast(t);
        while (roll.size() > SMOOTHING_SECONDS) {
            roll.pollFirst();
        }
    }

    private static void append(ObservableList<XYChart.Data<Number, Number>> target,
                               List<XYChart.Data<Number, Number>> fresh, double cutoff, SlidingExtreme extreme,
                               int maxPoints) {
        if (!fresh.isEmpty()) {
            target.addAll(fresh);
            for (XYChart.Data<Number, Number> d : fresh) {
                extreme.add(x(d), d.getYValue().doubleValue());
            }
        }
        int old = 0;
        int excess = target.size() - maxPoints;
        while (old < target.size() && (old < excess || x(target.get(old)) < cutoff)) {
            old++;
        }
        if (old > 0) {
            target.remove(0, old);
        }
        extreme.dropBefore(target.isEmpty() ? Double.MAX_VALUE : x(target.get(0)));
    }

    /**
     * Appends to a series that changes in steps (the baseline is refreshed once a slot): a run of equal values is
     * kept as its first and last point, the last one moved along, so the series holds a few dozen points rather
     * than one per frame. The first point is clamped to the cutoff rather than dropped while the line still
     * needs it.
     */
    private static void appendStep(ObservableList<XYChart.Data<Number, Number>> target, double[] xs, double[] ys,
                                   int count, double cutoff) {
        for (int i = 0; i < count; i++) {
            int n = target.size();
            if (n >= 2 && y(target.get(n - 1)) == ys[i] && y(target.get(n - 2)) == ys[i]) {
                target.get(n - 1).setXValue(xs[i]);
            } else {
                target.add(new XYChart.Data<>(xs[i], ys[i]));
            }
        }
        int old = 0;
        while (target.size() - old >= 2 && x(target.get(old + 1)) <= cutoff) {
            old++;
        }
        if (old > 0) {
            target.remove(0, old);
        }
        if (!target.isEmpty() && x(target.get(0)) < cutoff) {
            target.get(0).setXValue(cutoff);
        }
    }

    private static double y(XYChart.Data<Number, Number> d) {
        return d.getYValue().doubleValue();
    }

    private static double x(XYChart.Data<Number, ?> d) {
        return d.getXValue().doubleValue();
    }

    // ---------------------------------------------------------------- bars

    private void addIssuer(String issuer) {
        if (issuerBars.containsKey(issuer) || issuerBars.size() >= MAX_ISSUERS) {
            return;
        }
        XYChart.Data<String, Number> now = new XYChart.Data<>(issuer, 0);
        now.setExtraValue(HealthLevel.NEUTRAL);
        XYChart.Data<String, Number> base = new XYChart.Data<>(issuer, 0);
        issuerBars.put(issuer, now);
        issuerBaselineBars.put(issuer, base);
        issuerSuccess.add(now);
        issuerBaseline.add(base);
    }

    private void showIssuers(Snapshot s, Baselines baselines) {
        Map<String, SegmentStats> window = issuerSegments(s.segments());
        for (String issuer : window.keySet()) {
            addIssuer(issuer); // a session started without a world (or an unknown issuer): learn it from traffic
        }
        for (Map.Entry<String, XYChart.Data<String, Number>> e : issuerBars.entrySet()) {
            SegmentStats w = window.get(e.getKey());
            Baselines.Baseline b = baselines.of(Target.of(Dimension.ISSUER, e.getKey()));
            double rate = w != null && w.attempts() > 0 ? w.successRate() * 100 : 0;
            double base = b != null ? b.successRate() * 100 : 0;
            setIfChanged(e.getValue(), rate);
            setIfChanged(issuerBaselineBars.get(e.getKey()), base);
            HealthLevel level = w == null || b == null ? HealthLevel.NEUTRAL
                    : base - rate >= KpiTilesViewModel.DOWN_DROP_POINTS ? HealthLevel.DOWN
                    : base - rate >= KpiTilesViewModel.DEGRADED_DROP_POINTS ? HealthLevel.DEGRADED
                    : HealthLevel.HEALTHY;
            if (e.getValue().getExtraValue() != level) {
                e.getValue().setExtraValue(level);
            }
        }
    }

    private static Map<String, SegmentStats> issuerSegments(List<SegmentStats> segments) {
        Map<String, SegmentStats> out = new LinkedHashMap<>();
        for (SegmentStats seg : segments) {
            if (seg.target().size() == 1 && seg.target().has(Dimension.ISSUER)) {
                out.put(seg.target().get(Dimension.ISSUER), seg);
            }
        }
        return out;
    }

    private void showErrorMix(SegmentStats total) {
        long failures = total == null ? 0 : total.failures();
        for (Map.Entry<Status, XYChart.Data<Number, String>> e : errorBars.entrySet()) {
            double share = failures == 0 ? 0 : 100.0 * total.count(e.getKey()) / failures;
            XYChart.Data<Number, String> bar = e.getValue();
            if (bar.getXValue().doubleValue() != share) {
                bar.setXValue(share);
            }
        }
    }

    private static void setIfChanged(XYChart.Data<String, Number> bar, double value) {
        if (bar.getYValue().doubleValue() != value) {
            bar.setYValue(value);
        }
    }

    // ---------------------------------------------------------------- axes

    /**
     * The time axes span the history kept (live: the last {@value #HISTORY_SECONDS} s; at least
     * {@value #MIN_SPAN_SECONDS} s) and move in
     * steps of a twelfth of a tick, not on every frame: a JavaFX axis rebuilds all its tick labels whenever its
     * range changes, so a range that changes less often is much cheaper, and a step of a few pixels still reads
     * as smooth scrolling.
     */
    private void updateTimeAxis(double now) {
        double span = Math.min(historySeconds, Math.max(MIN_SPAN_SECONDS, now));
        double tick = timeTick(span);
        double step = Math.max(1, tick / 12);
        double upper = Math.max(MIN_SPAN_SECONDS, Math.ceil(now / step) * step);
        timeLower.set(Math.max(0, upper - historySeconds));
        timeUpper.set(upper);
        timeTick.set(tick);
    }

    static double timeTick(double span) {
        for (double t : TIME_TICKS) {
            if (span / t <= 8) {
                return t;
            }
        }
        return TIME_TICKS[TIME_TICKS.length - 1];
    }

    private void updateValueAxes() {
        double minSuccess = Math.min(lowestSuccess.get(Double.MAX_VALUE), min(successBaselinePoints));
        double lower = percentLower(minSuccess);
        successLower.set(lower);
        successTick.set(percentTick(lower));
        double maxLatency = Math.max(highestLatency.get(0), max(latencyBaselinePoints));
        double step = niceStep(Math.max(maxLatency, 100) * 1.1 / 4);
        latencyTick.set(step);
        latencyUpper.set(Math.ceil(Math.max(maxLatency, 100) * 1.1 / step) * step);
        double minIssuer = Double.MAX_VALUE;
        for (XYChart.Data<String, Number> d : issuerSuccess) {
            double v = d.getYValue().doubleValue();
            if (v > 0) {
                minIssuer = Math.min(minIssuer, v);
            }
        }
        for (XYChart.Data<String, Number> d : issuerBaseline) {
            double v = d.getYValue().doubleValue();
            if (v > 0) {
                minIssuer = Math.min(minIssuer, v);
            }
        }
        double issuerMin = percentLower(minIssuer);
        issuerLower.set(issuerMin);
        issuerTick.set(percentTick(issuerMin));
    }

    /** A round lower bound a little under the lowest value, so a small dip is visible; 80 % with no data. */
    static double percentLower(double min) {
        if (min == Double.MAX_VALUE) {
            return 80;
        }
        return Math.max(0, Math.min(90, Math.floor((min - 2) / 5) * 5));
    }

    static double percentTick(double lower) {
        double span = 100 - lower;
        return span <= 20 ? 5 : span <= 50 ? 10 : 20;
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double min(List<XYChart.Data<Number, Number>> points) {
        double m = Double.MAX_VALUE;
        for (XYChart.Data<Number, Number> d : points) {
            m = Math.min(m, d.getYValue().doubleValue());
        }
        return m;
    }

    private static double max(List<XYChart.Data<Number, Number>> points) {
        double m = 0;
        for (XYChart.Data<Number, Number> d : points) {
            m = Math.max(m, d.getYValue().doubleValue());
        }
        return m;
    }

    // ---------------------------------------------------------------- reset

    private void reset() {
        shownSuccessBase = Double.NaN;
        shownLatencyBase = Double.NaN;
        successPoints.clear();
        successBaselinePoints.clear();
        latencyPoints.clear();
        latencyBaselinePoints.clear();
        roll.clear();
        events.clear();
        lowestSuccess.clear();
        highestLatency.clear();
        issuerBars.clear();
        issuerBaselineBars.clear();
        issuerSuccess.clear();
        issuerBaseline.clear();
        errorBars.clear();
        List<XYChart.Data<Number, String>> mix = new ArrayList<>();
        for (Status s : Status.values()) {
            if (!s.success()) {
                XYChart.Data<Number, String> bar = new XYChart.Data<>(0, s.name());
                bar.setExtraValue(s.customerSide());
                errorBars.put(s, bar);
                mix.add(0, bar); // a horizontal category axis lists from the bottom: reversed reads top-down
            }
        }
        errorMix.setAll(mix);
        updateTimeAxis(0);
        updateValueAxes();
    }
}
