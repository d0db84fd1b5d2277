package io.payops.ui.dashboard;

/**
 * An incident drawn as a shaded band on the time charts, in simulated seconds. {@code endSeconds} is "now" while
 * the incident is open and the time it disappeared from the open list once closed. {@code description} is the
 * band's tooltip.
 */
public record IncidentBand(long incidentId, double startSeconds, double endSeconds, boolean open, String description) {
}
