package io.payops.foreign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Draws a {@link Plan} from a seed, the way a hand-written Python simulator would set up its world. */
final class Planner {
    private static final String[] GATEWAYS = {"stripe", "adyen", "checkout", "worldpay", "braintree"};
    private static final String[] ISSUERS = {"HDFC", "ICICI", "SBI", "AXIS", "KOTAK", "CHASE"};
    private static final String[] METHODS = {"card", "upi", "wallet", "netbanking"};
    /** Methods differ a little by nature (netbanking redirects drop more), a fixed trait rather than a draw. */
    private static final double[] METHOD_EFFECT = {1.0, 0.985, 1.01, 0.975};
    private static final String[] MERCHANTS = {"m_quickcart", "m_travelnest", "m_foodhub", "m_edulearn", "m_gamezone"};
    private static final long DAY0 = Instant.parse("2026-03-02T09:00:00Z").toEpochMilli();
    /** Keeps a log under ~80k attempts (retries come on top). */
    private static final double MAX_PAYMENTS = 72_000;
    /** Faults start no earlier than this, so a detector has a normal stretch to learn from. */
    static final int FAULT_EARLIEST_S = 480;
    static final int FAULT_MIN_S = 180;
    static final int FAULT_MAX_S = 480;
    static final int FAULT_GAP_S = 180;

    private Planner() {
    }

    static Plan plan(long seed, boolean forceStanding) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> gateways = pick(rng, GATEWAYS, 3, 5);
        List<String> issuers = pick(rng, ISSUERS, 4, 6);
        List<String> networks = new ArrayList<>(List.of("VISA", "MASTERCARD"));
        if (rng.nextBoolean()) {
            networks.add(rng.nextBoolean() ? "RUPAY" : "AMEX");
        }
        World world = new World(gateways, issuers, List.copyOf(networks), List.of(METHODS), pick(rng, MERCHANTS, 2, 4));

        long start = DAY0 + rng.nextInt(5) * 86_400_000L + rng.nextInt(3600) * 1000L;
        int duration = 1800 + rng.nextInt(901);
        double rate = Math.min(15 + 25 * rng.nextDouble(), MAX_PAYMENTS / duration);

        double[][] shares = new double[5][];
        double[][] effects = new double[5][];
        for (Dim d : List.of(Dim.GATEWAY, Dim.ISSUER, Dim.NETWORK, Dim.METHOD, Dim.MERCHANT)) {
            int n = world.names(d).size();
            shares[d.ordinal()] = shares(rng, n);
            double spread = d == Dim.GATEWAY || d == Dim.ISSUER ? 0.03 : 0.01;
            double[] raw = new double[n];
            for (int i = 0; i < n; i++) {
                raw[i] = d == Dim.METHOD ? METHOD_EFFECT[i] : 1 - spread + 2 * spread * rng.nextDouble();
            }
            effects[d.ordinal()] = normalized(raw, shares[d.ordinal()]);
        }
        double customer = 0.05 + 0.03 * rng.nextDouble();
        double[] walk = walk(rng, duration / Drift.STEP_SECONDS + 1);
        Drift drift = new Drift(0.865, 0.045, 2 * Math.PI * rng.nextDouble(), duration, walk);
        double[] gwSpeed = new double[world.gateways().size()];
        for (int i = 0; i < gwSpeed.length; i++) {
            gwSpeed[i] = 0.85 + 0.35 * rng.nextDouble();
        }
        LatencyModel latency = new LatencyModel(250 + 150 * rng.nextDouble(), 0.35 + 0.2 * rng.nextDouble(),
                0.03 + 0.02 * rng.nextDouble(), 1.5 + 0.7 * rng.nextDouble(), new double[] {8000, 10000, 15000}[rng.nextInt(3)],
                gwSpeed);

