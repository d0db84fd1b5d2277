package io.payops.connect.metrics;

import io.payops.PayOps;
import io.payops.connect.all.Connectors;
import io.payops.connect.all.TestConnectors;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionType;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Dimension;
import io.payops.domain.Frame;
import io.payops.domain.Incident;
import io.payops.domain.SegmentStats;
import io.payops.domain.Target;
import io.payops.engine.EventLogSession;
import io.payops.engine.RunSettings;
import io.payops.report.IngestReport;
import io.payops.report.RunReport;
import io.payops.run.EventLogRunner;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.sim.TrafficShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /metrics} scraped over HTTP after fixed-seed runs: every value is the frames' or the report's.
 */
class MetricsEndpointTest {
    private static final RunSettings AGENT = new RunSettings("agent", ApprovalMode.parse("auto:60"), "heuristic");
    /** A value written in the text format and read back: the client prints doubles in full, so only rounding. */
    private static final double EXACT = 1e-12;
    /** The report rounds its successRate to four places. */
    private static final double REPORT_ROUNDING = 0.00005;

    /** A run, its frames, and the endpoint that heard them. */
    private record Watched(RunReport report, List<Frame> frames, Scrape scrape) {
        Frame last() {
            return frames.get(frames.size() - 1);
        }
    }

    private static Watched watch(MetricsEndpoint endpoint, Scenario s) throws Exception {
        List<Frame> frames = new ArrayList<>();
        Connectors connectors = TestConnectors.of(endpoint);
        RunReport report = ScenarioRunner.run(s, AGENT, List.of(), null, frames::add, connectors.listener());
        return new Watched(report, frames, Scrape.of(endpoint.port()));
    }

