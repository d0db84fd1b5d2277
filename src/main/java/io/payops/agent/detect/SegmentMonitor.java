package io.payops.agent.detect;

import io.payops.agent.AgentConfig;
import io.payops.domain.LatencyLadder;
import io.payops.domain.SegmentStats;
import io.payops.domain.Status;
import io.payops.domain.Target;

/**
 * Watches one segment: keeps its reference (exponentially decayed counts, frozen while the segment is in alarm so
 * an incident never becomes the new normal) and two sequential tests, one for technical failures and one for
 * customer declines, plus the latency and retry references.
 */
final class SegmentMonitor {
    private static final Status[] STATUSES = Status.values();

    final Target target;
    private final AgentConfig.Detection limits;
    /** The threshold penalty for testing the large rises beside the doubling. */
    private final double alternativesPenalty;
    private final double[] refStatus = new double[STATUSES.length];
    private double refAttempts;
    private double refP95 = Double.NaN;
    private double refApm = Double.NaN;
    final BernoulliCusum technical;
    final BernoulliCusum declines;
    /** Attempts slower than the segment's rung of the latency ladder ({@link #slowRung}), as a rate. */
    final BernoulliCusum slow;
    /** Decayed counts of attempts slower than each rung, learned while the slow test is quiet. */
    private final double[] refSlow = new double[LatencyLadder.RUNGS];
    private double refSlowAttempts;
    /** The rung this segment's slow test watches; -1 until its reference has settled. */
    private int slowRung = -1;
    private double refSlowDecay = 1;
    /** The latest seconds' attempts, technical failures, declines and slow attempts: [second % recoveryMaxSeconds][4]. */
    private final long[][] recent;
    private int recentNext;
    private long lastMillis;
    private double attemptsPerSecond;

    SegmentMonitor(Target target, AgentConfig.Detection limits) {
        this.target = target;
        this.limits = limits;
        double[] largeRises = limits.largeRises().stream().mapToDouble(Double::doubleValue).toArray();
        this.alternativesPenalty = BernoulliCusum.alternativesPenalty(largeRises.length);
        this.technical = new BernoulliCusum(largeRises);
        this.declines = new BernoulliCusum(largeRises);
        this.slow = new BernoulliCusum(largeRises);
        this.recent = new long[limits.recoveryMaxSeconds()][4];
    }

    boolean established() {
        return refAttempts >= limits.referenceSamples();
    }

    double referenceAttempts() {
        return refAttempts;
    }

    double statusRate(Status s) {
        return refAttempts <= 0 ? Double.NaN : refStatus[s.ordinal()] / refAttempts;
    }

    double technicalRate() {
        return refAttempts <= 0 ? Double.NaN : Math.max(limits.rateFloor(), technicalCount() / refAttempts);
    }

    /** Technical failures in the reference (decayed counts). */
    double technicalCount() {
        double sum = 0;
        for (Status s : STATUSES) {
            if (!s.success() && !s.customerSide()) {
                sum += refStatus[s.ordinal()];
            }
        }
        return sum;
    }

    double declineRate() {
        double sum = refStatus[Status.USER_DECLINED.ordinal()] + refStatus[Status.INSUFFICIENT_FUNDS.ordinal()];
        return refAttempts <= 0 ? Double.NaN : Math.max(limits.rateFloor(), sum / refAttempts);
    }

    /**
     * The reference rate the tests compare against: the estimate plus two standard errors. A small segment's
     * estimate is noisy, and a test against an underestimate alarms on nothing; this errs the other way.
     */
    private double conservative(double rate) {
        return Math.min(0.9, rate + 2 * Math.sqrt(rate * (1 - rate) / Math.max(1, refAttempts)));
    }

    /**
     * This segment's alarm level: ln of the attempts it sees in a day × the test's drift under no change / the
     * false alarms allowed per day ({@code falseAlarmsPerDay}), plus the penalty for testing several alternatives; never
     * below the configured floor. A busy segment needs stronger evidence because it has more chances to drift up by luck.
     */
    double threshold() {
        double perDay = Math.max(1, attemptsPerSecond) * 86_400;
        return Math.max(limits.cusumFloor(), Math.log(perDay * 0.03 / limits.falseAlarmsPerDay()) + alternativesPenalty);
    }

