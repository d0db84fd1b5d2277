package io.payops.sim;

import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Target;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random worlds of the simulator, one per seed, so the agent is judged on cases it was never shaped on rather than on
 * the built-in list. A world draws its traffic (5–100 payments/s, log-uniform; flat, diurnal or bursty) and zero to
 * three faults: every fault type on every target shape ({@link TargetShape}), severities from barely visible (3%) to
 * total, latency multipliers from 1.3× to 12×, sudden or ramped onsets, and, for a second or third fault, often a
 * start inside an earlier fault's interval on traffic it shares. Deterministic for the seed: the same seed always
 * gives the same scenario.
 */
public final class RandomScenarios {
    /** Length of every random world: long enough for a fault of up to 15 minutes starting as late as minute 20. */
    public static final int DURATION_SECONDS = 2100;
    /** Faults start only once the agent has had five minutes to learn what normal looks like. */
    static final int EARLIEST_START = 300;
    /** Every fault ends at least this long before the world does, so its recovery is seen too. */
    static final int TAIL_SECONDS = 180;
    static final double MIN_TPS = 5;
    static final double MAX_TPS = 100;
    static final double MIN_SEVERITY = 0.03;
    static final double MIN_MULTIPLIER = 1.3;
    static final double MAX_MULTIPLIER = 12;
    /** Share of worlds with no fault at all (where nothing should be done). */
    static final double NO_FAULT_SHARE = 0.1;
    /** Chance that a second or third fault is drawn to overlap an earlier one in time and traffic. */
    static final double OVERLAP_SHARE = 0.5;

    /** Where a fault sits: the gateway-pinned shapes can be routed around, the others hit every gateway alike. */
    public enum TargetShape {
        GATEWAY(Dimension.GATEWAY),
        GATEWAY_ISSUER(Dimension.GATEWAY, Dimension.ISSUER),
        GATEWAY_METHOD(Dimension.GATEWAY, Dimension.METHOD),
        GATEWAY_NETWORK(Dimension.GATEWAY, Dimension.NETWORK),
        ISSUER(Dimension.ISSUER),
        METHOD(Dimension.METHOD),
        NETWORK(Dimension.NETWORK),
        MERCHANT(Dimension.MERCHANT),
        ALL;

        private final List<Dimension> dimensions;

        TargetShape(Dimension... dimensions) {
            this.dimensions = List.of(dimensions);
        }

        public List<Dimension> dimensions() {
            return dimensions;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The shape of a target, or null for one no random world draws (e.g. issuer × method). */
        public static TargetShape of(Target t) {
            for (TargetShape s : values()) {
                if (s.dimensions.size() == t.size() && s.dimensions.stream().allMatch(t::has)) {
                    return s;
                }
            }
            return null;
        }
    }

    private RandomScenarios() {
    }

    /** The worlds of seeds {@code first}, {@code first + 1}, …: {@code count} of them. */
    public static List<Scenario> suite(long first, int count) {
        List<Scenario> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            out.add(generate(first + k));
        }
        return out;
    }

    /** The random world of one seed, in the default world's cast; its name is {@code random-<seed>}. */
    public static Scenario generate(long seed) {
        World world = World.defaultWorld();
        // the seed is hashed first: SplittableRandom's streams for neighbouring seeds are shifted copies of each other
        SplittableRandom rnd = new SplittableRandom(new SplittableRandom(seed).nextLong());
        double tps = round(MIN_TPS * Math.exp(rnd.nextDouble() * Math.log(MAX_TPS / MIN_TPS)), 1);
        double s = rnd.nextDouble();
        TrafficShape shape = s < 0.5 ? TrafficShape.FLAT : s < 0.75 ? TrafficShape.DIURNAL : TrafficShape.BURSTY;
        int period = shape == TrafficShape.DIURNAL ? 1200 + rnd.nextInt(2400) : shape == TrafficShape.BURSTY
                ? 120 + rnd.nextInt(480) : 3600;
        int faultCount = rnd.nextDouble() < NO_FAULT_SHARE ? 0 : 1 + pick(rnd, 0.55, 0.3);
        List<FaultSpec> faults = new ArrayList<>();
        for (int k = 0; k < faultCount; k++) {
            boolean overlap = k > 0 && rnd.nextDouble() < OVERLAP_SHARE;
            faults.add(overlap ? overlapping(rnd, world, faults.get(rnd.nextInt(faults.size()))) : fresh(rnd, world));
        }
        String description = String.format(Locale.ROOT, "random world %d: %.1f payments/s, %s, %d fault%s", seed, tps,
                shape.key(), faults.size(), faults.size() == 1 ? "" : "s");
        return new Scenario("random-" + seed, description, seed, DURATION_SECONDS, tps, shape, period, faults, world);
    }

    /** 0, 1 or 2 with the first two probabilities given. */
    private static int pick(SplittableRandom rnd, double p0, double p1) {
        double u = rnd.nextDouble();
        return u < p0 ? 0 : u < p0 + p1 ? 1 : 2;
    }

    private static FaultSpec fresh(SplittableRandom rnd, World world) {
        TargetShape shape = TargetShape.values()[rnd.nextInt(TargetShape.values().length)];
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        for (Dimension d : shape.dimensions()) {
            values.put(d, name(rnd, world, d));
        }
        double start = EARLIEST_START + rnd.nextInt(DURATION_SECONDS - EARLIEST_START - TAIL_SECONDS - 180);
        return fault(rnd, Target.of(values), start);
    }

    /**
     * A fault that starts while {@code other} is on, on traffic it shares: a target of any shape that agrees with
     * {@code other}'s on every dimension both name (so the two overlap), e.g. one gateway's path to an issuer under
     * a fault on all traffic, or an issuer everywhere across a gateway outage.
     */
    private static FaultSpec overlapping(SplittableRandom rnd, World world, FaultSpec other) {
        TargetShape shape = TargetShape.values()[rnd.nextInt(TargetShape.values().length)];
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        for (Dimension d : shape.dimensions()) {
            String v = other.target().get(d);
            values.put(d, v != null ? v : name(rnd, world, d));
        }
        double latest = Math.min(other.endSecond() - 30, DURATION_SECONDS - TAIL_SECONDS - 180);
        double start = other.startSecond() + rnd.nextDouble() * Math.max(0, latest - other.startSecond());
        return fault(rnd, Target.of(values), Math.floor(start));
    }

    private static FaultSpec fault(SplittableRandom rnd, Target target, double start) {
        FaultType type = FaultType.values()[rnd.nextInt(FaultType.values().length)];
        double longest = Math.min(900, DURATION_SECONDS - TAIL_SECONDS - start);
        double duration = Math.floor(Math.min(longest, 180 + rnd.nextDouble() * 720));
        double ramp = rnd.nextDouble() < 0.6 ? 0 : Math.floor(rnd.nextDouble() * Math.min(300, duration / 2));
        if (type == FaultType.LATENCY_SPIKE) {
            double multiplier = MIN_MULTIPLIER * Math.exp(rnd.nextDouble() * Math.log(MAX_MULTIPLIER / MIN_MULTIPLIER));
            return new FaultSpec(type, target, start, duration, 0, round(multiplier, 2), ramp);
        }
        double severity = MIN_SEVERITY * Math.exp(rnd.nextDouble() * Math.log(1 / MIN_SEVERITY));
        return new FaultSpec(type, target, start, duration, round(Math.min(1, severity), 3), 1, ramp);
    }

    private static String name(SplittableRandom rnd, World world, Dimension d) {
        List<String> names = world.names(d);
        return names.get(rnd.nextInt(names.size()));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
