package io.payops.ui.fx;

import io.payops.sim.Scenario;
import io.payops.sim.World;

/**
 * What the views need to know about the session that is starting: the scenario (with the seed in use), the policy's
 * name, whether commands reach an engine ({@code live}: true for simulated traffic and for an event log, false for a
 * replay), and whether the traffic is an event log ({@code openLoop}: the payments happened already, so routing
 * changes are recommendations only and chaos has nothing to act on).
 */
public record SessionInfo(Scenario scenario, String policy, boolean live, boolean openLoop) {
    /** Simulated traffic (live) or a replay (not live): closed loop either way. */
    public SessionInfo(Scenario scenario, String policy, boolean live) {
        this(scenario, policy, live, false);
    }

    public World world() {
        return scenario.world();
    }

    public long seed() {
        return scenario.seed();
    }
}
