package io.payops.agent.decide;

import io.payops.agent.AgentConfig;
import io.payops.domain.Action;
import io.payops.domain.ActionType;
import io.payops.domain.Candidate;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.Hypothesis;
import io.payops.domain.RetryPolicy;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For one hypothesis, the actions worth weighing, each with estimated effects on success (points of all traffic),
 * p95 latency, fees and risk. Always includes {@code alert} and {@code no_op}, and at least one routing change so
 * the rejected alternatives are visible even when routing cannot help. A routing change's effect on success is
 * measured, not assumed: the failure rate of the target's traffic against the same slice of traffic on the other
 * gateways.
 */
public final class CandidateGenerator {
    private final AgentConfig.Decision limits;

    public CandidateGenerator(AgentConfig config) {
        this.limits = config.decision();
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
        double alertValue = conf < limits.alertConfidence() ? -0.01 : h.routable() ? 0.02 : 0.2;
        out.add(withBonus(score(Action.alert(h.target()), d, 0, 0, 0, 0, 0), alertValue));
        Target t = h.target();
        Target around = circuitAround(t, view);
        if (around != null) {
            // its traffic is already gone: what the evidence still shows is from before the circuit (or the probe's
            // trickle), and moving more of the gateway would only move healthy payments
            out.add(score(Action.openCircuit(around), d, 0, 0, 0, 0, 0)
                    .rejected(t + " is already behind the open circuit on " + around));
            return out;
        }
        double share = view.share(t);
        boolean routingHelps = false;
        boolean routingCannotHelp = !h.routable();
        if (h.routable()) {
            routingHelps = routingCandidates(h, view, out);
            PathComparison cmp = view.compareWithOtherGateways(t);
            routingCannotHelp = !routingHelps && cmp != null && cmp.atMostWorseBy(limits.negligibleGain());
        } else {
            // routing cannot help: show why by weighing the obvious move anyway
            String g = mostUsedGateway(view);
            double gwShare = view.routing().share(g);
            out.add(score(Action.shiftTraffic(g, 0.5), d, 0, 0, 0, risk(0.5 * gwShare, conf), 0.5 * gwShare));
            Candidate uneven = worstPathOfUnevenTrouble(h, view);
            if (uneven != null) {
                out.add(uneven);
                routingCannotHelp = false;
            }
        }
        // where routing can take the traffic away from the storm, that is the answer; calming retries is for storms
        // that follow the traffic wherever it goes, once that is clear (a request would hold up a routing change on
        // the same traffic while it waits)
        if (d == Diagnosis.RETRY_STORM && routingCannotHelp) {
            RetryPolicy current = view.routing().retryPolicy();
            // the same number of tries, further apart: fewer attempts pile onto a struggling bank or gateway at once,
            // and no payment loses a try it would have had (fewer retries would give up rescues)
            RetryPolicy calmer = new RetryPolicy(current.maxRetries(),
                    Math.min(limits.maxBackoffMillis(), Math.max(limits.minBackoffMillis(), current.backoffMillis() * 2)));
            if (!calmer.equals(current)) {
                out.add(withBonus(score(Action.adjustRetryPolicy(t, calmer), d, 0, 0, 0, 0.1, share), limits.retryCalmingValue()));
            }
        }
        return out;
    }

    /**
     * Whether moving the compared traffic measurably saves payments: it fails technically more than the alternatives
     * (the two-sample test), the move gains per payment now, and the gain pays for the change outliving the trouble
     * (a move off a gateway that approves more costs payments every second it stays after the fault ends).
     */
    private boolean movable(PathComparison c) {
        return c != null && c.llr() >= limits.routableEvidence() && gainsEnough(c.cautious(limits.gainMarginSe()));
    }

    /**
     * Whether moving all of the compared traffic gains payments, and at least what the move costs once the trouble is
     * over. A path against the other gateways is judged at the low end of what its evidence allows
     * ({@code gainMarginSe} standard errors below the measured difference: retries rescue most of a small difference,
     * so a noisy one can look like a gain that is not there); the uneven trouble's step, whose evidence is the
     * pairwise test against the least-hit path, as measured.
     */
    private boolean gainsEnough(PathComparison c) {
        double gain = c.paymentGain(1);
        return gain > 0 && gain >= -limits.undoMargin() * c.paymentGainOnceHealthy(1);
    }

