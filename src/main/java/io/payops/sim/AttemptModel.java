package io.payops.sim;

import io.payops.domain.FaultType;
import io.payops.domain.RetryPolicy;
import io.payops.domain.Status;

import java.util.SplittableRandom;

/**
 * How one attempt on one gateway turns out: its success probability (with and without faults), the share of its
 * failures that are retryable, and a sampled status and latency. The sampling and the probabilities follow the same
 * model, so expected and observed rates agree.
 *
 * <p>Model: base success = gateway base × issuer, network and method factors. Issuer degradation takes
 * {@code severity} points off success (ISSUER_DOWN). Outages, network errors, retry storms and user-decline surges
 * each make {@code severity} of the remaining successes fail with their own status. A latency spike multiplies the
 * log-normal latency; attempts slower than the gateway timeout fail with BANK_TIMEOUT.
 */
final class AttemptModel {
    /** How base (fault-free) failures split across statuses; customer-side ones are not retried. */
    static final Status[] BASE_FAILURE_STATUSES = {
            Status.USER_DECLINED, Status.INSUFFICIENT_FUNDS, Status.BANK_TIMEOUT, Status.GATEWAY_ERROR,
            Status.NETWORK_ERROR, Status.ISSUER_DOWN};
    static final double[] BASE_FAILURE_SHARES = {0.50, 0.25, 0.08, 0.07, 0.05, 0.05};
    static final double BASE_CUSTOMER_SHARE = 0.75;

    private final World world;
    private final double[][][][] baseSuccess; // [gateway][issuer][network][method]
    private final double[] gwLogMedian;
    private final double[] gwSigma;
    private final int[] gwTimeout;
    /** Per gateway, latency quantiles at i / LATENCY_STEPS: a draw is one uniform number and one interpolation. */
    private final double[][] gwLatencyQuantiles;
    private static final int LATENCY_STEPS = 4096;

    AttemptModel(World world) {
        this.world = world;
        int nG = world.gateways().size();
        int nI = world.issuers().size();
        int nN = world.networks().size();
        int nM = world.methods().size();
        baseSuccess = new double[nG][nI][nN][nM];
        gwLogMedian = new double[nG];
        gwSigma = new double[nG];
        gwTimeout = new int[nG];
        gwLatencyQuantiles = new double[nG][];
        for (int g = 0; g < nG; g++) {
            GatewayProfile gp = world.gateways().get(g);
            gwLogMedian[g] = Math.log(gp.latencyMedianMs());
            gwSigma[g] = gp.latencySigma();
            gwTimeout[g] = gp.timeoutMs();
            gwLatencyQuantiles[g] = logNormalQuantiles(gp.latencyMedianMs(), gp.latencySigma());
            for (int i = 0; i < nI; i++) {
                for (int n = 0; n < nN; n++) {
                    for (int m = 0; m < nM; m++) {
                        double s = gp.baseSuccess() * world.issuers().get(i).successFactor()
                                * world.networks().get(n).successFactor() * world.methods().get(m).successFactor();
                        baseSuccess[g][i][n][m] = Math.min(0.999, Math.max(0, s));
                    }
                }
            }
        }
    }

    /**
     * Per-attempt success and retryable-failure probabilities on gateway {@code g} for a path, under the given
     * faults (an empty array for none). Writes {success, retryableFailure} into {@code out}.
     */
    void probabilities(int g, int i, int n, int m, int c, FaultBook.LiveFault[] faults, double[] out) {
        double s = baseSuccess[g][i][n][m];
        double drop = 0;
        double multiplier = 1;
        for (FaultBook.LiveFault f : faults) {
            if (f.spec().type() == FaultType.ISSUER_DEGRADATION && f.path().matches(g, i, n, m, c)) {
                drop += f.effectiveSeverity();
            }
        }
        double alive = Math.max(0, s - drop);
        double nonRetryable = (1 - s) * BASE_CUSTOMER_SHARE;
        for (FaultBook.LiveFault f : faults) {
            FaultType t = f.spec().type();
            if (t == FaultType.ISSUER_DEGRADATION || !f.path().matches(g, i, n, m, c)) {
                continue;
            }
            if (t == FaultType.LATENCY_SPIKE) {
                multiplier *= f.effectiveMultiplier();
                continue;
            }
            double failed = alive * f.effectiveSeverity();
            alive -= failed;
            if (!t.failureStatus().retryable()) {
                nonRetryable += failed;
            }
        }
        alive *= withinTimeout(g, multiplier);
        out[0] = alive;
        out[1] = Math.max(0, 1 - alive - nonRetryable);
    }

