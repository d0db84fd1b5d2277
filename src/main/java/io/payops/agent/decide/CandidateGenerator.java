package io.payops.agent.decide;

import io.payops.agent.AgentConfig;
import io.payops.domain.Action;
import io.payops.domain.ActionType;
import io.payops.domain.Candidate;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.SegmentStats;
import io.payops.domain.Hypothesis;
import io.payops.domain.RetryPolicy;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.List;

/**
 * For one hypothesis, the actions worth weighing, each with estimated effects on success (points of all traffic),
 * p95 latency, fees and risk. Always includes {@code alert} and {@code no_op}, and at least one routing change so
 * the rejected alternatives are visible even when routing cannot help.
 */
public final class CandidateGenerator {
    /** Below this an alert would page someone on a hunch. */
    static final double ALERT_CONFIDENCE = 0.75;
    /** How much worse one gateway's path must be than the best before an everywhere-trouble is worth rerouting. */
    static final double UNEVEN_GAP = 0.15;
    static final long MIN_PATH_ATTEMPTS = 30;
    private final AgentConfig config;

    public CandidateGenerator(AgentConfig config) {
        this.config = config;
    }

    public List<Candidate> candidates(Hypothesis h, SituationView view) {
        List<Candidate> out = new ArrayList<>();
        Diagnosis d = h.diagnosis();
        double conf = h.confidence();
        if (!d.isIncident()) {
            out.add(score(Action.noOp(), d, 0, 0, 0, 0, 0));
            out.add(score(Action.alert(h.target()), d, 0, 0, 0, 0.1, 0));
            out.add(score(Action.shiftTraffic(mostUsedGateway(view), 0.2), d, -0.001, 0, 0, 0.2,
                    0.2 * view.routing().share(mostUsedGateway(view))));
            return out;
        }
        out.add(score(Action.noOp(), d, 0, 0, 0, 0, 0));
        // an alert costs a person's attention: worth it when sure, more so the less routing can do
        double alertValue = conf < ALERT_CONFIDENCE ? -0.01 : h.routable() ? 0.02 : 0.2;
        out.add(withBonus(score(Action.alert(h.target()), d, 0, 0, 0, 0, 0), alertValue));
        Target t = h.target();
        double share = view.share(t);
        double excess = view.excessFailureRate(t);
        if (h.routable()) {
            String g = view.gatewayOf(t);
            // moving traffic never earns credit for the other gateways' better base success: that is not an incident
            double gap = Math.max(0, view.alternativeBaseGap(g));
            double feeDelta = view.alternativeFee(g) - view.fee(g);
            double latencyGain = d == Diagnosis.LATENCY_SPIKE ? latencyGain(view, t) : 0;
            // open the circuit on exactly the failing path (or gateway)
            out.add(score(Action.openCircuit(t), d, share * (excess - gap), -latencyGain * share, feeDelta * share,
                    risk(share, conf), share));
            // move half of the gateway's traffic: gentler, helps half as much
            double gwShare = view.routing().share(g);
            out.add(score(Action.shiftTraffic(g, 0.5), d, 0.5 * share * (excess - gap) - 0.5 * (gwShare - share) * gap,
                    -0.5 * latencyGain * share, feeDelta * 0.5 * gwShare, risk(0.5 * gwShare, conf) * 0.8, 0.5 * gwShare));
            if (t.size() > 1) {
                Target whole = Target.gateway(g);
                out.add(score(Action.openCircuit(whole), d, share * excess - gwShare * gap, -latencyGain * share,
                        feeDelta * gwShare, risk(gwShare, conf), gwShare));
            }
            if (d == Diagnosis.RETRY_STORM) {
                RetryPolicy current = view.routing().retryPolicy();
                RetryPolicy calmer = new RetryPolicy(Math.max(0, current.maxRetries() - 1), current.backoffMillis() * 2);
                // fewer retries cut the storm's extra attempts but give up some rescues
                out.add(score(Action.adjustRetryPolicy(t, calmer), d, -0.2 * share * excess, 0, 0, 0.3, 1.0));
            }
        } else {
            // routing cannot help: show why by weighing the obvious move anyway
            String g = mostUsedGateway(view);
            double gwShare = view.routing().share(g);
            out.add(score(Action.shiftTraffic(g, 0.5), d, 0, 0, 0, risk(0.5 * gwShare, conf), 0.5 * gwShare));
            Candidate uneven = worstPathOfUnevenTrouble(h, view);
            if (uneven != null) {
                out.add(uneven);
            }
        }
        return out;
    }

    /**
     * An issuer (or network, method, merchant) failing on every gateway, but much worse on some: its payments do
     * better on the least-hit gateway, so close the worst path. Nothing when the trouble is even across gateways.
     */
    private Candidate worstPathOfUnevenTrouble(Hypothesis h, SituationView view) {
        Target t = h.target();
        if (t.size() != 1 || t.has(Dimension.GATEWAY) || h.diagnosis() == Diagnosis.USER_DECLINES) {
            return null;
        }
        Target worst = null;
        double worstExcess = -1;
        double bestExcess = Double.MAX_VALUE;
        for (String g : view.routing().weights().keySet()) {
            Target path = t.with(Dimension.GATEWAY, g);
            SegmentStats s = view.snapshot().segment(path);
            if (s == null || s.attempts() < MIN_PATH_ATTEMPTS || view.routing().openCircuits().contains(path)) {
                continue;
            }
            double e = view.excessFailureRate(path);
            if (e > worstExcess) {
                worstExcess = e;
                worst = path;
            }
            bestExcess = Math.min(bestExcess, e);
        }
        if (worst == null || worstExcess - bestExcess < UNEVEN_GAP) {
            return null;
        }
        double share = view.share(worst);
        return score(Action.openCircuit(worst), h.diagnosis(), share * (worstExcess - bestExcess), 0, 0,
                risk(share, h.confidence()), share);
    }

    private double latencyGain(SituationView view, Target t) {
        var s = view.snapshot().segment(t);
        var refP95 = view.references().p95(t);
        if (s == null || Double.isNaN(refP95)) {
            return 0;
        }
        return Math.max(0, s.p95() - refP95) / 1000.0;
    }

    /** Risk of a change: how much traffic it touches, and how unsure we are of the diagnosis behind it. */
    private static double risk(double movedShare, double confidence) {
        return Math.min(1, movedShare * 0.5 + (1 - confidence) * 0.5);
    }

    private static String mostUsedGateway(SituationView view) {
        return view.routing().weights().entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElseThrow();
    }

    private Candidate score(Action a, Diagnosis d, double successGain, double latencyDeltaS, double costDelta,
                                  double risk, double trafficShare) {
        AgentConfig.ScoreWeights w = config.weights();
        double score = w.success() * successGain * 100 - w.latency() * latencyDeltaS - w.cost() * costDelta
                - w.risk() * risk;
        if (a.type() == ActionType.NO_OP) {
            score = 0;
        }
        return new Candidate(a, d, round(successGain * 100), round(latencyDeltaS * 1000),
                round(costDelta), round(risk), round(trafficShare), round(score), null);
    }

    private static Candidate withBonus(Candidate c, double bonus) {
        return new Candidate(c.action(), c.forDiagnosis(), c.successGain(), c.latencyDeltaMs(), c.costDelta(),
                c.risk(), c.trafficShare(), round(c.score() + bonus), null);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
