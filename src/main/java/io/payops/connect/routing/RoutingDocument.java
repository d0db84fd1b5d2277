package io.payops.connect.routing;

import io.payops.domain.RoutingState;

/**
 * What the router receives for one routing change (README, "Routing out"): the whole routing in force after it, the
 * change itself, and where and when it happened. One JSON object; the webhook signs its exact bytes.
 *
 * @param schema         {@value #SCHEMA}: a receiver can tell this document and its version
 * @param idempotencyKey the same for every delivery of the same change (retries included): a receiver drops repeats
 * @param sessionId      the session (its recording's id, or the run's name)
 * @param scenario       the scenario, or the event log's or topic's name
 * @param openLoop       true over an event log or a topic: the change is a recommendation until the router applies it;
 *                       false over the simulator, which has applied it already
 * @param simMillis      simulated time of the change, ms since the session's start
 * @param wallTime       when the console saw it (ISO-8601, UTC)
 * @param routing        the routing in force after the change: weights, open and half-open circuits, retry policy
 * @param change         the change
 */
public record RoutingDocument(String schema, String idempotencyKey, String sessionId, String scenario, boolean openLoop,
                              long simMillis, String wallTime, RoutingState routing, RoutingChange change) {
    public static final String SCHEMA = "payops.routing-change.v1";
}
