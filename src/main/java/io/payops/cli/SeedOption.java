package io.payops.cli;

import io.payops.common.BadInputException;
import io.payops.common.Excerpt;
import io.payops.sim.ScenarioBounds;
import picocli.CommandLine.Option;

/**
 * {@code --seed N}: the random seed, a whole number from 0 to {@link ScenarioBounds#MAX_SEED}, the same rule as a
 * scenario file's {@code seed}; checked alike by every command that takes a seed ({@link #parse} for other names).
 */
public final class SeedOption {
    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed, a whole number from 0 to 2^53-1 (default: the scenario's own).")
    String seed;

    /**
     * @return the seed, or null when the option was not given
     * @throws BadInputException when it is not a whole number in range
     */
    public Long seed() {
        return seed == null ? null : parse("--seed", seed);
    }

    /** One rule for every seed on the command line: {@code --seed}, {@code bench --random-seed}. */
    static long parse(String option, String text) {
        long n;
        try {
            n = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > ScenarioBounds.MAX_SEED) {
            throw new BadInputException(option + ": '" + Excerpt.of(text) + "' is not a seed (expected "
                    + ScenarioBounds.SEED.expected() + ")");
        }
        return n;
    }
}