    /** The open (or half-open, probing) circuit whose target contains {@code t}, or null. */
    private static Target circuitAround(Target t, SituationView view) {
        for (List<Target> circuits : List.of(view.routing().openCircuits(), view.routing().halfOpenCircuits())) {
            for (Target c : circuits) {
                if (t.within(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * An issuer (network, method, merchant) failing on every gateway, but measurably less on one: its payments do
     * better there, so close the path it fails most on (one at a time, so the slice converges on the least-hit
     * gateway while each step is verified). Each path is tested against the least-hit one (a two-sample test, its
     * threshold raised by ln of the number of pairs, so the luckiest of several noisy low-volume paths does not pass
     * for better), the move must save payments now and pay for outliving the trouble, and at least half of the
     * difference must be the fault's: a path that is always a little worse (its gateway approves less) is not a
     * reason to move it now. Nothing when the trouble is even across gateways, which is the usual case.
     */
    private Candidate worstPathOfUnevenTrouble(Hypothesis h, SituationView view) {
        Target t = h.target();
        Diagnosis d = h.diagnosis();
        boolean technical = d == Diagnosis.ISSUER_DEGRADATION || d == Diagnosis.GATEWAY_OUTAGE
                || d == Diagnosis.NETWORK_ERRORS;
        if (!technical || t.size() != 1 || t.has(Dimension.GATEWAY)) {
            return null;
        }
        List<PathComparison> paths = new ArrayList<>();
        for (String g : view.routing().weights().keySet().stream().sorted().toList()) {
            Target path = t.with(Dimension.GATEWAY, g);
            PathComparison cmp = view.routing().share(g) > 0 && !view.routing().openCircuits().contains(path)
                    ? view.compareWithOtherGateways(path) : null;
            if (cmp != null) {
                paths.add(cmp);
            }
        }
        if (paths.size() < 2) {
            return null;
        }
        PathComparison least = paths.stream().min(java.util.Comparator.comparingDouble(PathComparison::rate)).orElseThrow();
        double threshold = limits.routableEvidence() + Math.log(paths.size() * (paths.size() - 1) / 2.0);
        Candidate best = null;
        for (PathComparison cmp : paths) {
            if (cmp == least || PathComparison.llr(cmp.attempts(), cmp.failures(), least.attempts(), least.failures())
                    < threshold || !gainsEnough(cmp)) {
                continue;
            }
            double normalGap = Double.isNaN(cmp.referenceRate()) || Double.isNaN(least.referenceRate()) ? 0
                    : Math.max(0, cmp.referenceRate() - least.referenceRate());
            double difference = cmp.rate() - least.rate();
            if (difference - normalGap <= limits.minFaultShare() * difference) {
                continue;
            }
            Target path = cmp.target();
            double share = view.share(path);
            Candidate c = score(Action.openCircuit(path), d, view.share(t) * cmp.paymentGain(1), 0, 0,
                    risk(share, h.confidence()), share);
            if (best == null || c.score() > best.score()) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The routing changes for trouble on a gateway-pinned target, each with its estimated effect: only where the
     * target's traffic measurably fares worse than the same slice of traffic on the other gateways (a two-sample
     * test over the evidence). A rise the other gateways share, or one noise can explain, moves nothing: it gets a
     * candidate that shows why, never one that could win. Latency alone moves nothing: only the timeouts it causes
     * count, so speed is never bought with approvals.
     * @return whether routing can help (the candidates added can win)
     */
    private boolean routingCandidates(Hypothesis h, SituationView view, List<Candidate> out) {
        Diagnosis d = h.diagnosis();
        double conf = h.confidence();
        Target t = h.target();
        String g = view.gatewayOf(t);
        PathComparison cmp = view.compareWithOtherGateways(t);
        double share = view.share(t);
        double slice = view.share(t.without(Dimension.GATEWAY));
        // the gain must also pay for the change outliving the trouble: a move off a gateway that approves more costs
        // payments every second it stays after the fault ends (and that cost is measured; the gain is estimated)
        boolean worse = movable(cmp);
        if (!worse) {
            double gain = cmp == null ? 0 : Math.min(0, slice * cmp.paymentGain(1));
            out.add(score(Action.openCircuit(t), d, gain, 0, 0, risk(share, conf), share)
                    .rejected(cmp == null ? "too little traffic on " + t + " and elsewhere to compare"
                            : String.format(Locale.ROOT, "%s fails %.1f%% of %d attempts against %.1f%% of %d for the "
                                    + "same traffic on the other gateways: moving it would not save payments",
                            t, cmp.rate() * 100, cmp.attempts(), cmp.otherRate() * 100, cmp.otherAttempts())));
            return false;
        }
        // what moving the rest of the gateway does to payments that were fine (usually a small cost); the world's
        // base success stands in while the rest saw too little to measure
        PathComparison rest = view.compareRestOfGateway(t);
        double restShare = Math.max(0, view.share(Target.gateway(g)) - share);
        double gap = Math.max(0, view.alternativeBaseGap(g));
        boolean restMeasured = rest != null && rest.attempts() >= limits.minRestAttempts();
        // the rest of the gateway is not this trouble's: moving it may cost what it costs, but it gains only where it
        // passes the same test as any move (else a fault on the rest, judged not worth moving on its own, would be
        // counted here without that judgement)
        boolean restMovable = restMeasured && movable(rest);
        double feeDelta = view.alternativeFee(g) - view.fee(g);
        double latencyGain = d == Diagnosis.LATENCY_SPIKE ? latencyGain(view, t) : 0;
        double gwShare = view.routing().share(g);
        // open the circuit on exactly the failing path (or gateway)
        out.add(score(Action.openCircuit(t), d, slice * cmp.paymentGain(1), -latencyGain * share, feeDelta * share,
                risk(share, conf), share));
        // move half of the gateway's traffic: gentler, helps half as much, and moves healthy traffic too
        double restHalf = !restMeasured ? -0.5 * restShare * gap
                : (1 - share) * (restMovable ? rest.paymentGain(0.5) : Math.min(0, rest.paymentGain(0.5)));
        out.add(score(Action.shiftTraffic(g, 0.5), d, slice * cmp.paymentGain(0.5) + (t.size() > 1 ? restHalf : 0),
                -0.5 * latencyGain * share, feeDelta * 0.5 * gwShare, risk(0.5 * gwShare, conf) * 0.8, 0.5 * gwShare));
        if (t.size() > 1) {
            Target whole = Target.gateway(g);
            double restAll = !restMeasured ? -restShare * gap
                    : (1 - share) * (restMovable ? rest.paymentGain(1) : Math.min(0, rest.paymentGain(1)));
            out.add(score(Action.openCircuit(whole), d, slice * cmp.paymentGain(1) + restAll,
                    -latencyGain * share, feeDelta * gwShare, risk(gwShare, conf), gwShare));
        }
        return true;
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
        AgentConfig.ScoreWeights w = limits.weights();
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
