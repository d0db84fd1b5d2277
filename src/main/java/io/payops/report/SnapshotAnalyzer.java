package io.payops.report;

import io.payops.agent.AgentConfig;
import io.payops.agent.decide.DecisionMaker;
import io.payops.agent.decide.SituationView;
import io.payops.agent.detect.BaselineReferences;
import io.payops.agent.detect.SnapshotDetector;
import io.payops.agent.explain.Explainer;
import io.payops.agent.guard.Guardrails;
import io.payops.agent.learn.LessonStore;
import io.payops.agent.reason.HeuristicReasoner;
import io.payops.agent.reason.ReasoningInput;
import io.payops.domain.Action;
import io.payops.domain.Anomaly;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Candidate;
import io.payops.domain.Decision;
import io.payops.domain.GuardVerdict;
import io.payops.domain.Hypothesis;
import io.payops.domain.RetryPolicy;
import io.payops.domain.RoutingState;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.ingest.IssuerSpread;
import io.payops.ingest.SnapshotReader;
import io.payops.sim.Routing;
import io.payops.sim.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One reasoning pass over a metrics snapshot, as {@code analyze} runs it: detect against the baseline (the
 * {@code --baseline} file, else the snapshot's own baseline window), reason, decide, guard and explain, with routing
 * taken to be the default (a snapshot does not carry it) and no lessons. Nothing is acted on.
 */
public final class SnapshotAnalyzer {
    private SnapshotAnalyzer() {
    }

    /**
     * @param metrics      the snapshot read
     * @param metricsFile  how to name it in the output
     * @param baseline     a snapshot of normal traffic, or null to use the snapshot's own baseline window (if any)
     * @param baselineFile how to name the baseline in the output (ignored when {@code baseline} is null)
     */
    public static AnalysisReport analyze(SnapshotReader.Result metrics, String metricsFile, SnapshotReader.Result baseline,
                                         String baselineFile) {
        Snapshot read = metrics.snapshot();
        Snapshot snapshot;
        AnalysisReport.BaselineInfo baselineInfo;
        List<String> assumptions = new ArrayList<>(metrics.assumptions());
        List<String> warnings = new ArrayList<>(metrics.warnings());
        if (baseline != null) {
            Snapshot b = baseline.snapshot();
            snapshot = new Snapshot(read.atMillis(), read.windowSeconds(), b.windowSeconds(), read.total(),
                    read.segments(), b.total(), b.segments(), read.recentTotal(), read.recentSegments());
            baselineInfo = new AnalysisReport.BaselineInfo("file", baselineFile, baseline.shape().key(),
                    b.windowSeconds(), b.total().attempts(), round(b.total().successRate(), 4),
                    read.baselineTotal() != null ? "replaces the snapshot's own baseline window" : null);
            baseline.assumptions().stream().filter(a -> !a.equals(IssuerSpread.ISSUER_ONLY))
                    .forEach(a -> assumptions.add("Baseline file: " + Character.toLowerCase(a.charAt(0)) + a.substring(1)));
            warnings.addAll(baseline.warnings());
        } else {
            snapshot = read;
            SegmentStats bt = read.baselineTotal();
            baselineInfo = bt != null && bt.attempts() > 0
                    ? new AnalysisReport.BaselineInfo("snapshot", null, null, read.baselineSeconds(), bt.attempts(),
                    round(bt.successRate(), 4), "the snapshot's own baseline window")
                    : new AnalysisReport.BaselineInfo("none", null, null, null, null, null,
                    "no baseline in the file and no --baseline given: nothing to compare against");
        }
        AgentConfig config = AgentConfig.defaults(ApprovalMode.MANUAL);
        BaselineReferences refs = BaselineReferences.of(snapshot, config.snapshotTest().establishedAttempts());
        if (metrics.shape() == SnapshotReader.Shape.METRICS_SNAPSHOT && refs.present() && !snapshot.segments().isEmpty()) {
            snapshot = IssuerSpread.respread(snapshot, refs::statusRate);
            assumptions.replaceAll(a -> a.equals(IssuerSpread.PROPORTIONAL) ? IssuerSpread.BASELINE_AWARE : a);
        }
        World world = World.defaultWorld();
        Routing routing = new Routing(world, RetryPolicy.DEFAULT);

        SnapshotDetector.Result detected = new SnapshotDetector(config).detect(snapshot, refs);
        List<Anomaly> anomalies = detected.anomalies();
        List<Hypothesis> hypotheses = new HeuristicReasoner().hypothesize(
                new ReasoningInput(snapshot, anomalies, refs, List.of(), detected.threshold(), config.localization()));
        SituationView view = new SituationView(snapshot, refs, routing.state(), world);
        Decision decision = new DecisionMaker(config, new LessonStore()).decide(hypotheses, view, c -> null);
        GuardVerdict verdict = new Guardrails(config).check(decision, routing, 0, 0);
        List<String> explanation = new ArrayList<>(new Explainer().explain(anomalies, snapshot.windowSeconds(), hypotheses, decision,
                verdict, null));
        String unroutable = unroutable(hypotheses.get(0));
        if (unroutable != null) {
            explanation.add(unroutable);
        }
        if (!refs.present()) {
            explanation.add("No baseline to compare with: pass --baseline FILE, a snapshot of normal traffic, "
                    + "for a diagnosis.");
        }
        explanation.add("Nothing was done: analyze only recommends, and it assumed the default routing.");

        SegmentStats total = snapshot.total();
        AnalysisReport.InputInfo input = new AnalysisReport.InputInfo(metricsFile, metrics.shape().key(),
                snapshot.windowSeconds(), total.attempts(), round(total.successRate(), 4), snapshot.segments().size(),
                baselineInfo, routingSentence(routing.state()), detected.segmentsTested(),
                round(detected.threshold(), 2), assumptions, warnings);
        return new AnalysisReport(input, anomalies.stream().map(SnapshotAnalyzer::anomaly).toList(),
                hypotheses.stream().map(h -> new AnalysisReport.HypothesisInfo(h.diagnosis().key(), h.target(),
                        h.confidence(), h.evidence(), h.source())).toList(),
                decision(decision),
                new AnalysisReport.GuardrailInfo(verdict.kind().key(), verdict.reasons()),
                explanation);
    }

    /** Why moving traffic cannot help with the top hypothesis, or null when it can (or nothing is wrong). */
    static String unroutable(Hypothesis h) {
        if (!h.diagnosis().isIncident() || h.routable()) {
            return null;
        }
        String why;
        if (h.diagnosis() == io.payops.domain.Diagnosis.USER_DECLINES) {
            why = "customers' declines follow them to any gateway";
        } else if (h.target().isAll()) {
            why = "it is on all traffic alike";
        } else if (h.diagnosis() == io.payops.domain.Diagnosis.BROAD_DEGRADATION) {
            why = "it is spread too widely to route around";
        } else {
            why = h.target() + " names no gateway to move traffic away from";
        }
        return "Routing cannot help: " + why + ".";
    }

    static String routingSentence(RoutingState r) {
        String weights = r.weights().entrySet().stream()
                .map(e -> e.getKey() + " " + num(e.getValue()))
                .collect(Collectors.joining(", "));
        return "assumed to be the default (a snapshot does not say): weights " + weights + "; no open circuits; at most "
                + r.retryPolicy().maxRetries() + " retries with " + r.retryPolicy().backoffMillis() + " ms backoff";
    }

    private static AnalysisReport.AnomalyInfo anomaly(Anomaly a) {
        String unit;
        int digits;
        switch (a.kind()) {
            case LATENCY -> {
                unit = "ms (p95)";
                digits = 1;
            }
            case RETRY_AMPLIFICATION -> {
                unit = "attempts per payment";
                digits = 4;
            }
            default -> {
                unit = "share of attempts";
                digits = 4;
            }
        }
        return new AnalysisReport.AnomalyInfo(a.kind().key(), a.target(), round(a.observed(), digits),
                round(a.expected(), digits), unit, round(a.score(), 2), a.samples(), a.dominantStatus(),
                a.statusShares());
    }

    private static AnalysisReport.DecisionInfo decision(Decision d) {
        Candidate s = d.selected();
        List<AnalysisReport.RejectedInfo> rejected = d.rejected().stream()
                .map(c -> new AnalysisReport.RejectedInfo(action(c.action()), c.score(), c.rejectedBecause()))
                .toList();
        return new AnalysisReport.DecisionInfo(action(s.action()), s.score(),
                new AnalysisReport.Estimate(s.successGain(), s.latencyDeltaMs(), s.costDelta(), s.risk(),
                        s.trafficShare()),
                d.confidence(), d.requiresApproval(), d.approvalReasons(), rejected);
    }

    private static AnalysisReport.ActionInfo action(Action a) {
        Double fraction = a.type() == io.payops.domain.ActionType.SHIFT_TRAFFIC ? a.fraction() : null;
        AnalysisReport.RetryInfo retry = a.retryPolicy() == null ? null
                : new AnalysisReport.RetryInfo(a.retryPolicy().maxRetries(), a.retryPolicy().backoffMillis());
        return new AnalysisReport.ActionInfo(a.type().key(), a.target(), fraction, retry, a.describe());
    }

    private static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
