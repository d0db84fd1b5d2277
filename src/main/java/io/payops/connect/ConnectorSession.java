package io.payops.connect;

import io.payops.domain.Command;
import io.payops.sim.World;

import java.util.function.Predicate;

/**
 * A session as a connector sees it.
 *
 * @param sessionId the recording's id, or a made-up one when the session is not recorded ("run-stripe-outage-seed7")
 * @param scenario  the scenario's name, or the event log's / topic's name
 * @param world     gateways, issuers, networks, methods and merchants (label sets are bounded by it)
 * @param openLoop  the traffic is an event log or a Kafka topic: routing changes are only recommendations until the
 *                  real router acknowledges them
 * @param commands  submits a command to the session's engine, applied at its next tick and recorded (false: the
 *                  session has ended); how a connector tells the engine what happened outside
 */
public record ConnectorSession(String sessionId, String scenario, World world, boolean openLoop,
                               Predicate<Command> commands) {
}
