package io.payops.sim;

import java.util.SplittableRandom;

/**
 * When payments arrive: a Poisson process whose rate follows the scenario's shape around its mean {@code tps}.
 * Bursts (for the bursty shape) are drawn from their own random stream so they do not depend on anything else.
 */
final class TrafficModel {
    private static final double BURST_FACTOR = 3.0;
    private static final double BURST_SECONDS = 30;

    private final double tps;
    private final TrafficShape shape;
    private final int periodSeconds;
    private final SplittableRandom burstRandom;
    private double burstStart;
    private double burstEnd;

    TrafficModel(double tps, TrafficShape shape, int periodSeconds, long seed) {
        this.tps = tps;
        this.shape = shape;
        this.periodSeconds = Math.max(1, periodSeconds);
        this.burstRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
        if (shape == TrafficShape.BURSTY) {
            scheduleBurst(0);
        }
    }

    /** Payments per second at a moment. */
    double rateAt(double second) {
        return switch (shape) {
            case FLAT -> tps;
            // trough at 40% and peak at 160% of the mean; starts at the mean and rising
            case DIURNAL -> tps * (1 + 0.6 * Math.sin(2 * Math.PI * second / periodSeconds));
            case BURSTY -> {
                while (second >= burstEnd) {
                    scheduleBurst(burstEnd);
                }
                yield second >= burstStart ? tps * BURST_FACTOR : tps;
            }
        };
    }

    /** The next arrival after {@code second}, in seconds. */
    double nextArrival(double second, SplittableRandom rnd) {
        double rate = Math.max(1e-6, rateAt(second));
        return second - Math.log(1 - rnd.nextDouble()) / rate;
    }

    private void scheduleBurst(double after) {
        double gap = -Math.log(1 - burstRandom.nextDouble()) * periodSeconds;
        burstStart = after + gap;
        burstEnd = burstStart + BURST_SECONDS;
    }
}
