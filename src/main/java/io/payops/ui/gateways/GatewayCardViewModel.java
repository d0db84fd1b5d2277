package io.payops.ui.gateways;

import io.payops.domain.Dimension;
import io.payops.domain.Frame;
import io.payops.domain.RoutingState;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;
import io.payops.ui.fx.FrameBatch;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * One gateway's card: health, effective traffic share, its circuit and its path circuits, window success rate, p95
 * and payments/s, and a short success-rate history. Created by {@link GatewaysViewModel} for each session; fed with
 * {@link #apply(FrameBatch)} on the FX thread.
 */
public final class GatewayCardViewModel {
    /**
     * The sparkline covers this many simulated seconds; frames are one simulated second apart, so it holds at most
     * about this many points (bounded also by {@link #SPARKLINE_MAX_POINTS} in case ticks get shorter).
     */
    public static final double SPARKLINE_SECONDS = 120;
    static final int SPARKLINE_MAX_POINTS = 240;
    /** Fewer attempts than this in the window (a probe, a drained gateway) say too little to judge by success or p95. */
    static final long MIN_ATTEMPTS_TO_JUDGE = 20;
    static final String NO_DATA = "—";

    private final String gateway;
    private final Target target;
    private final double startingShare;
    private final Deque<SparkPoint> history = new ArrayDeque<>();

    private final ReadOnlyObjectWrapper<GatewayHealth> health = new ReadOnlyObjectWrapper<>(this, "health", GatewayHealth.HEALTHY);
    private final ReadOnlyStringWrapper healthText = new ReadOnlyStringWrapper(this, "healthText", GatewayHealth.HEALTHY.key());
    private final ReadOnlyStringWrapper healthReason = new ReadOnlyStringWrapper(this, "healthReason", "no traffic seen yet");
    private final ReadOnlyObjectWrapper<CircuitState> circuit = new ReadOnlyObjectWrapper<>(this, "circuit", CircuitState.CLOSED);
    private final ReadOnlyStringWrapper circuitText = new ReadOnlyStringWrapper(this, "circuitText", CircuitState.CLOSED.key());
    private final ReadOnlyDoubleWrapper weightShare = new ReadOnlyDoubleWrapper(this, "weightShare");
    private final ReadOnlyStringWrapper weightText = new ReadOnlyStringWrapper(this, "weightText");
    private final ReadOnlyStringWrapper pathsText = new ReadOnlyStringWrapper(this, "pathsText", "paths: none open");
    private final ReadOnlyObjectWrapper<CircuitState> worstPath = new ReadOnlyObjectWrapper<>(this, "worstPath", CircuitState.CLOSED);
    private final ReadOnlyStringWrapper successText = new ReadOnlyStringWrapper(this, "successText", NO_DATA);
    private final ReadOnlyStringWrapper p95Text = new ReadOnlyStringWrapper(this, "p95Text", NO_DATA);
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper(this, "rateText", NO_DATA);
    private final ReadOnlyDoubleWrapper baselineSuccess = new ReadOnlyDoubleWrapper(this, "baselineSuccess", Double.NaN);
    private final ObservableList<SparkPoint> sparkline = FXCollections.observableArrayList();
    private final ObservableList<SparkPoint> sparklineView = FXCollections.unmodifiableObservableList(sparkline);

    /**
     * @param gateway       the gateway's name, e.g. "stripe"
     * @param startingShare its share of the total weight when the session started, 0..1 (for "weight cut" health)
     */
    public GatewayCardViewModel(String gateway, double startingShare) {
        this.gateway = gateway;
        this.target = Target.gateway(gateway);
        this.startingShare = startingShare;
        weightShare.set(startingShare);
        weightText.set(percent(startingShare, 0));
    }

    /** The frames since the last pulse: the sparkline takes one point per frame, everything else reads the latest. */
    public void apply(FrameBatch batch) {
        for (Frame f : batch.frames()) {
            SegmentStats s = f.snapshot().segment(target);
            history.addLast(new SparkPoint(f.simSeconds(), s == null || s.attempts() == 0 ? Double.NaN : s.successRate()));
        }
        double oldest = batch.latest().simSeconds() - SPARKLINE_SECONDS;
        while (!history.isEmpty() && (history.size() > SPARKLINE_MAX_POINTS || history.peekFirst().seconds() < oldest)) {
            history.removeFirst();
        }
        sparkline.setAll(history);
        show(batch.latest());
    }

    private void show(Frame frame) {
        RoutingState routing = frame.routing();
        Snapshot snapshot = frame.snapshot();
        SegmentStats now = snapshot.segment(target);
        SegmentStats base = snapshot.baseline(target);
        CircuitState own = CircuitState.of(routing, target);
        CircuitState paths = showPaths(routing);
        double share = TrafficShare.effective(routing, gateway);

        circuit.set(own);
        circuitText.set(own.key());
        weightShare.set(share);
        weightText.set(percent(share, 0));
        boolean traffic = now != null && now.attempts() > 0;
        successText.set(traffic ? percent(now.successRate(), 1) : NO_DATA);
        p95Text.set(traffic ? String.format(Locale.ROOT, "%.0f ms", now.p95()) : NO_DATA);
        rateText.set(traffic ? rate(paymentsPerSecond(now)) : NO_DATA);
        baselineSuccess.set(base == null || base.attempts() == 0 ? Double.NaN : base.successRate());

        Verdict v = judge(own, paths, share, startingShare, now, base);
        health.set(v.health());
        healthText.set(v.health().key());
        healthReason.set(v.reason());
    }

    /** Path circuits are those on this gateway plus one issuer or method, e.g. {gateway: stripe, issuer: SBI}. */
    private CircuitState showPaths(RoutingState routing) {
        List<String> parts = new ArrayList<>();
        CircuitState worst = CircuitState.CLOSED;
        for (Target t : routing.openCircuits()) {
            if (isPathOfThisGateway(t)) {
                parts.add(pathName(t) + " " + CircuitState.OPEN.key());
                worst = CircuitState.OPEN;
            }
        }
        for (Target t : routing.halfOpenCircuits()) {
            if (isPathOfThisGateway(t)) {
                parts.add(pathName(t) + " " + CircuitState.HALF_OPEN.key());
                worst = worst == CircuitState.OPEN ? worst : CircuitState.HALF_OPEN;
            }
        }
        pathsText.set(parts.isEmpty() ? "paths: none open" : "paths: " + String.join(", ", parts));
        worstPath.set(worst);
        return worst;
    }

    private boolean isPathOfThisGateway(Target t) {
        return t.size() > 1 && gateway.equals(t.get(Dimension.GATEWAY));
    }

    private static String pathName(Target t) {
        return String.join("+", t.without(Dimension.GATEWAY).values().values());
    }

    /** A health verdict and the reason for it, in words for the card's tooltip. */
    record Verdict(GatewayHealth health, String reason) {
    }

    /**
     * The health rule. Down when payments sent there mostly fail: its circuit is open (it gets nothing) or its window
     * success rate is under 50%. Degraded when an operator should look before it becomes an outage: success more than
     * 5 points below the gateway's own baseline (gateways differ by a few points, so each is compared with itself),
     * p95 at 1.5× its baseline or more (gateways slow down before they fail, and timeouts follow), a path circuit or
     * its own circuit open or probing (some of its traffic is cut off), or its share cut to half or less of where it
     * started (the agent distrusts it even when the numbers look fine; the agent's usual cut is exactly half, hence
     * "or less"). Success and p95 are judged only with {@link #MIN_ATTEMPTS_TO_JUDGE} attempts in the window.
     */
    static Verdict judge(CircuitState own, CircuitState paths, double share, double startingShare,
                         SegmentStats now, SegmentStats base) {
        boolean judged = now != null && now.attempts() >= MIN_ATTEMPTS_TO_JUDGE;
        if (own == CircuitState.OPEN) {
            return new Verdict(GatewayHealth.DOWN, "circuit open: no payments are sent to it");
        }
        if (judged && now.successRate() < 0.5) {
            return new Verdict(GatewayHealth.DOWN, "success " + percent(now.successRate(), 1) + " is under 50%");
        }
        boolean baseJudged = judged && base != null && base.attempts() >= MIN_ATTEMPTS_TO_JUDGE;
        if (baseJudged && now.successRate() < base.successRate() - 0.05) {
            return new Verdict(GatewayHealth.DEGRADED, "success " + percent(now.successRate(), 1)
                    + " is more than 5 points below its baseline " + percent(base.successRate(), 1));
        }
        if (baseJudged && base.p95() > 0 && now.p95() >= 1.5 * base.p95()) {
            return new Verdict(GatewayHealth.DEGRADED, String.format(Locale.ROOT,
                    "p95 %.0f ms is at least 1.5× its baseline %.0f ms", now.p95(), base.p95()));
        }
        if (own == CircuitState.HALF_OPEN) {
            return new Verdict(GatewayHealth.DEGRADED, "circuit half-open: only probe traffic goes through");
        }
        if (paths != CircuitState.CLOSED) {
            return new Verdict(GatewayHealth.DEGRADED, "a path circuit is " + paths.key());
        }
        if (startingShare > 0 && share <= startingShare / 2 + 1e-9) {
            return new Verdict(GatewayHealth.DEGRADED, "traffic share cut to " + percent(share, 0)
                    + " from " + percent(startingShare, 0));
        }
        return new Verdict(GatewayHealth.HEALTHY, judged ? "within its baseline" : "too little traffic to judge; routing is normal");
    }

    /** Payments (first attempts) per second: the window's attempt rate divided by the retry amplification. */
    private static double paymentsPerSecond(SegmentStats s) {
        return s.attempts() == 0 ? 0 : s.attemptsPerSecond() * s.payments() / s.attempts();
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 100 ? "%.1f/s" : "%.0f/s", perSecond);
    }

    static String percent(double share, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", share * 100);
    }

    public String gateway() {
        return gateway;
    }

    public ReadOnlyObjectProperty<GatewayHealth> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public GatewayHealth getHealth() {
        return health.get();
    }

    /** "healthy", "degraded" or "down". */
    public ReadOnlyStringProperty healthTextProperty() {
        return healthText.getReadOnlyProperty();
    }

    /** Why the health is what it is, in a sentence. */
    public ReadOnlyStringProperty healthReasonProperty() {
        return healthReason.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CircuitState> circuitProperty() {
        return circuit.getReadOnlyProperty();
    }

    /** "closed", "open" or "half-open". */
    public ReadOnlyStringProperty circuitTextProperty() {
        return circuitText.getReadOnlyProperty();
    }

    /** The share of new payments routed here, 0..1 (0 while its circuit is open). */
    public ReadOnlyDoubleProperty weightShareProperty() {
        return weightShare.getReadOnlyProperty();
    }

    /** The share as text, e.g. "40%". */
    public ReadOnlyStringProperty weightTextProperty() {
        return weightText.getReadOnlyProperty();
    }

    /** Path circuits, e.g. "paths: SBI open, UPI half-open", or "paths: none open". */
    public ReadOnlyStringProperty pathsTextProperty() {
        return pathsText.getReadOnlyProperty();
    }

    /** The worst state among its path circuits (CLOSED when there are none). */
    public ReadOnlyObjectProperty<CircuitState> worstPathProperty() {
        return worstPath.getReadOnlyProperty();
    }

    /** Window success rate, e.g. "95.1%", or "—" without traffic. */
    public ReadOnlyStringProperty successTextProperty() {
        return successText.getReadOnlyProperty();
    }

    /** Window p95 latency, e.g. "803 ms", or "—". */
    public ReadOnlyStringProperty p95TextProperty() {
        return p95Text.getReadOnlyProperty();
    }

    /** Payments per second in the window, e.g. "16.5/s", or "—". */
    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    /** The baseline success rate 0..1, NaN while there is none (the sparkline draws it as a reference line). */
    public ReadOnlyDoubleProperty baselineSuccessProperty() {
        return baselineSuccess.getReadOnlyProperty();
    }

    /** The success-rate history, oldest first, bounded to the last {@link #SPARKLINE_SECONDS} simulated seconds. */
    public ObservableList<SparkPoint> sparkline() {
        return sparklineView;
    }
}