    /**
     * P(a payment on one path eventually succeeds) when each try picks a gateway by {@code route} and is retried
     * after retryable failures up to {@code maxRetries} times: s · (1 + t + … + t^r), with s and t the route-weighted
     * per-attempt success and retryable-failure probabilities. {@code scratch} holds two doubles.
     */
    double paymentSuccess(double[] route, int i, int n, int m, int c, FaultBook.LiveFault[] faults, int maxRetries,
                          double[] scratch) {
        double s = 0;
        double t = 0;
        for (int g = 0; g < route.length; g++) {
            if (route[g] <= 0) {
                continue;
            }
            probabilities(g, i, n, m, c, faults, scratch);
            s += route[g] * scratch[0];
            t += route[g] * scratch[1];
        }
        return s * RetryPolicy.triesPerPayment(t, maxRetries);
    }

    /** Samples one attempt: returns the status and writes the latency (ms) into {@code latencyOut[0]}. */
    Status sample(int g, int i, int n, int m, int c, FaultBook.LiveFault[] faults, SplittableRandom rnd, int[] latencyOut) {
        double s = baseSuccess[g][i][n][m];
        double drop = 0;
        double multiplier = 1;
        for (FaultBook.LiveFault f : faults) {
            if (f.path().matches(g, i, n, m, c)) {
                if (f.spec().type() == FaultType.ISSUER_DEGRADATION) {
                    drop += f.effectiveSeverity();
                } else if (f.spec().type() == FaultType.LATENCY_SPIKE) {
                    multiplier *= f.effectiveMultiplier();
                }
            }
        }
        double u = rnd.nextDouble();
        Status status;
        if (u < s - drop) {
            status = Status.SUCCESS;
        } else if (u < s) {
            status = Status.ISSUER_DOWN;
        } else {
            status = baseFailure((u - s) / (1 - s));
        }
        if (status == Status.SUCCESS) {
            for (FaultBook.LiveFault f : faults) {
                FaultType t = f.spec().type();
                if (t == FaultType.ISSUER_DEGRADATION || t == FaultType.LATENCY_SPIKE || !f.path().matches(g, i, n, m, c)) {
                    continue;
                }
                if (rnd.nextDouble() < f.effectiveSeverity()) {
                    status = t.failureStatus();
                    break;
                }
            }
        }
        double latency = latency(g, rnd.nextDouble()) * multiplier;
        if (status != Status.SUCCESS) {
            // declines and errors come back faster than approvals
            latency *= 0.6;
        }
        if (latency > gwTimeout[g]) {
            latency = gwTimeout[g];
            if (status == Status.SUCCESS) {
                status = Status.BANK_TIMEOUT;
            }
        }
        latencyOut[0] = (int) Math.max(1, Math.round(latency));
        return status;
    }

    /** A log-normal latency draw by inverse CDF, interpolated between tabulated quantiles. */
    private double latency(int g, double u) {
        double[] q = gwLatencyQuantiles[g];
        double x = u * LATENCY_STEPS;
        int i = (int) x;
        return q[i] + (x - i) * (q[i + 1] - q[i]);
    }

    /** Quantiles at 0, 1/n, ..., 1; the two ends (0 and 1 itself) are taken at 1/(8n) and 1 − 1/(8n). */
    private static double[] logNormalQuantiles(double median, double sigma) {
        double[] q = new double[LATENCY_STEPS + 1];
        for (int i = 0; i <= LATENCY_STEPS; i++) {
            double p = Math.min(1 - 0.125 / LATENCY_STEPS, Math.max(0.125 / LATENCY_STEPS, (double) i / LATENCY_STEPS));
            q[i] = median * Math.exp(sigma * NormalCdf.inverse(p));
        }
        return q;
    }

    private static Status baseFailure(double v) {
        double acc = 0;
        for (int k = 0; k < BASE_FAILURE_SHARES.length; k++) {
            acc += BASE_FAILURE_SHARES[k];
            if (v < acc) {
                return BASE_FAILURE_STATUSES[k];
            }
        }
        return BASE_FAILURE_STATUSES[BASE_FAILURE_STATUSES.length - 1];
    }

    /** P(latency × multiplier ≤ timeout) for a log-normal latency. */
    private double withinTimeout(int g, double multiplier) {
        double z = (Math.log(gwTimeout[g] / multiplier) - gwLogMedian[g]) / gwSigma[g];
        return NormalCdf.phi(z);
    }

    World world() {
        return world;
    }
}