    double p95() {
        return refP95;
    }

    double attemptsPerPayment() {
        return refApm;
    }

    /**
     * Feeds one second of this segment ({@code recent}) and the current window; updates the tests, and the
     * references when the segment looks healthy and no segment containing it is in alarm.
     *
     * @param fallback     all traffic's monitor: a segment too young for its own reference is tested against all
     *                     traffic's rates, inflated by half, so a low-volume path is watched from the start
     * @param widerInAlarm a segment containing this one is in alarm: the references hold still
     * @param learning     the learning period: the references learn, no test runs
     * @param technicalDrift how far this segment's siblings' technical failures run above their references now
     *                       ({@link SiblingDrift}; 1 in calm traffic): the expectation moves with them
     * @param declineDrift   the same for customer declines
     */
    void update(SegmentStats recent, SegmentStats window, long nowMillis, double decay, SegmentMonitor fallback,
                boolean widerInAlarm, boolean learning, double technicalDrift, double declineDrift) {
        refSlowDecay = decay;
        double minRise = limits.minRiseAbsolute();
        boolean own = established();
        boolean ready = !learning && (own || (fallback != null && fallback != this && fallback.established()));
        if (window != null) {
            attemptsPerSecond = window.attemptsPerSecond();
        }
        double threshold = threshold();
        if (recent != null && recent.attempts() > 0) {
            if (ready) {
                long n = recent.attempts();
                long customer = recent.count(Status.USER_DECLINED) + recent.count(Status.INSUFFICIENT_FUNDS);
                long tech = n - recent.successes() - customer;
                double q0 = own ? conservative(Math.min(0.9, technicalDrift * technicalRate()))
                        : Math.min(0.9, 1.5 * technicalDrift * fallback.conservative(fallback.technicalRate()));
                double d0 = own ? conservative(Math.min(0.9, declineDrift * declineRate()))
                        : Math.min(0.9, 1.5 * declineDrift * fallback.conservative(fallback.declineRate()));
                technical.add(n, tech, q0, minRise, nowMillis, 2 * threshold);
                declines.add(n, customer, d0, minRise, nowMillis, 2 * threshold);
                long slowAttempts = slowRung >= 0 && recent.slowCountsKnown() ? recent.slowerThan(slowRung) : 0;
                remember(n, tech, customer, slowAttempts);
                lastMillis = nowMillis;
                clearIfRecovered(technical, 1, q0, minRise, threshold);
                clearIfRecovered(declines, 2, d0, minRise, threshold);
            }
            if (slowRung >= 0 && recent.slowCountsKnown() && !learning) {
                double s0 = conservative(slowRate(slowRung));
                slow.add(recent.attempts(), recent.slowerThan(slowRung), s0, minRise, nowMillis, 2 * threshold);
                if (ready) {
                    clearIfRecovered(slow, 3, s0, minRise, threshold);
                }
            }
        }
        if (widerInAlarm || !healthy()) {
            return;
        }
        learnSlow(recent);
        for (int k = 0; k < refStatus.length; k++) {
            refStatus[k] *= decay;
        }
        refAttempts *= decay;
        if (recent != null) {
            refAttempts += recent.attempts();
            for (var e : recent.statusCounts().entrySet()) {
                refStatus[e.getKey().ordinal()] += e.getValue();
            }
        }
        if (window != null && window.attempts() >= limits.minLatencyAttempts() && !latencyHigh(window, 1.8)
                && slow.level() < threshold / 2) {
            refP95 = Double.isNaN(refP95) ? window.p95() : refP95 + 0.02 * (window.p95() - refP95);
        }
        if (window != null && window.payments() >= 50 && window.attemptsPerPayment() > 0) {
            refApm = Double.isNaN(refApm) ? window.attemptsPerPayment()
                    : refApm + 0.02 * (window.attemptsPerPayment() - refApm);
        }
    }

    /** Some test at or above its alarm level. */
    boolean alarmed() {
        double threshold = threshold();
        return technical.level() >= threshold || declines.level() >= threshold || slow.level() >= threshold;
    }

