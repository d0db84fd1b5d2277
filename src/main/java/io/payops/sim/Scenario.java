package io.payops.sim;

import io.payops.domain.FaultSpec;
import io.payops.domain.TicketSettings;

import java.util.List;

/**
 * A scenario as loaded from JSON (DESIGN §5.2): traffic, faults and an optional override of the world.
 * {@code shapePeriodSeconds} is the diurnal period (or the mean gap between bursts for bursty traffic).
 * {@code tickets} is how merchants write in to support (null: no tickets in this world).
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
        World world,
        TicketSettings tickets) {

    public Scenario {
        faults = List.copyOf(faults);
    }

    /** A scenario without support tickets. */
    public Scenario(String name, String description, long seed, int durationSeconds, double tps, TrafficShape shape,
                    int shapePeriodSeconds, List<FaultSpec> faults, World world) {
        this(name, description, seed, durationSeconds, tps, shape, shapePeriodSeconds, faults, world, null);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, durationSeconds, tps, shape, shapePeriodSeconds, faults, world,
                tickets);
    }

    public Scenario withDuration(int seconds) {
        return new Scenario(name, description, seed, seconds, tps, shape, shapePeriodSeconds, faults, world, tickets);
    }

    public Scenario withTickets(TicketSettings settings) {
        return new Scenario(name, description, seed, durationSeconds, tps, shape, shapePeriodSeconds, faults, world,
                settings);
    }

    /**
     * The scenario an event log runs under: its name and world only, no traffic of its own (tps 0, which no scenario
     * file may have), so a recording says where its traffic came from.
     */
    public static Scenario ofEventLog(String name, World world) {
        return new Scenario(name, "event log " + name, 0, 0, 0, TrafficShape.FLAT, 0, List.of(), world);
    }

    /** True for {@link #ofEventLog}: the traffic came from a log, so routing changes were only recommended. */
    public boolean eventLog() {
        return tps == 0;
    }

    /** True when at least one fault can be routed around (so the oracle has something to prevent). */
    public boolean routingCanHelp() {
        return faults.stream().anyMatch(FaultSpec::routable);
    }
}