    @Test
    void aScrapeAfterARunReadsWhatItsFramesAndReportSay() throws Exception {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withSeed(7).withDuration(900);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, w -> { })) {
            Watched w = watch(endpoint, s);
            Frame last = w.last();
            Scrape m = w.scrape();

            for (String gateway : List.of("stripe", "adyen", "razorpay", "paypal")) {
                SegmentStats seg = last.snapshot().segment(Target.gateway(gateway));
                assertEquals(seg.successRate(), m.value("payops_gateway_success_ratio", "gateway", gateway), EXACT,
                        gateway);
                assertEquals(seg.p95() / 1000.0, m.value("payops_gateway_latency_p95_seconds", "gateway", gateway),
                        EXACT, gateway);
            }
            SegmentStats path = last.snapshot().segment(Target.of(Dimension.GATEWAY, "stripe", Dimension.ISSUER, "HDFC"));
            assertEquals(path.successRate(), m.value("payops_gateway_issuer_success_ratio", "gateway", "stripe",
                    "issuer", "HDFC"), EXACT);
            assertEquals(last.snapshot().total().successRate(), m.value("payops_success_ratio"), EXACT);

            assertEquals(w.report().successRate(), m.value("payops_payments_success_ratio"), REPORT_ROUNDING);
            assertEquals(last.totals().successRate(), m.value("payops_payments_success_ratio"), EXACT);
            assertEquals(w.report().payments(), m.value("payops_payments_started_total"));
            assertEquals(w.report().succeeded(), m.value("payops_payments_succeeded_total"));
            assertEquals(w.report().succeeded(), m.value("payops_session_payments", "status", "succeeded"));
            assertEquals(w.report().failed(), m.value("payops_session_payments", "status", "failed"));
            assertEquals(w.report().payments(), m.sum("payops_session_payments"), "the statuses add up");
            assertEquals(w.report().attempts(), m.sum("payops_attempts_total"),
                    "attempts by status add up to the run's attempts");
            assertTrue(m.value("payops_attempts_total", "status", "GATEWAY_ERROR") > 0, "the outage's failures");

            assertEquals(w.frames().size(), m.value("payops_frames_total"));
            assertEquals(w.report().rollbacks(), m.value("payops_rollbacks_total"));
            assertEquals(actionsReaching(w.frames()), actionCounters(m));
            assertTrue(m.value("payops_actions_total", "type", "open_circuit", "status", "executed") >= 1,
                    "the agent opened stripe's circuit: " + w.report().actions());
            assertEquals(incidentsOpened(w.frames()), m.sum("payops_incidents_opened_total"));
            assertEquals(last.step().incidents().stream().filter(Incident::open).count(),
                    m.value("payops_open_incidents"));
            assertEquals(last.step().pendingApprovals().size(), m.value("payops_pending_approvals"));
            long cycles = w.frames().stream().filter(f -> f.step().cycle() != null).count();
            assertEquals(cycles, m.value("payops_agent_cycle_seconds_count"));
            assertEquals(cycles, m.value("payops_agent_cycle_seconds_bucket", "le", "+Inf"));

            assertEquals(1, m.value("payops_session_info", "session", "stripe-outage-seed7", "scenario",
                    "stripe-outage", "loop", "closed"));
            assertEquals(0, m.value("payops_session_running"), "the run has ended; its values stay");
            assertEquals(last.simSeconds(), m.value("payops_session_time_seconds"), EXACT);
            assertFalse(m.has("payops_event_log_lag_seconds"), "the simulator's time is its own: no lag");
            assertTrue(m.text().contains("# HELP payops_gateway_success_ratio "), m.text());
        }
    }

    @Test
    void manyIssuersAndGatewaysKeepTheirLabelsBounded() throws Exception {
        Scenario s = new Scenario("many-issuers", "a world wider than the labels", 11, 240, 80, TrafficShape.FLAT, 0,
                List.of(), WideWorld.of(15, 60));
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, w -> { })) {
            Watched w = watch(endpoint, s);
            Scrape m = w.scrape();
            Set<String> gateways = labels(m, "payops_gateway_success_ratio", "gateway");
            assertEquals(LabelPlan.MAX_GATEWAYS + 1, gateways.size(), gateways.toString());
            assertTrue(gateways.contains(LabelPlan.OTHER), gateways.toString());
            List<Scrape.Sample> paths = m.series("payops_gateway_issuer_success_ratio");
            Set<String> issuers = labels(m, "payops_gateway_issuer_success_ratio", "issuer");
            assertEquals(LabelPlan.MAX_ISSUERS + 1, issuers.size(), issuers.toString());
            assertTrue(paths.size() <= (LabelPlan.MAX_GATEWAYS + 1) * (LabelPlan.MAX_ISSUERS + 1), paths.toString());
            assertTrue(issuers.contains("I00") && !issuers.contains("I59"), "the largest issuers keep their names");

            // "(other)" pools the folded segments: their successes over their attempts, the highest p95
            LabelPlan plan = LabelPlan.of(s.world());
            long attempts = 0;
            long successes = 0;
            double p95 = 0;
            for (SegmentStats seg : w.last().snapshot().segments()) {
                Target t = seg.target();
                if (t.size() == 2 && "G00".equals(t.get(Dimension.GATEWAY)) && t.has(Dimension.ISSUER)
                        && !plan.issuers().contains(t.get(Dimension.ISSUER)) && seg.attempts() > 0) {
                    attempts += seg.attempts();
                    successes += seg.successes();
                    p95 = Math.max(p95, seg.p95());
                }
            }
            assertTrue(attempts > 0, "the tail issuers had traffic on G00");
            assertEquals((double) successes / attempts, m.value("payops_gateway_issuer_success_ratio", "gateway", "G00",
                    "issuer", LabelPlan.OTHER), EXACT);
            assertEquals(p95 / 1000.0, m.value("payops_gateway_issuer_latency_p95_seconds", "gateway", "G00",
                    "issuer", LabelPlan.OTHER), EXACT);
        }
    }

    @Test
    void aNewSessionReplacesTheGaugesAndTheCountersGoOn() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, w -> { })) {
            Watched first = watch(endpoint, ScenarioLoader.builtIn("stripe-outage").withSeed(7).withDuration(120));
            assertTrue(first.scrape().has("payops_gateway_success_ratio"));
            Scenario second = new Scenario("other-world", "other gateways", 3, 60, 40, TrafficShape.FLAT, 0,
                    List.of(), WideWorld.of(2, 5));
            Watched w = watch(endpoint, second);
            Scrape m = w.scrape();
            assertEquals(Set.of("G00", "G01"), labels(m, "payops_gateway_success_ratio", "gateway"),
                    "the first world's gateways are gone, not left at their last value");
            assertEquals(2, m.value("payops_sessions_total"));
            assertEquals(first.frames().size() + w.frames().size(), m.value("payops_frames_total"),
                    "counters count for the process");
            assertEquals(first.report().attempts() + w.report().attempts(), m.sum("payops_attempts_total"));
            assertEquals(first.report().payments() + w.report().payments(), m.value("payops_payments_started_total"));
            assertEquals(w.report().successRate(), m.value("payops_payments_success_ratio"), REPORT_ROUNDING,
                    "the ratio is the session's own");
            assertEquals(1, m.series("payops_session_info").size());
        }
    }

    @Test
    void anEventLogHasItsLagBehindTheWallClockAndItsReportsRatio(@TempDir Path dir) throws Exception {
        Path events = dir.resolve("events.jsonl");
        assertEquals(0, PayOps.run(new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), "run", "--scenario", "stripe-outage", "--seed", "7",
                "--duration", "600", "--export-events", events.toString(), "--report",
                dir.resolve("run.json").toString()));
        // a wall clock that stands still, so the lag is exact
        long wall = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, () -> wall)) {
            List<Frame> frames = new ArrayList<>();
            EventLogSession log = EventLogSession.open(events, null, null, false, () -> false);
            IngestReport report = EventLogRunner.run(log, AGENT, frames::add, () -> false,
                    TestConnectors.of(endpoint).listener());
            Scrape m = Scrape.of(endpoint.port());
            long newest = Instant.parse(report.input().lastEventAt()).toEpochMilli();
            assertEquals((wall - newest) / 1000.0, m.value("payops_event_log_lag_seconds"), EXACT);
            assertEquals(report.successRate(), m.value("payops_payments_success_ratio"), REPORT_ROUNDING);
            assertEquals(report.attempts(), m.sum("payops_attempts_total"), "every event counted once by status");
            assertEquals(report.payments(), m.sum("payops_session_payments"));
            assertEquals(report.failed(), m.value("payops_session_payments", "status", "failed"));
            Frame last = frames.get(frames.size() - 1);
            assertEquals(last.snapshot().segment(Target.gateway("stripe")).successRate(),
                    m.value("payops_gateway_success_ratio", "gateway", "stripe"), EXACT);
            assertEquals(1, m.value("payops_session_info", "session", "events.jsonl", "scenario", "events.jsonl",
                    "loop", "open"));
        }
    }

    @Test
    void theCommandLineSaysAPortInUseAsBadInput(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = PayOps.run(new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true,
                    StandardCharsets.UTF_8), "run", "--scenario", "quiet", "--duration", "60", "--metrics-port",
                    String.valueOf(port), "--report", dir.resolve("r.json").toString());
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, exit, message);
            assertTrue(message.contains("--metrics-port: port " + port + " is in use"), message);
        }
    }

    @Test
    void aPortInUseIsRefusedNamingTheOptionAndThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MetricsEndpoint.start(port, w -> { }));
            assertTrue(e.getMessage().startsWith("--metrics-port: port " + port + " is in use"), e.getMessage());
        }
    }

    @Test
    void nothingScrapedNothingServedAndHealthCountsScrapes() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, w -> { })) {
            assertEquals(0, endpoint.health().delivered());
            Scrape m = Scrape.of(endpoint.port());
            assertFalse(m.has("payops_success_ratio"), "no session yet: no gauge");
            assertEquals(0, m.value("payops_frames_total"));
            assertEquals(0, m.value("payops_attempts_total", "status", "SUCCESS"), "counters exist from the start");
            Scrape.of(endpoint.port());
            assertEquals(2, endpoint.health().delivered());
            assertTrue(endpoint.health().healthy());
        }
    }

    private static Set<String> labels(Scrape m, String name, String label) {
        Set<String> out = new HashSet<>();
        m.series(name).forEach(s -> out.add(s.labels().get(label)));
        return out;
    }

    /** Each action (but no_op) once under each status it reached, read from the frames. */
    private static Map<String, Double> actionsReaching(List<Frame> frames) {
        Set<String> seen = new HashSet<>();
        Map<String, Double> out = new HashMap<>();
        for (Frame f : frames) {
            for (ActionRecord r : f.step().actions()) {
                if (r.action().type() != ActionType.NO_OP && seen.add(r.id() + "/" + r.status())) {
                    out.merge(r.action().type().key() + "/" + r.status().key(), 1.0, Double::sum);
                }
            }
        }
        return out;
    }

    private static Map<String, Double> actionCounters(Scrape m) {
        Map<String, Double> out = new HashMap<>();
        for (Scrape.Sample s : m.series("payops_actions_total")) {
            out.put(s.labels().get("type") + "/" + s.labels().get("status"), s.value());
        }
        return out;
    }

    private static long incidentsOpened(List<Frame> frames) {
        Set<Long> ids = new HashSet<>();
        frames.forEach(f -> f.step().incidents().forEach(i -> ids.add(i.id())));
        return ids.size();
    }
}
