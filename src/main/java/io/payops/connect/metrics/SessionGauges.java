package io.payops.connect.metrics;

import io.payops.domain.Frame;
import io.payops.domain.Incident;
import io.payops.domain.SimTotals;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The gauges of the current session, computed when Prometheus scrapes from the session's newest frame
 * ({@link LiveView}), so the engine thread pays nothing for them. A new session replaces them wholesale: until its
 * first frame they have no series, and a gateway or issuer its world lacks simply stops being reported (no stale
 * series left at their last value). After a session ends its last frame stays readable until the next one starts.
 */
final class SessionGauges {
    private SessionGauges() {
    }

    /** @param wallMillis the wall clock, for the event-log lag */
    static void register(PrometheusRegistry registry, LiveView view, LongSupplier wallMillis) {
        gauge(registry, "payops_session_info", null, "The session being watched (1): its id, its scenario or "
                + "event log, and whether its loop is closed (the simulator) or open (an event log or topic).",
                List.of("session", "scenario", "loop"), cb -> {
                    LiveView.Session s = view.session();
                    if (s != null) {
                        cb.call(1, s.info().sessionId(), s.info().scenario(), s.info().openLoop() ? "open" : "closed");
                    }
                });
        gauge(registry, "payops_session_running", null, "1 while the session runs, 0 once it has ended (its last "
                + "values stay until the next session starts).", List.of(), cb -> {
                    if (view.session() != null) {
                        cb.call(view.running() ? 1 : 0);
                    }
                });
        frameGauge(registry, view, "payops_session_time_seconds", Unit.SECONDS,
                "How far the session is, in its own time (simulated, or the event log's clock since its start).",
                Frame::simSeconds);
        frameGauge(registry, view, "payops_success_ratio", Unit.RATIO,
                "Share of attempts that succeeded over the sliding window (all traffic).",
                f -> f.snapshot().total().successRate(), f -> f.snapshot() != null && f.snapshot().total().attempts() > 0);
        frameGauge(registry, view, "payops_latency_p95_seconds", Unit.SECONDS,
                "95th percentile attempt latency over the sliding window (all traffic).",
                f -> f.snapshot().total().p95() / 1000.0,
                f -> f.snapshot() != null && f.snapshot().total().attempts() > 0);
        frameGauge(registry, view, "payops_payments_success_ratio", Unit.RATIO,
                "Share of the session's decided payments that succeeded, from its start: the report's successRate.",
                f -> f.totals().successRate(), f -> f.totals() != null && f.totals().succeeded() + f.totals().failed() > 0);
        gauge(registry, "payops_session_payments", null, "The session's payments by status, from its start, as "
                + "its report counts them: succeeded, failed (after their last attempt; over an event log, not "
                + "succeeded), in_flight (a retry still to come); they add up to the payments started.",
                List.of("status"), cb -> {
                    Frame f = view.latest();
                    if (f != null && f.totals() != null) {
                        SimTotals t = f.totals();
                        cb.call(t.succeeded(), "succeeded");
                        cb.call(t.failed(), "failed");
                        cb.call(Math.max(0, t.payments() - t.succeeded() - t.failed()), "in_flight");
                    }
                });
        frameGauge(registry, view, "payops_open_incidents", null, "Incidents open now.",
                f -> f.step().incidents().stream().filter(Incident::open).count(), f -> f.step() != null);
        frameGauge(registry, view, "payops_pending_approvals", null,
                "Approval requests waiting for a human now.", f -> f.step().pendingApprovals().size(),
                f -> f.step() != null);
        segmentGauge(registry, view, "payops_gateway_success_ratio", Unit.RATIO,
                "Share of attempts that succeeded over the sliding window, per gateway (gateways past "
                        + LabelPlan.MAX_GATEWAYS + " pooled as \"(other)\").",
                List.of("gateway"), FoldedSegments::gateways, FoldedSegments.Row::successRatio);
        segmentGauge(registry, view, "payops_gateway_latency_p95_seconds", Unit.SECONDS,
                "95th percentile attempt latency over the sliding window, per gateway (\"(other)\": the highest "
                        + "p95 among the gateways pooled).",
                List.of("gateway"), FoldedSegments::gateways, FoldedSegments.Row::p95Seconds);
        segmentGauge(registry, view, "payops_gateway_issuer_success_ratio", Unit.RATIO,
                "Share of attempts that succeeded over the sliding window, per gateway x issuer path (issuers past "
                        + LabelPlan.MAX_ISSUERS + " pooled as \"(other)\").",
                List.of("gateway", "issuer"), FoldedSegments::paths, FoldedSegments.Row::successRatio);
        segmentGauge(registry, view, "payops_gateway_issuer_latency_p95_seconds", Unit.SECONDS,
                "95th percentile attempt latency over the sliding window, per gateway x issuer path (\"(other)\": "
                        + "the highest p95 among the paths pooled).",
                List.of("gateway", "issuer"), FoldedSegments::paths, FoldedSegments.Row::p95Seconds);
        // the session's clock is where reading has got to in the log's time; while a followed log is quiet it moves
        // on with the wall clock (so a stopped producer is seen to stop), so this is reading lag, not producer silence
        gauge(registry, "payops_event_log_lag_seconds", Unit.SECONDS, "How far the session's clock (the event log's "
                + "or topic's time read up to) is behind the wall clock; absent for the simulator, whose time is its "
                + "own.",
                List.of(), cb -> {
                    Frame f = view.latest();
                    long origin = view.originMillis();
                    if (f != null && origin != LiveView.NO_ORIGIN) {
                        cb.call((wallMillis.getAsLong() - (origin + f.simMillis())) / 1000.0);
                    }
                });
    }

    private static void frameGauge(PrometheusRegistry registry, LiveView view, String name, Unit unit, String help,
                                   ToDoubleFunction<Frame> value) {
        frameGauge(registry, view, name, unit, help, value, f -> true);
    }

    /** A gauge of the newest frame, reported only when {@code known} says the frame has the value. */
    private static void frameGauge(PrometheusRegistry registry, LiveView view, String name, Unit unit, String help,
                                   ToDoubleFunction<Frame> value, java.util.function.Predicate<Frame> known) {
        gauge(registry, name, unit, help, List.of(), cb -> {
            Frame f = view.latest();
            if (f != null && known.test(f)) {
                cb.call(value.applyAsDouble(f));
            }
        });
    }

    private static void segmentGauge(PrometheusRegistry registry, LiveView view, String name, Unit unit, String help,
                                     List<String> labels, Function<FoldedSegments, List<FoldedSegments.Row>> rows,
                                     ToDoubleFunction<FoldedSegments.Row> value) {
        gauge(registry, name, unit, help, labels, cb -> {
            for (FoldedSegments.Row r : rows.apply(view.segments())) {
                cb.call(value.applyAsDouble(r), r.labels().toArray(String[]::new));
            }
        });
    }

    private static void gauge(PrometheusRegistry registry, String name, Unit unit, String help, List<String> labels,
                              Consumer<GaugeWithCallback.Callback> callback) {
        GaugeWithCallback.Builder b = GaugeWithCallback.builder().name(name).help(help).callback(callback);
        if (unit != null) {
            b.unit(unit);
        }
        if (!labels.isEmpty()) {
            b.labelNames(labels.toArray(String[]::new));
        }
        b.register(registry);
    }
}
