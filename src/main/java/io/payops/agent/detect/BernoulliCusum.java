package io.payops.agent.detect;

/**
 * One-sided Bernoulli CUSUMs for a rate rising from its reference {@code q0}, run for several alternatives at once
 * (a doubling of at least {@code minRise}, and the large rises, by default +15, +40 and +75 points) so both small and large rises are caught
 * close to the optimal sequential test's sample size. Each is the log-likelihood ratio of the per-second counts,
 * floored at zero; the level is the largest of the three. A real rise alarms after about h / KL(q1‖q0) attempts;
 * under no change the level stays near zero. It also remembers when the strongest test last left zero: the
 * estimated start of the change.
 */
final class BernoulliCusum {
    /** The fixed alternatives beside the doubling (AgentConfig.Detection#largeRises). */
    private final double[] largeRises;
    private final double[] levels;
    private final long[] onsets;

    BernoulliCusum(double[] largeRises) {
        this.largeRises = largeRises;
        this.levels = new double[largeRises.length + 1];
        this.onsets = new long[largeRises.length + 1];
        java.util.Arrays.fill(onsets, -1);
    }

    /** The threshold penalty for running this many alternatives beside the doubling (a union bound over them). */
    static double alternativesPenalty(int largeRises) {
        return Math.log(largeRises + 1);
    }

    /** Adds {@code events} out of {@code trials} seen in the second ending at {@code nowMillis}. */
    void add(long trials, long events, double q0, double minRise, long nowMillis, double cap) {
        if (trials <= 0) {
            return;
        }
        for (int k = 0; k < levels.length; k++) {
            double q1 = k == 0 ? Math.min(0.95, q0 + Math.max(minRise, q0)) : Math.min(0.97, q0 + largeRises[k - 1]);
            if (q1 <= q0) {
                continue;
            }
            double inc = events * Math.log(q1 / q0) + (trials - events) * Math.log((1 - q1) / (1 - q0));
            double before = levels[k];
            // capped so that, once the cause is gone, the test comes back down in a bounded number of attempts
            levels[k] = Math.min(cap, Math.max(0, before + inc));
            if (levels[k] == 0) {
                onsets[k] = -1;
            } else if (before == 0) {
                onsets[k] = nowMillis - 1000;
            }
        }
    }

    /** The rate of the alternative that leads now (the one whose level is highest): what "in alarm" claims. */
    double leadingRate(double q0, double minRise) {
        int best = 0;
        for (int k = 1; k < levels.length; k++) {
            if (levels[k] > levels[best]) {
                best = k;
            }
        }
        return best == 0 ? Math.min(0.95, q0 + Math.max(minRise, q0)) : Math.min(0.97, q0 + largeRises[best - 1]);
    }

    double level() {
        double max = 0;
        for (double l : levels) {
            max = Math.max(max, l);
        }
        return max;
    }

    long onsetMillis() {
        int best = 0;
        for (int k = 1; k < levels.length; k++) {
            if (levels[k] > levels[best]) {
                best = k;
            }
        }
        return onsets[best];
    }

    void reset() {
        java.util.Arrays.fill(levels, 0);
        java.util.Arrays.fill(onsets, -1);
    }
}
