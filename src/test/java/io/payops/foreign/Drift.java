package io.payops.foreign;

/**
 * The slowly drifting base success rate (customer declines included, faults excluded): one full slow sine over the
 * log, so its mean is the centre whatever the phase, plus a small bounded random walk so it is not too smooth.
 *
 * @param walk one value per {@link #STEP_SECONDS}, within +-{@link #WALK_BOUND}
 */
record Drift(double centre, double amplitude, double phase, int periodSeconds, double[] walk) {
    static final int STEP_SECONDS = 10;
    static final double WALK_BOUND = 0.012;

    double at(long tMicrosFromStart) {
        double s = tMicrosFromStart / 1e6;
        int i = (int) Math.min(walk.length - 1, Math.max(0, s / STEP_SECONDS));
        return centre + amplitude * Math.sin(2 * Math.PI * s / periodSeconds + phase) + walk[i];
    }
}