        // both draws are made whatever the flag, and faults avoid the candidate either way, so forcing the standing
        // condition changes that one issuer's behaviour and nothing else about the world
        boolean coin = rng.nextBoolean();
        int candidate = rng.nextInt(world.issuers().size());
        int standing = forceStanding || coin ? candidate : -1;
        List<Episode> faults = faults(rng, world, duration, candidate);
        List<Episode> noise = noise(rng, world, duration);
        return new Plan(seed, start, duration, rate, world, shares, effects, customer, drift, latency, standing, faults,
                noise);
    }

    private static List<String> pick(SplittableRandom rng, String[] pool, int min, int max) {
        List<String> all = new ArrayList<>(Arrays.asList(pool));
        for (int i = all.size() - 1; i > 0; i--) {
            Collections.swap(all, i, rng.nextInt(i + 1));
        }
        return List.copyOf(all.subList(0, Math.min(pool.length, min + rng.nextInt(max - min + 1))));
    }

    private static double[] shares(SplittableRandom rng, int n) {
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 0.4 + rng.nextDouble();
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** Scales effects so their traffic-weighted mean is 1: the drift alone sets the log's overall level. */
    private static double[] normalized(double[] raw, double[] shares) {
        double mean = 0;
        for (int i = 0; i < raw.length; i++) {
            mean += raw[i] * shares[i];
        }
        double[] e = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            e[i] = raw[i] / mean;
        }
        return e;
    }

    private static double[] walk(SplittableRandom rng, int steps) {
        double[] w = new double[steps];
        double v = 0;
        for (int i = 0; i < steps; i++) {
            v = Math.max(-Drift.WALK_BOUND, Math.min(Drift.WALK_BOUND, v + 0.003 * LatencyModel.gaussian(rng)));
            w[i] = v;
        }
        return w;
    }

    /** 1-3 faults, one after another in time (so never overlapping), each followed by room to recover. */
    private static List<Episode> faults(SplittableRandom rng, World world, int duration, int avoidIssuer) {
        int want = 1 + rng.nextInt(3);
        for (int n = want; n >= 1; n--) {
            for (int tries = 0; tries < 40; tries++) {
                List<long[]> windows = windows(rng, n, duration);
                if (windows != null) {
                    List<Episode> out = new ArrayList<>();
                    for (long[] w : windows) {
                        out.add(fault(rng, world, w[0], w[1], avoidIssuer));
                    }
                    return List.copyOf(out);
                }
            }
        }
        // unreachable for durations of 30 min or more; kept so a change of bounds cannot yield a fault-free world
        return List.of(fault(rng, world, FAULT_EARLIEST_S, FAULT_EARLIEST_S + FAULT_MIN_S, avoidIssuer));
    }

    private static List<long[]> windows(SplittableRandom rng, int n, int duration) {
        List<long[]> out = new ArrayList<>();
        long cursor = FAULT_EARLIEST_S + rng.nextInt(240);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                cursor += FAULT_GAP_S + rng.nextInt(241);
            }
            long len = FAULT_MIN_S + rng.nextInt(FAULT_MAX_S - FAULT_MIN_S + 1);
            if (cursor + len > duration - 180) {
                return null;
            }
            out.add(new long[] {cursor, cursor + len});
            cursor += len;
        }
        return out;
    }

    private static Episode fault(SplittableRandom rng, World world, long from, long to, int avoidIssuer) {
        int type = rng.nextInt(5);
        double u = rng.nextDouble();
        return switch (type) {
            case 0 -> new Episode(Episode.ISSUER_DEGRADATION, Dim.ISSUER, other(rng, world.issuers().size(), avoidIssuer),
                    from, to, 0.30 + 0.30 * u, 1);
            case 1 -> new Episode(Episode.GATEWAY_OUTAGE, Dim.GATEWAY, rng.nextInt(world.gateways().size()), from, to,
                    0.30 + 0.50 * u, 1);
            case 2 -> new Episode(Episode.LATENCY_SPIKE, Dim.GATEWAY, rng.nextInt(world.gateways().size()), from, to,
                    0.05 + 0.10 * u, 4 + 4 * rng.nextDouble());
            case 3 -> rng.nextBoolean()
                    ? new Episode(Episode.RETRY_STORM, Dim.GATEWAY, rng.nextInt(world.gateways().size()), from, to,
                    0.20 + 0.20 * u, 1)
                    : new Episode(Episode.RETRY_STORM, Dim.ISSUER, other(rng, world.issuers().size(), avoidIssuer), from,
                    to, 0.20 + 0.20 * u, 1);
            default -> new Episode(Episode.NETWORK_ERRORS, Dim.NETWORK, rng.nextInt(world.networks().size()), from, to,
                    0.20 + 0.30 * u, 1);
        };
    }

    private static int other(SplittableRandom rng, int n, int avoid) {
        int i = rng.nextInt(n - 1);
        return i >= avoid ? i + 1 : i;
    }

    /** Short degradations (one from the very first minute: the log is noisy from its start) and retry bursts. */
    private static List<Episode> noise(SplittableRandom rng, World world, int duration) {
        List<Episode> out = new ArrayList<>();
        int degradations = 3 + rng.nextInt(5);
        for (int i = 0; i < degradations; i++) {
            long from = i == 0 ? rng.nextInt(60) : rng.nextInt(duration - 60);
            long len = 20 + rng.nextInt(41);
            Dim d = rng.nextBoolean() ? Dim.GATEWAY : Dim.ISSUER;
            out.add(new Episode(Episode.BACKGROUND_DEGRADATION, d, rng.nextInt(world.names(d).size()), from, from + len,
                    0.05 + 0.07 * rng.nextDouble(), 1));
        }
        int bursts = 2 + rng.nextInt(4);
        for (int i = 0; i < bursts; i++) {
            long from = rng.nextInt(duration - 30);
            out.add(new Episode(Episode.RETRY_BURST, Dim.ALL, 0, from, from + 10 + rng.nextInt(21),
                    0.4 + 0.3 * rng.nextDouble(), 1));
        }
        out.sort(Comparator.comparingLong(Episode::startSecond).thenComparing(Episode::type));
        return List.copyOf(out);
    }
}
