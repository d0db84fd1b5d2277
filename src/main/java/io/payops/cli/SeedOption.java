package io.payops.cli;

import io.payops.common.BadInputException;
import picocli.CommandLine.Option;

/** {@code --seed N}: the random seed, a whole number from 0; checked alike by every command that takes it. */
public final class SeedOption {
    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed, a whole number from 0 (default: the scenario's own).")
    String seed;

    /**
     * @return the seed, or null when the option was not given
     * @throws BadInputException when it is not a whole number from 0
     */
    public Long seed() {
        if (seed == null) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0) {
            throw new BadInputException("--seed: '" + seed + "' is not a seed (expected a whole number from 0)");
        }
        return n;
    }
}
