package io.payops.domain;

/** A ticket joined a cluster (at once on arrival, or when the cluster formed around it). */
public record TicketAssignment(String ticketId, String clusterId) {
}
