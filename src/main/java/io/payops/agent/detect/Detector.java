package io.payops.agent.detect;

import io.payops.agent.AgentConfig;
import io.payops.domain.Anomaly;
import io.payops.domain.AnomalyKind;
import io.payops.domain.Dimension;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The detect step, live. Every tick it feeds each segment's last second to that segment's sequential tests; it
 * reports an anomaly for each segment whose test crossed its threshold, whose window p95 is well above its
 * reference, or whose attempts per payment rose. Each segment's threshold is sized to its own volume so that false
 * alarms stay below one per segment per simulated day (see docs/BENCHMARKS.md for the measured rate).
 */
public final class Detector implements References {
    private final AgentConfig.Detection limits;
    private final Map<Target, SegmentMonitor> monitors = new HashMap<>();
    /** The targets containing each segment, worked out once: the detect step runs every tick over every segment. */
    private final Map<Target, List<Target>> wider = new HashMap<>();
    private final double decay;
    private long firstMillis = Long.MIN_VALUE;
    private long lastMillis;
    private final StandingConditions standing;

    public Detector(AgentConfig config) {
        this.standing = new StandingConditions(config.detection());
        this.limits = config.detection();
        this.decay = Math.pow(0.5, 1.0 / limits.referenceHalfLifeSeconds());
    }

    /** Feeds one tick's snapshot; returns the anomalies standing now, most significant first. */
    public List<Anomaly> update(Snapshot snapshot) {
        long now = snapshot.atMillis();
        if (firstMillis == Long.MIN_VALUE) {
            firstMillis = now;
        }
        lastMillis = now;
        update(Target.ALL, snapshot.recentTotal(), snapshot.total(), now, 1, 1);
        Map<Target, SegmentStats> recent = new HashMap<>();
        for (SegmentStats s : snapshot.recentSegments()) {
            recent.put(s.target(), s);
        }
        // what each segment's siblings do now: traffic drifting as a whole moves every expectation with it
        Map<Target, Double> technicalDrift = SiblingDrift.factors(snapshot.segments(), monitors,
                StatusMix::technicalShare, SegmentMonitor::technicalRate);
        Map<Target, Double> declineDrift = SiblingDrift.factors(snapshot.segments(), monitors,
                StatusMix::declineShare, SegmentMonitor::declineRate);
        for (SegmentStats w : snapshot.segments()) {
            update(w.target(), recent.get(w.target()), w, now, technicalDrift.getOrDefault(w.target(), 1.0),
                    declineDrift.getOrDefault(w.target(), 1.0));
        }
        // segments with nothing in the window (e.g. behind an open circuit) keep their state untouched
        return anomalies(snapshot);
    }

    private void update(Target t, SegmentStats recent, SegmentStats window, long now, double technicalDrift,
                        double declineDrift) {
        monitors.computeIfAbsent(t, target -> new SegmentMonitor(target, limits)).update(recent, window, now, decay,
                monitors.get(Target.ALL), widerInAlarm(t), learning(now), technicalDrift, declineDrift);
    }

    /** Within the learning period at the start of the run: the references learn, nothing is tested. */
    public boolean learning(long now) {
        return now - firstMillis < limits.learningSeconds() * 1000L;
    }

    @Override
    public boolean learning() {
        return firstMillis != Long.MIN_VALUE && learning(lastMillis);
    }

    /** The segments far worse than their siblings as a rule (see {@link StandingConditions}). */
    public List<io.payops.domain.StandingCondition> standing(long now) {
        return standing.update(monitors.values(), now);
    }

