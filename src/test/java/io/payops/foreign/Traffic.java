package io.payops.foreign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays a {@link Plan}: Poisson arrivals, one outcome per attempt from a chain of independent failure causes, retries
 * in bursts and storms. Times here are microseconds from the log's start.
 */
final class Traffic {
    /**
     * The standing issuer keeps this share of its own base rate: 0.54 against a base of about 0.85 (the drift's
     * centre, less the noise). Its siblings also lose a point or two to faults, which the standing issuer never
     * carries, so they end near 0.84.
     */
    static final double STANDING_FACTOR = 0.54 / 0.85;
    private static final int[] ROUND_AMOUNTS = {100, 199, 250, 499, 500, 999, 1000, 1500, 2000, 2500, 5000};
    private static final double MISSING_SHARE = 0.02;

    private final Plan plan;
    private final SplittableRandom rng;
    private final long endMicros;
    private final List<Attempt> out = new ArrayList<>();

    private Traffic(Plan plan) {
        this.plan = plan;
        // its own stream, so that planning draws can change without shifting every payment (and the reverse)
        this.rng = new SplittableRandom(plan.seed() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        this.endMicros = plan.durationSeconds() * 1_000_000L;
    }

    static List<Attempt> run(Plan plan) {
        Traffic t = new Traffic(plan);
        t.play();
        t.out.sort(Comparator.comparingLong(Attempt::tsMicros).thenComparingInt(Attempt::payment)
                .thenComparingInt(Attempt::attempt));
        return List.copyOf(t.out);
    }

    private void play() {
        long t = 0; // the first payment is the log's first line, at second 0 of the ground truth
        int payment = 0;
        while (t < endMicros) {
            pay(++payment, t);
            t += (long) (-Math.log(1 - rng.nextDouble()) / plan.paymentsPerSecond() * 1e6);
        }
    }

    private void pay(int payment, long t) {
        int gw = sample(Dim.GATEWAY);
        int iss = sample(Dim.ISSUER);
        int net = sample(Dim.NETWORK);
        int method = sample(Dim.METHOD);
        int merchant = sample(Dim.MERCHANT);
        int amount = amount();
        int retries = -1;
        boolean storm = false;
        long at = t;
        for (int attemptNo = 1; ; attemptNo++) {
            Outcome o = decide(at, gw, iss, net, method, merchant);
            double lat = plan.latency().draw(rng, o, gw, spike(at, gw));
            int missing = rng.nextDouble() < MISSING_SHARE ? missing() : 0;
            out.add(new Attempt(plan.startEpochMillis() * 1000 + at, payment, (short) attemptNo, (byte) gw, (byte) iss,
                    (byte) net, (byte) method, (byte) merchant, amount, o, lat, (byte) rng.nextInt(100), (byte) missing));
            if (!o.technical()) {
                return; // customers' declines are final; nobody retries insufficient funds
            }
            if (retries < 0) {
                Episode s = active(plan.faults(), Episode.RETRY_STORM, at, gw, iss, net);
                storm = s != null;
                retries = storm ? 2 + rng.nextInt(3) : burstRetries(at);
            }
            if (attemptNo > retries) {
                return;
            }
            // a quick client-side retry: right after the answer (or the timeout), same route, same card
            at += (long) (lat * 1000) + (storm ? 200_000 + rng.nextInt(1_300_000) : 300_000 + rng.nextInt(2_200_000));
            if (at >= endMicros) {
                return;
            }
        }
    }

    private int burstRetries(long at) {
        Episode b = active(plan.noise(), Episode.RETRY_BURST, at, 0, 0, 0);
        return b != null && rng.nextDouble() < b.strength() ? 1 + rng.nextInt(3) : 0;
    }

    /**
     * Each cause gets its own independent chance to fail the attempt, in this order; the first that does names the
     * outcome. Success probability is therefore the product of the survivals, which keeps the stated effects exact
     * in expectation: the drift sets the base, a degradation of k points removes k points.
     */
    private Outcome decide(long at, int gw, int iss, int net, int method, int merchant) {
        double[][] e = plan.effects();
        double c = plan.customerDeclineRate();
        // the standing issuer's own trait is its standing factor alone, so that its rate lands near 54% for every seed
        double issuerEffect = iss == plan.standingIssuer() ? 1 : e[1][iss];
        double q = plan.drift().at(at) * e[0][gw] * issuerEffect * e[2][net] * e[3][method] * e[4][merchant];
        q = Math.min(q, (1 - c) * 0.995);
        if (rng.nextDouble() < c) {
            return rng.nextDouble() < 0.45 ? Outcome.INSUFFICIENT_FUNDS : Outcome.USER_DECLINED;
        }
        if (iss == plan.standingIssuer() && rng.nextDouble() < 1 - STANDING_FACTOR) {
            return rng.nextDouble() < 0.75 ? Outcome.ISSUER_DOWN : Outcome.BANK_TIMEOUT;
        }
        for (Episode f : plan.faults()) {
            if (f.active(at, gw, iss, net) && rng.nextDouble() < faultFailure(f, q)) {
                return switch (f.type()) {
                    case Episode.ISSUER_DEGRADATION -> Outcome.ISSUER_DOWN;
                    case Episode.GATEWAY_OUTAGE -> Outcome.GATEWAY_ERROR;
                    case Episode.NETWORK_ERRORS -> Outcome.NETWORK_ERROR;
                    default -> Outcome.BANK_TIMEOUT; // latency spike, retry storm: the client gives up
                };
            }
        }
        for (Episode n : plan.noise()) {
            if (n.type().equals(Episode.BACKGROUND_DEGRADATION) && n.active(at, gw, iss, net)
                    && rng.nextDouble() < n.strength() / q) {
                boolean slow = rng.nextDouble() < 0.4;
                return slow ? Outcome.BANK_TIMEOUT : n.dim() == Dim.ISSUER ? Outcome.ISSUER_DOWN : Outcome.GATEWAY_ERROR;
            }
        }
        if (rng.nextDouble() < 1 - q / (1 - c)) {
            double u = rng.nextDouble(); // the everyday mix of technical failures
            return u < 0.35 ? Outcome.BANK_TIMEOUT : u < 0.65 ? Outcome.GATEWAY_ERROR : u < 0.80 ? Outcome.ISSUER_DOWN
                    : Outcome.NETWORK_ERROR;
        }
        return Outcome.SUCCESS;
    }

    private static double faultFailure(Episode f, double q) {
        // a degradation is stated in points of success lost; the others as a share of attempts failed
        return f.type().equals(Episode.ISSUER_DEGRADATION) ? Math.min(0.97, f.strength() / q) : f.strength();
    }

    private double spike(long at, int gw) {
        Episode s = active(plan.faults(), Episode.LATENCY_SPIKE, at, gw, -1, -1);
        return s == null ? 1 : s.latencyFactor();
    }

    private static Episode active(List<Episode> episodes, String type, long at, int gw, int iss, int net) {
        for (Episode e : episodes) {
            if (e.type().equals(type) && e.active(at, gw, iss, net)) {
                return e;
            }
        }
        return null;
    }

    private int sample(Dim d) {
        double[] shares = plan.shares()[d.ordinal()];
        double u = rng.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** Python simulators mostly pick from a list of round prices, now and then a drawn one. */
    private int amount() {
        if (rng.nextDouble() < 0.7) {
            return ROUND_AMOUNTS[rng.nextInt(ROUND_AMOUNTS.length)] * 100;
        }
        return (int) Math.max(1000, Math.round(120_000 * Math.exp(0.9 * LatencyModel.gaussian(rng))));
    }

    /** One optional field (now and then two) left out, or written empty. */
    private int missing() {
        int[] fields = {Attempt.NO_METHOD, Attempt.NO_MERCHANT, Attempt.NO_AMOUNT};
        int m = fields[rng.nextInt(3)];
        if (rng.nextDouble() < 0.15) {
            m |= fields[rng.nextInt(3)];
        }
        return rng.nextBoolean() ? m | Attempt.AS_EMPTY : m;
    }
}
