package io.payops.foreign;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One seed's log in memory plus its ground truth. Counts are of the attempt lines every {@link ForeignShape} writes
 * (one line per attempt), so a test can check a reader's success rate exactly.
 *
 * @param startEpochMillis the first line's time (faults' seconds count from it)
 * @param faults           in time order, never overlapping
 * @param standing         present for about half the seeds, always when forced
 * @param noise            background episodes, in time order: not faults
 * @param lines            the attempts in time order
 */
public record NoisyLog(long seed, long startEpochMillis, int durationSeconds, World world, List<InjectedFault> faults,
                       Optional<StandingCondition> standing, int payments, int attemptCount, int successCount,
                       List<NoiseEpisode> noise, List<Attempt> lines) {

    public double successRate() {
        return attemptCount == 0 ? 0 : (double) successCount / attemptCount;
    }

    /** Success rate of the attempts on one dimension's value within [fromSecond, toSecond); NaN when there are none. */
    public double successRate(String dimension, String value, long fromSecond, long toSecond) {
        int n = 0;
        int ok = 0;
        for (Attempt a : lines) {
            long s = (a.tsMillis() - startEpochMillis) / 1000;
            if (s >= fromSecond && s < toSecond && value.equals(nameOf(a, dimension))) {
                n++;
                ok += a.outcome().success() ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) ok / n;
    }

    /** The name an attempt has along a dimension key (gateway, issuer, network, method, merchant). */
    public String nameOf(Attempt a, String dimension) {
        return switch (dimension) {
            case "gateway" -> world.gateways().get(a.gateway());
            case "issuer" -> world.issuers().get(a.issuer());
            case "network" -> world.networks().get(a.network());
            case "method" -> world.methods().get(a.method());
            case "merchant" -> world.merchants().get(a.merchant());
            default -> throw new IllegalArgumentException("no dimension " + dimension);
        };
    }

    /** The ground truth for a report, with each fault's measured success on its target inside and outside it. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "noisy foreign log, seed %d: %s, %d s (%.1f min), %d payments, %d attempts, "
                        + "%d successes (%.2f%%)%n", seed, Instant.ofEpochMilli(startEpochMillis), durationSeconds,
                durationSeconds / 60.0, payments, attemptCount, successCount, 100 * successRate()));
        b.append("  world: gateways ").append(world.gateways()).append(", issuers ").append(world.issuers())
                .append(", networks ").append(world.networks()).append(", methods ").append(world.methods())
                .append(", merchants ").append(world.merchants()).append('\n');
        b.append("  standing: ").append(standing.map(StandingCondition::toString).orElse("none")).append('\n');
        for (InjectedFault f : faults) {
            b.append(String.format(Locale.ROOT, "  fault: %s; success there %.1f%% during, %.1f%% outside%n", f,
                    100 * successRate(f.dimension(), f.value(), f.startSecond(), f.endSecond()),
                    100 * outside(f)));
        }
        for (NoiseEpisode n : noise) {
            b.append("  noise: ").append(n).append('\n');
        }
        return b.toString();
    }

    private double outside(InjectedFault f) {
        int n = 0;
        int ok = 0;
        for (Attempt a : lines) {
            long s = (a.tsMillis() - startEpochMillis) / 1000;
            if ((s < f.startSecond() || s >= f.endSecond()) && f.value().equals(nameOf(a, f.dimension()))) {
                n++;
                ok += a.outcome().success() ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) ok / n;
    }

    @Override
    public String toString() {
        return describe();
    }
}