    /**
     * Whether a segment containing {@code t} (all traffic, or {@code t} without one of its dimensions) is in alarm:
     * then {@code t}'s own traffic may already carry the trouble before its own test can tell (a path of a gateway
     * ramping down, or of an issuer failing everywhere, in the seconds before the path's fewer attempts cross its
     * threshold), and its reference must not learn from it, or "expected" drifts into the fault and every later
     * comparison with it is off. In alarm, not merely unsettled: a wider segment's test often climbs halfway by chance,
     * and a reference frozen that often would learn too little.
     */
    private boolean widerInAlarm(Target t) {
        for (Target wider : wider.computeIfAbsent(t, Detector::widerTargets)) {
            if (wider.size() == 0) {
                // all traffic in alarm says nothing about which part carries the trouble: each part's own test and its
                // siblings do (an outage on one gateway must not stop the others learning drift)
                continue;
            }
            SegmentMonitor m = monitors.get(wider);
            if (m != null && m.alarmed()) {
                return true;
            }
        }
        return false;
    }

    /** Every target containing {@code t}: it without any non-empty subset of its dimensions (all traffic last). */
    private static List<Target> widerTargets(Target t) {
        java.util.LinkedHashSet<Target> out = new java.util.LinkedHashSet<>();
        for (Dimension d : t.values().keySet()) {
            Target w = t.without(d);
            out.add(w);
            out.addAll(widerTargets(w));
        }
        return List.copyOf(out);
    }

