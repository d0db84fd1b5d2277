package io.payops.connect.routing;

import io.payops.common.Json;
import io.payops.connect.ConnectorSession;

import java.io.UncheckedIOException;

/**
 * One routing document on its way, with the session it came from (an acknowledgement goes back to that session's
 * engine, even if another session has started since) and its exact bytes, serialized once on the sender's thread so
 * that every retry sends, and signs, the same body.
 */
record Delivery(RoutingDocument document, ConnectorSession session, byte[] body) {
    static Delivery of(RoutingDocument document, ConnectorSession session) {
        try {
            return new Delivery(document, session, Json.mapper().writeValueAsBytes(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the routing document " + document.idempotencyKey(), e);
        }
    }

    String key() {
        return document.idempotencyKey();
    }
}
