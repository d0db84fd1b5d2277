package io.payops.ui.dashboard;

/**
 * A routing change drawn as a marker on the time charts: where it was executed, or where it was rolled back.
 * {@code description} says what ran, for the marker's tooltip.
 */
public record ActionMarker(long actionId, double atSeconds, Kind kind, String description) {
    public enum Kind { EXECUTED, ROLLED_BACK }
}