    private List<Anomaly> anomalies(Snapshot snapshot) {
        List<Anomaly> out = new ArrayList<>();
        addAnomalies(out, monitors.get(Target.ALL), snapshot.total(), snapshot.atMillis());
        for (SegmentStats w : snapshot.segments()) {
            addAnomalies(out, monitors.get(w.target()), w, snapshot.atMillis());
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    private void addAnomalies(List<Anomaly> out, SegmentMonitor m, SegmentStats w, long now) {
        SegmentMonitor all = monitors.get(Target.ALL);
        if (m == null || w == null || !(m.established() || all != null && all.established())) {
            return;
        }
        double h = m.threshold();
        if (m.technical.level() >= h) {
            out.add(new Anomaly(AnomalyKind.TECHNICAL_FAILURES, m.target, StatusMix.technicalShare(w), m.technicalRate(),
                    m.technical.level(), w.attempts(), StatusMix.dominant(w, m::statusRate, false), StatusMix.shares(w), m.technical.onsetMillis()));
        }
        if (m.declines.level() >= h) {
            out.add(new Anomaly(AnomalyKind.CUSTOMER_DECLINES, m.target, StatusMix.declineShare(w), m.declineRate(),
                    m.declines.level(), w.attempts(), StatusMix.dominant(w, m::statusRate, true), StatusMix.shares(w), m.declines.onsetMillis()));
        }
        if (m.slowRung() >= 0 && m.slow.level() >= h && w.slowCountsKnown()) {
            out.add(new Anomaly(AnomalyKind.SLOW_ATTEMPTS, m.target, w.slowShare(m.slowRung()), m.slowRate(m.slowRung()),
                    m.slow.level(), w.attempts(), Status.BANK_TIMEOUT, StatusMix.shares(w), m.slow.onsetMillis()));
        }
        if (m.latencyHigh(w, limits.latencyRatio())) {
            out.add(new Anomaly(AnomalyKind.LATENCY, m.target, w.p95(), m.p95(), w.p95() / m.p95(), w.attempts(),
                    Status.BANK_TIMEOUT, StatusMix.shares(w), now));
        }
        double apm = m.attemptsPerPayment();
        if (!Double.isNaN(apm) && w.payments() >= limits.minRetryPayments() && w.attemptsPerPayment() >= apm + limits.retryRise()
                && w.attemptsPerPayment() >= apm * 1.08 && retriesSignificant(w, apm)) {
            out.add(new Anomaly(AnomalyKind.RETRY_AMPLIFICATION, m.target, w.attemptsPerPayment(), apm,
                    w.attemptsPerPayment() / apm, w.payments(), StatusMix.dominant(w, m::statusRate, false), StatusMix.shares(w), now));
        }
    }

    /**
     * Extra attempts (retries) well above what the reference expects for this many payments: a Poisson test at
     * four standard deviations, so a small segment's few unlucky retries do not count as a storm.
     */
    private static boolean retriesSignificant(SegmentStats w, double refApm) {
        double expected = Math.max(1, (refApm - 1) * w.payments());
        double observed = w.attempts() - w.payments();
        return observed >= expected + 4 * Math.sqrt(expected);
    }





    /**
     * The references of all traffic, each gateway and each issuer, for the console's baselines: only segments with a
     * reference of their own (all traffic's stands in for a young segment in the tests, but would misstate it as that
     * segment's normal). Read-only: it changes nothing the tests or the references use.
     */
    public List<io.payops.domain.SegmentReference> references() {
        List<io.payops.domain.SegmentReference> out = new ArrayList<>();
        for (SegmentMonitor m : monitors.values()) {
            Target t = m.target;
            boolean shown = t.isAll() || t.size() == 1 && (t.has(Dimension.GATEWAY) || t.has(Dimension.ISSUER));
            if (!shown || !m.established() || m.referenceAttempts() < limits.minOwnReference()) {
                continue;
            }
            out.add(new io.payops.domain.SegmentReference(t, m.statusRate(Status.SUCCESS), m.p95(),
                    !m.healthy() || widerInAlarm(t)));
        }
        out.sort((a, b) -> a.target().compareTo(b.target()));
        return out;
    }

    /** Forgets a segment's alarm once the verify step has seen it healthy again (its probe passed). */
    public void clearAlarm(Target target) {
        for (Map.Entry<Target, SegmentMonitor> e : monitors.entrySet()) {
            if (e.getKey().within(target)) {
                e.getValue().technical.reset();
                e.getValue().declines.reset();
                e.getValue().slow.reset();
            }
        }
    }

    /** The sequential test's level for a segment (0 when unknown): how strongly it says something is wrong. */
    @Override
    public double alarmLevel(Target target) {
        SegmentMonitor m = monitors.get(target);
        return m == null ? 0 : Math.max(m.slow.level(), Math.max(m.technical.level(), m.declines.level()));
    }

    @Override
    public boolean troubled(Target target) {
        SegmentMonitor m = monitors.get(target);
        return m != null && !m.healthy();
    }

    @Override
    public boolean established(Target target) {
        SegmentMonitor m = monitors.get(target);
        return m != null && m.established();
    }

    /** A segment's reference rate, or all traffic's while the segment has too little history of its own. */
    @Override
    public double statusRate(Target target, Status status) {
        SegmentMonitor m = monitors.get(target);
        if (m == null || m.referenceAttempts() < limits.minOwnReference()) {
            SegmentMonitor all = monitors.get(Target.ALL);
            return all == null ? Double.NaN : all.statusRate(status);
        }
        return m.statusRate(status);
    }

    /** The rung of the latency ladder a segment's slow test watches, -1 while unsettled or unknown. */
    @Override
    public int slowRung(Target target) {
        SegmentMonitor m = monitors.get(target);
        return m == null ? -1 : m.slowRung();
    }

    /** A segment's normal share of attempts slower than a rung, or all traffic's while the segment is young. */
    @Override
    public double slowRate(Target target, int rung) {
        SegmentMonitor m = monitors.get(target);
        if (m == null || m.referenceAttempts() < limits.minOwnReference() || Double.isNaN(m.slowRate(rung))) {
            SegmentMonitor all = monitors.get(Target.ALL);
            return all == null ? Double.NaN : all.slowRate(rung);
        }
        return m.slowRate(rung);
    }

    @Override
    public double technicalRate(Target target) {
        return reference(target, SegmentMonitor::technicalRate);
    }

    @Override
    public double declineRate(Target target) {
        return reference(target, SegmentMonitor::declineRate);
    }

    @Override
    public double p95(Target target) {
        return reference(target, SegmentMonitor::p95);
    }

    @Override
    public double attemptsPerPayment(Target target) {
        return reference(target, SegmentMonitor::attemptsPerPayment);
    }

    /** One of a segment's own reference numbers; NaN for a segment never seen. */
    private double reference(Target target, ToDoubleFunction<SegmentMonitor> number) {
        SegmentMonitor m = monitors.get(target);
        return m == null ? Double.NaN : number.applyAsDouble(m);
    }
}
