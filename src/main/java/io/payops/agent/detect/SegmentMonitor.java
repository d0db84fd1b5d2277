package io.payops.agent.detect;

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
    /** Rates below this are treated as this, so a segment with no failures yet is not alarmed by the first one. */
    private static final double RATE_FLOOR = 0.004;
    private static final long MIN_LATENCY_SAMPLES = 100;
    /**
     * The slow test watches the rung where about this share of attempts is normally slower: frequent enough that a
     * low-volume segment sees slow attempts every minute, rare enough that a latency rise multiplies it.
     */
    static final double SLOW_TARGET_SHARE = 0.1;
    /**
     * False alarms each segment's tests may raise per simulated day under no change (DESIGN §9 allows one): the
     * threshold is set for half of that, so the busiest segments stay under one with room for the drift of their
     * references, and detection is no slower than it must be.
     */
    static final double FALSE_ALARMS_PER_DAY = 0.5;
    /** A settled rung is kept while its normal share stays within these; outside them the rung is chosen again. */
    static final double SLOW_MIN_SHARE = 0.03;
    static final double SLOW_MAX_SHARE = 0.3;
    /**
     * The latest seconds that judge whether an alarm's cause is gone: at least {@link #MIN_RECENT_SECONDS}, more (up
     * to {@link #RECENT_SECONDS}) until they hold {@link #RECENT_ATTEMPTS} attempts, and never seconds from before the
     * alarm. A low-volume segment needs a long stretch to tell a small rise from none (a doubling of a 4% rate
     * takes about 200 attempts to reject at 20 to 1); a busy one needs only a short one.
     */
    static final int RECENT_SECONDS = 120;
    static final int MIN_RECENT_SECONDS = 15;
    static final long RECENT_ATTEMPTS = 200;
    /**
     * An alarm is cleared when the latest {@link #RECENT_SECONDS} favour "back to the reference" over the alarm's own
     * alternative by this log-likelihood ratio (ln 20: 20 to 1). Without it a test capped at twice its threshold
     * takes minutes to come back down after a fault ends, and the incident outlives its cause.
     */
    static final double RECOVERED = Math.log(20);

    final Target target;
    private final double[] refStatus = new double[STATUSES.length];
    private double refAttempts;
    private double refP95 = Double.NaN;
    private double refApm = Double.NaN;
    final BernoulliCusum technical = new BernoulliCusum();
    final BernoulliCusum declines = new BernoulliCusum();
    /** Attempts slower than the segment's rung of the latency ladder ({@link #slowRung}), as a rate. */
    final BernoulliCusum slow = new BernoulliCusum();
    /** Decayed counts of attempts slower than each rung, learned while the slow test is quiet. */
    private final double[] refSlow = new double[LatencyLadder.RUNGS];
    private double refSlowAttempts;
    /** The rung this segment's slow test watches; -1 until its reference has settled. */
    private int slowRung = -1;
    private double refSlowDecay = 1;
    /** The latest seconds' attempts, technical failures, declines and slow attempts: [second % RECENT_SECONDS][4]. */
    private final long[][] recent = new long[RECENT_SECONDS][4];
    private int recentNext;
    private long lastMillis;
    private double attemptsPerSecond;

    SegmentMonitor(Target target) {
        this.target = target;
    }

    boolean established(long minSamples) {
        return refAttempts >= minSamples;
    }

    double referenceAttempts() {
        return refAttempts;
    }

    double statusRate(Status s) {
        return refAttempts <= 0 ? Double.NaN : refStatus[s.ordinal()] / refAttempts;
    }

    double technicalRate() {
        double sum = 0;
        for (Status s : STATUSES) {
            if (!s.success() && !s.customerSide()) {
                sum += refStatus[s.ordinal()];
            }
        }
        return refAttempts <= 0 ? Double.NaN : Math.max(RATE_FLOOR, sum / refAttempts);
    }

    double declineRate() {
        double sum = refStatus[Status.USER_DECLINED.ordinal()] + refStatus[Status.INSUFFICIENT_FUNDS.ordinal()];
        return refAttempts <= 0 ? Double.NaN : Math.max(RATE_FLOOR, sum / refAttempts);
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
     * false alarms allowed per day ({@link #FALSE_ALARMS_PER_DAY}), plus the penalty for testing four alternatives; never below the
     * configured floor. A busy segment needs stronger evidence because it has more chances to drift up by luck.
     */
    double threshold(double floor) {
        double perDay = Math.max(1, attemptsPerSecond) * 86_400;
        return Math.max(floor, Math.log(perDay * 0.03 / FALSE_ALARMS_PER_DAY) + BernoulliCusum.ALTERNATIVES_PENALTY);
    }

    double p95() {
        return refP95;
    }

    double attemptsPerPayment() {
        return refApm;
    }

    /**
     * Feeds one second of this segment ({@code recent}) and the current window; updates the tests, and the
     * references when the segment looks healthy.
     */
    /**
     * @param fallback all traffic's monitor: a segment too young for its own reference is tested against all
     *                 traffic's rates, inflated by half, so a low-volume path is watched from the start
     */
    void update(SegmentStats recent, SegmentStats window, long nowMillis, double decay, double floor,
                double minRise, long minSamples, SegmentMonitor fallback) {
        refSlowDecay = decay;
        boolean own = established(minSamples);
        boolean ready = own || (fallback != null && fallback != this && fallback.established(minSamples));
        if (window != null) {
            attemptsPerSecond = window.attemptsPerSecond();
        }
        double threshold = threshold(floor);
        if (recent != null && recent.attempts() > 0) {
            if (ready) {
                long n = recent.attempts();
                long customer = recent.count(Status.USER_DECLINED) + recent.count(Status.INSUFFICIENT_FUNDS);
                long tech = n - recent.successes() - customer;
                double q0 = own ? conservative(technicalRate()) : Math.min(0.9, 1.5 * fallback.conservative(fallback.technicalRate()));
                double d0 = own ? conservative(declineRate()) : Math.min(0.9, 1.5 * fallback.conservative(fallback.declineRate()));
                technical.add(n, tech, q0, minRise, nowMillis, 2 * threshold);
                declines.add(n, customer, d0, minRise, nowMillis, 2 * threshold);
                long slowAttempts = slowRung >= 0 && recent.slowCountsKnown() ? recent.slowerThan(slowRung) : 0;
                remember(n, tech, customer, slowAttempts);
                lastMillis = nowMillis;
                clearIfRecovered(technical, 1, q0, minRise, threshold);
                clearIfRecovered(declines, 2, d0, minRise, threshold);
            }
            if (slowRung >= 0 && recent.slowCountsKnown()) {
                double s0 = conservative(slowRate(slowRung));
                slow.add(recent.attempts(), recent.slowerThan(slowRung), s0, minRise, nowMillis, 2 * threshold);
                if (ready) {
                    clearIfRecovered(slow, 3, s0, minRise, threshold);
                }
            }
        }
        if (healthy(floor)) {
            learnSlow(recent, minSamples);
        }
        if (!healthy(floor)) {
            return;
        }
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
        if (window != null && window.attempts() >= MIN_LATENCY_SAMPLES && !latencyHigh(window, 1.8)
                && slow.level() < threshold / 2) {
            refP95 = Double.isNaN(refP95) ? window.p95() : refP95 + 0.02 * (window.p95() - refP95);
        }
        if (window != null && window.payments() >= 50 && window.attemptsPerPayment() > 0) {
            refApm = Double.isNaN(refApm) ? window.attemptsPerPayment()
                    : refApm + 0.02 * (window.attemptsPerPayment() - refApm);
        }
    }

    /** Below half of its alarm level on every test: the reference learns from this segment's traffic again. */
    boolean healthy(double floor) {
        double threshold = threshold(floor);
        return technical.level() < threshold / 2 && declines.level() < threshold / 2 && slow.level() < threshold / 2;
    }

    /** The normal share of attempts slower than a rung (the decayed reference), NaN before any. */
    double slowRate(int rung) {
        return refSlowAttempts <= 0 ? Double.NaN : Math.max(RATE_FLOOR, refSlow[rung] / refSlowAttempts);
    }

    int slowRung() {
        return slowRung;
    }

    /**
     * Learns the slow reference (only while every test is quiet: during an outage most attempts fail fast, and a
     * reference that learnt from them would call normal latency slow afterwards), and
     * settles or re-chooses the watched rung: the one whose normal share is nearest {@link #SLOW_TARGET_SHARE}
     * (on the log-odds scale). A new rung starts its test afresh.
     */
    private void learnSlow(SegmentStats recent, long minSamples) {
        if (recent == null || !recent.slowCountsKnown()) {
            return;
        }
        double decay = refSlowDecay;
        for (int k = 0; k < refSlow.length; k++) {
            refSlow[k] = refSlow[k] * decay + recent.slowerThan(k);
        }
        refSlowAttempts = refSlowAttempts * decay + recent.attempts();
        if (refSlowAttempts < minSamples) {
            return;
        }
        double current = slowRung < 0 ? Double.NaN : refSlow[slowRung] / refSlowAttempts;
        if (slowRung >= 0 && current >= SLOW_MIN_SHARE && current <= SLOW_MAX_SHARE) {
            return;
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int k = 0; k < refSlow.length; k++) {
            double share = Math.min(1 - RATE_FLOOR, Math.max(RATE_FLOOR, refSlow[k] / refSlowAttempts));
            double distance = Math.abs(logit(share) - logit(SLOW_TARGET_SHARE));
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
        recentNext = (recentNext + 1) % RECENT_SECONDS;
    }

    /**
     * Clears a test in alarm once the latest seconds clearly say its cause is gone: their likelihood under the
     * reference rate beats the alarm's own alternative by {@link #RECOVERED}.
     */
    private void clearIfRecovered(BernoulliCusum test, int column, double q0, double minRise, double threshold) {
        // only seconds inside the alarm count: just after it went off, most of them are the calm before it
        if (test.level() < threshold || test.onsetMillis() < 0) {
            return;
        }
        int inAlarm = (int) Math.min(RECENT_SECONDS, (lastMillis - test.onsetMillis()) / 1000);
        if (inAlarm < MIN_RECENT_SECONDS) {
            return;
        }
        double q1 = test.leadingRate(q0, minRise);
        double llr = 0;
        long attempts = 0;
        for (int back = 1; back <= inAlarm && (back <= MIN_RECENT_SECONDS || attempts < RECENT_ATTEMPTS); back++) {
            long[] slot = recent[Math.floorMod(recentNext - back, RECENT_SECONDS)];
            long n = slot[0];
            long k = slot[column];
            attempts += n;
            llr += k * Math.log(q0 / q1) + (n - k) * Math.log((1 - q0) / (1 - q1));
        }
        if (llr >= RECOVERED) {
            test.reset();
            for (long[] slot : recent) {
                slot[column] = 0;
            }
        }
    }

    /** A window p95 well above the reference; needs enough attempts that a p95 means something. */
    boolean latencyHigh(SegmentStats window, double ratio) {
        return !Double.isNaN(refP95) && window.attempts() >= MIN_LATENCY_SAMPLES && window.p95() > ratio * refP95;
    }
}
