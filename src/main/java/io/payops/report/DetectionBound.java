package io.payops.report;

/**
 * The sequential test's bound DESIGN §9 measures detection speed against: Wald's expected sample size for telling a
 * failure rate p1 from p0 at α = 0.001 and 90% power, about 5.9 / KL(p1‖p0) attempts, turned into seconds at the
 * affected segment's own attempt rate (a 90%→80% drop needs about 130 attempts).
 */
public final class DetectionBound {
    private static final double ALPHA = 0.001;
    private static final double BETA = 0.1;

    private DetectionBound() {
    }

    public static double attempts(double p0, double p1) {
        double a = Math.log((1 - BETA) / ALPHA);
        double b = Math.log(BETA / (1 - ALPHA));
        double kl = kl(p1, p0);
        return kl <= 0 ? Double.POSITIVE_INFINITY : ((1 - BETA) * a + BETA * b) / kl;
    }

    private static double kl(double p, double q) {
        double x = p <= 0 ? 0 : p * Math.log(p / q);
        double y = p >= 1 ? 0 : (1 - p) * Math.log((1 - p) / (1 - q));
        return x + y;
    }
}
