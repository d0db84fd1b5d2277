package io.payops.sim;

/** The standard normal CDF, from the Abramowitz–Stegun erf approximation (error below 1.5e-7). */
final class NormalCdf {
    private NormalCdf() {
    }

    static double phi(double z) {
        if (z > 9) {
            return 1;
        }
        if (z < -9) {
            return 0;
        }
        return 0.5 * (1 + erf(z / Math.sqrt(2)));
    }

    static double erf(double x) {
        double sign = Math.signum(x);
        double a = Math.abs(x);
        double t = 1 / (1 + 0.3275911 * a);
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-a * a);
        return sign * y;
    }
}
