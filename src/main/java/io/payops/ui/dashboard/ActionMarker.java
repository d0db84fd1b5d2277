package io.payops.ui.dashboard;

/**
 * A routing change drawn as a marker on the time charts: where it was executed, or where it was rolled back.
 * {@code description} says what ran, for the marker's tooltip; {@code label} says it in a word or two beside the
 * marker ("open stripe", "undo shift stripe"), so a marker reads without hovering.
 */
public record ActionMarker(long actionId, double atSeconds, Kind kind, String description, String label) {
    public enum Kind { EXECUTED, ROLLED_BACK }
}
