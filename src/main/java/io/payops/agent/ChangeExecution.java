package io.payops.agent;

import io.payops.domain.Action;
import io.payops.domain.ActionRecord;
import io.payops.domain.Anomaly;
import io.payops.domain.Approval;
import io.payops.domain.Decision;
import io.payops.domain.Target;
import io.payops.sim.Routing;

import java.util.List;

/**
 * The one way a routing change enters routing, whoever decided it (the agent alone, a smaller step while a request
 * waits, or a human's approval): the agent carries it out, starts watching its effect and numbers it.
 */
interface ChangeExecution {
    /** The next action id (shared by every record the agent writes, so ids follow the order things happened). */
    long newId();

    /** Applies the change and starts verifying it; a change routing refuses comes back BLOCKED. */
    ActionRecord execute(long id, Action a, Decision decision, List<Anomaly> anomalies, long now, Approval approval);

    /** The routing as it is now. */
    Routing routing();

    /** Routing changes in force. */
    int inForce();

    /** The open circuit in force that takes all of {@code trouble}'s traffic away (on it or a target containing it), or null. */
    Action circuitAround(Target trouble);
}
