package io.payops.ui.fx;

import io.payops.sim.Scenario;
import io.payops.sim.World;

/**
 * What the views need to know about the session that is starting: the scenario (with the seed in use), the policy's
 * name, and whether this is live (commands change routing) or a replay / an event log (they cannot).
 */
public record SessionInfo(Scenario scenario, String policy, boolean live) {
    public World world() {
        return scenario.world();
    }

    public long seed() {
        return scenario.seed();
    }
}
