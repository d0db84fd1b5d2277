package io.payops.sim;

import io.payops.domain.FaultSpec;

import java.util.List;

/**
 * A scenario as loaded from JSON (DESIGN §5.2): traffic, faults and an optional override of the world.
 * {@code shapePeriodSeconds} is the diurnal period (or the mean gap between bursts for bursty traffic).
 */
public record Scenario(
        String name,
        String description,
        long seed,
        int durationSeconds,
        double tps,
        TrafficShape shape,
        int shapePeriodSeconds,
        List<FaultSpec> faults,
        World world) {

    public Scenario {
        faults = List.copyOf(faults);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, durationSeconds, tps, shape, shapePeriodSeconds, faults, world);
    }

    public Scenario withDuration(int seconds) {
        return new Scenario(name, description, seed, seconds, tps, shape, shapePeriodSeconds, faults, world);
    }

    /** True when at least one fault can be routed around (so the oracle has something to prevent). */
    public boolean routingCanHelp() {
        return faults.stream().anyMatch(FaultSpec::routable);
    }
}
