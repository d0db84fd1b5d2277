package io.payops.ui.dashboard;

/**
 * How a number on the dashboard should be read at a glance. The views turn it into the CSS pseudo-classes
 * {@code :healthy}, {@code :degraded} and {@code :down} (DESIGN §6); {@link #NEUTRAL} sets none of them, for
 * numbers that are neither good nor bad (a payment rate, a count before any traffic).
 */
public enum HealthLevel {
    NEUTRAL, HEALTHY, DEGRADED, DOWN;

    /** The pseudo-class name for this level, or null for {@link #NEUTRAL}. */
    public String pseudoClass() {
        return switch (this) {
            case NEUTRAL -> null;
            case HEALTHY -> "healthy";
            case DEGRADED -> "degraded";
            case DOWN -> "down";
        };
    }
}
