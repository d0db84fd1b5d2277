package io.payops.connect;

import io.payops.domain.Command;
import io.payops.sim.World;

import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A session as a connector sees it.
 *
 * @param sessionId        the recording's id, or a made-up one when the session is not recorded
 *                         ("run-stripe-outage-seed7")
 * @param scenario         the scenario's name, or the event log's / topic's name
 * @param world            gateways, issuers, networks, methods and merchants (label sets are bounded by it)
 * @param openLoop         the traffic is an event log or a Kafka topic: routing changes are only recommendations
 *                         until the real router acknowledges them
 * @param commands         submits a command to the session's engine, applied at its next tick and recorded (false:
 *                         the session has ended); how a connector tells the engine what happened outside
 * @param eventClockOrigin the absolute time of frame time 0 when the traffic has a clock of its own (an event log, a
 *                         topic), null for the simulator or before the first events; read it on the engine thread
 *                         only (in {@link Connector#frame}), where the engine owns the source it asks
 * @param droppedFrames    any thread: frames the session's recording dropped so far because the disk fell behind
 *                         (0 when the session is not recorded); the frames themselves do not carry it
 */
public record ConnectorSession(String sessionId, String scenario, World world, boolean openLoop,
                               Predicate<Command> commands, Supplier<Instant> eventClockOrigin,
                               LongSupplier droppedFrames) {
    public ConnectorSession {
        eventClockOrigin = eventClockOrigin == null ? () -> null : eventClockOrigin;
        droppedFrames = droppedFrames == null ? () -> 0 : droppedFrames;
    }

    /** A session with no clock of its own and nothing dropped (the simulator, a test). */
    public ConnectorSession(String sessionId, String scenario, World world, boolean openLoop,
                            Predicate<Command> commands) {
        this(sessionId, scenario, world, openLoop, commands, null, null);
    }
}
