package io.payops.sim;

import java.math.BigDecimal;

/**
 * The range of every number a scenario file may hold (DESIGN §5.2), each with why its ends are where they are. A
 * number outside its range is refused with exit 2, naming the field path, the value and the range: an unbounded one
 * lets a typo (or a hostile file) overflow a sum later, as gateway weights of 1e308 did (their total was infinite,
 * so every routing share was 0 and the run reported success with no excess failures).
 *
 * <p>Ranges whose end depends on another field (a fault's {@code startSecond} below the scenario's
 * {@code durationSeconds}, its {@code rampSeconds} up to its own duration) are checked where both are known, in
 * {@link ScenarioParser}.
 */
public final class ScenarioBounds {
    /**
     * A range and the words that say what the number is. {@code aboveMin} makes the lower end exclusive ("above 0"),
     * for numbers that must be positive but may be small.
     */
    public record Range(double min, boolean aboveMin, double max, String what) {
        public boolean contains(double v) {
            return (aboveMin ? v > min : v >= min) && v <= max;
        }

        /** "a fee in percent from 0 to 20", "payments per second above 0 and at most 100000". */
        public String expected() {
            return what + (aboveMin ? " above " + plain(min) + " and at most " : " from " + plain(min) + " to ")
                    + plain(max);
        }

        /** The number as written by a person: 604800, 0.001, 1000000000000 (never 1.0E12). */
        static String plain(double v) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * JSON numbers in reports and recordings are read back exactly by every reader (JavaScript and jq use doubles)
     * only up to 2^53 − 1, and a seed must read back as the same run; no seed is negative, so "from 0" is one rule
     * for files and for {@code --seed} alike.
     */
    public static final long MAX_SEED = (1L << 53) - 1;
    public static final Range SEED = new Range(0, false, MAX_SEED, "a whole number");

    /** One week: long enough for any incident and its recovery; a run's arrays of per-second trends stay small. */
    public static final int MAX_DURATION_SECONDS = 604_800;
    public static final Range DURATION = new Range(1, false, MAX_DURATION_SECONDS, "a whole number of seconds");
    public static final Range SHAPE_PERIOD = new Range(1, false, MAX_DURATION_SECONDS, "a whole number of seconds");

    /** Above the busiest merchant's peak (a few thousand payments a second) with room; the simulator does 2M/s. */
    public static final double MAX_TPS = 100_000;
    public static final Range TPS = new Range(0, true, MAX_TPS, "payments per second");

    /** A scenario describes a handful of faults; each active one is checked on every simulated attempt. */
    public static final int MAX_FAULTS = 100;
    public static final Range FAULT_DURATION = new Range(0, true, MAX_DURATION_SECONDS, "a number of seconds");
    public static final Range SEVERITY = new Range(0, false, 1, "a share of the matching attempts affected");
    /** 50× a 400 ms median is 20 s, past every gateway timeout: a larger multiplier changes nothing more. */
    public static final Range MULTIPLIER = new Range(1, true, 50, "a latency multiplier");

    /**
     * As many gateways as an event log's inferred world keeps: each is a routing option on every payment path, and
     * the route cache holds one probability per gateway per path.
     */
    public static final int MAX_GATEWAYS = 50;
    /**
     * Weights are relative: a million to one is a finer split than any team configures, and 50 gateways of a
     * million each add up exactly in a double. 0 is allowed (a gateway kept but sent nothing).
     */
    public static final double MAX_WEIGHT = 1_000_000;
    public static final Range WEIGHT = new Range(0, false, MAX_WEIGHT, "a relative routing weight");
    /** Fees above 20% are not card or wallet pricing; cost weighs fees against success, so they stay comparable. */
    public static final Range FEE_PERCENT = new Range(0, false, 20, "a fee in percent");
    public static final Range BASE_SUCCESS = new Range(0, true, 1, "a success rate");
    /** Ten minutes: longer than any gateway waits for a bank; latencies are integers of milliseconds. */
    public static final int MAX_LATENCY_MS = 600_000;
    public static final Range LATENCY_MS = new Range(0, true, MAX_LATENCY_MS, "a median latency in milliseconds");
    /** A log-normal sigma of 2 already spreads latencies over a factor of 50 either way of the median. */
    public static final Range LATENCY_SIGMA = new Range(0, false, 2, "a log-normal latency sigma");
    public static final Range TIMEOUT_MS = new Range(1, false, MAX_LATENCY_MS, "a whole number of milliseconds");

    /**
     * The route cache holds one entry per issuer × network × method × merchant, so merchants multiply memory;
     * a scenario models a few merchants that matter, not a merchant list.
     */
    public static final int MAX_MERCHANTS = 100;
    /** Relative, as weights are: a million to one, and 100 merchants of a million each add up exactly. */
    public static final Range VOLUME_SHARE = new Range(0, true, MAX_WEIGHT, "a relative share of payments");
    public static final Range METHOD_SHARE = new Range(0, false, MAX_WEIGHT, "a relative share");
    /**
     * A trillion units: above any single payment even in currencies of large nominal units (IDR, VND). Amounts are
     * drawn log-normally around it (up to ~40× it) and rounded to cents through a long (×100), which stays far
     * below 9.2e18.
     */
    public static final Range AVG_AMOUNT = new Range(0, true, 1e12, "an average amount");

    /** Support tickets: a busy desk gets a few a minute; 600 a minute is ten a second, more than anyone triages. */
    public static final Range TICKETS_PER_MINUTE = new Range(0, false, 600, "tickets per minute from all merchants");
    public static final Range BURSTS_PER_HOUR = new Range(0, false, 60, "bursts per hour");
    public static final Range BURST_SIZE = new Range(1, false, 100, "merchants per burst, a whole number");
    public static final Range PAYMENT_TICKETS_PER_MINUTE = new Range(0, false, 60,
            "tickets per minute from one merchant a payment fault hits");

    private ScenarioBounds() {
    }
}
