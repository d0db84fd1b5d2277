package io.payops.ui.tickets;

/**
 * A payment incident and what it did to the merchants: the ticket clusters linked to it, the merchants in them and
 * how many tickets they wrote.
 */
public record IncidentTicketsRow(long incidentId, String incident, String state, String clusters, int merchantCount,
                                 String merchants, int tickets) {
}
