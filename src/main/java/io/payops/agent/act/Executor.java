package io.payops.agent.act;

import io.payops.domain.Action;
import io.payops.domain.RoutingState;
import io.payops.sim.Routing;
import io.payops.sim.RoutingRefusedException;

/**
 * Applies actions to routing on the engine thread, remembering routing as it was so the change can be rolled back
 * exactly. Refusals by routing's own validation come back as a {@link RoutingRefusedException}.
 */
public final class Executor {
    private final Routing routing;

    public Executor(Routing routing) {
        this.routing = routing;
    }

    /** @return routing as it was just before the change */
    public RoutingState apply(Action a) {
        RoutingState before = routing.state();
        switch (a.type()) {
            case OPEN_CIRCUIT -> routing.openCircuit(a.target());
            case CLOSE_CIRCUIT -> routing.closeCircuit(a.target());
            case SHIFT_TRAFFIC -> routing.shiftAway(a.target().get(io.payops.domain.Dimension.GATEWAY), a.fraction());
            case ADJUST_RETRY_POLICY -> routing.setRetryPolicy(a.retryPolicy());
            case ALERT, NO_OP -> {
                // nothing to change: an alert is recorded and shown, not applied
            }
        }
        return before;
    }

    /**
     * Undoes one change. When nothing else changed routing since, the exact earlier routing comes back; otherwise
     * only this change is reverted, so later changes stay.
     */
    public void revert(Action a, RoutingState before, RoutingState after) {
        if (routing.state().equals(after)) {
            routing.restore(before);
            return;
        }
        switch (a.type()) {
            case OPEN_CIRCUIT -> routing.closeCircuit(a.target());
            case SHIFT_TRAFFIC, ADJUST_RETRY_POLICY -> {
                RoutingState now = routing.state();
                routing.restore(new RoutingState(before.weights(), now.openCircuits(), now.halfOpenCircuits(),
                        before.retryPolicy()));
            }
            default -> {
                // close_circuit, alert and no_op have nothing to revert
            }
        }
    }

    public Routing routing() {
        return routing;
    }
}