    /** Below half of its alarm level on every test: the reference learns from this segment's traffic again. */
    boolean healthy() {
        double threshold = threshold();
        return technical.level() < threshold / 2 && declines.level() < threshold / 2 && slow.level() < threshold / 2;
    }

    /** The normal share of attempts slower than a rung (the decayed reference), NaN before any. */
    double slowRate(int rung) {
        return refSlowAttempts <= 0 ? Double.NaN : Math.max(limits.rateFloor(), refSlow[rung] / refSlowAttempts);
    }

    int slowRung() {
        return slowRung;
    }

    /**
     * Learns the slow reference (only while every test is quiet: during an outage most attempts fail fast, and a
     * reference that learnt from them would call normal latency slow afterwards), and
     * settles or re-chooses the watched rung: the one whose normal share is nearest {@code slowTargetShare}
     * (on the log-odds scale). A new rung starts its test afresh.
     */
    private void learnSlow(SegmentStats recent) {
        if (recent == null || !recent.slowCountsKnown()) {
            return;
        }
        double decay = refSlowDecay;
        for (int k = 0; k < refSlow.length; k++) {
            refSlow[k] = refSlow[k] * decay + recent.slowerThan(k);
        }
        refSlowAttempts = refSlowAttempts * decay + recent.attempts();
        if (refSlowAttempts < limits.referenceSamples()) {
            return;
        }
        double current = slowRung < 0 ? Double.NaN : refSlow[slowRung] / refSlowAttempts;
        if (slowRung >= 0 && current >= limits.slowMinShare() && current <= limits.slowMaxShare()) {
            return;
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        double floor = limits.rateFloor();
        for (int k = 0; k < refSlow.length; k++) {
            double share = Math.min(1 - floor, Math.max(floor, refSlow[k] / refSlowAttempts));
            double distance = Math.abs(logit(share) - logit(limits.slowTargetShare()));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = k;
            }
        }
        if (best != slowRung) {
            slowRung = best;
            slow.reset();
        }
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private void remember(long attempts, long tech, long customer, long slowAttempts) {
        long[] slot = recent[recentNext];
        slot[0] = attempts;
        slot[1] = tech;
        slot[2] = customer;
        slot[3] = slowAttempts;
        recentNext = (recentNext + 1) % recent.length;
    }

    /**
     * Clears a test in alarm once the latest seconds clearly say its cause is gone: their likelihood under the
     * reference rate beats the alarm's own alternative by {@code recoveredLogOdds}, over the latest seconds inside the
     * alarm: at least {@code recoveryMinSeconds}, more until they hold {@code recoveryAttempts} attempts.
     */
    private void clearIfRecovered(BernoulliCusum test, int column, double q0, double minRise, double threshold) {
        // only seconds inside the alarm count: just after it went off, most of them are the calm before it
        if (test.level() < threshold || test.onsetMillis() < 0) {
            return;
        }
        int minSeconds = limits.recoveryMinSeconds();
        int inAlarm = (int) Math.min(recent.length, (lastMillis - test.onsetMillis()) / 1000);
        if (inAlarm < minSeconds) {
            return;
        }
        double q1 = test.leadingRate(q0, minRise);
        double llr = 0;
        long attempts = 0;
        for (int back = 1; back <= inAlarm && (back <= minSeconds || attempts < limits.recoveryAttempts()); back++) {
            long[] slot = recent[Math.floorMod(recentNext - back, recent.length)];
            long n = slot[0];
            long k = slot[column];
            attempts += n;
            llr += k * Math.log(q0 / q1) + (n - k) * Math.log((1 - q0) / (1 - q1));
        }
        if (llr >= limits.recoveredLogOdds()) {
            test.reset();
            for (long[] slot : recent) {
                slot[column] = 0;
            }
        }
    }

    /** A window p95 well above the reference; needs enough attempts that a p95 means something. */
    boolean latencyHigh(SegmentStats window, double ratio) {
        return !Double.isNaN(refP95) && window.attempts() >= limits.minLatencyAttempts() && window.p95() > ratio * refP95;
    }
}
