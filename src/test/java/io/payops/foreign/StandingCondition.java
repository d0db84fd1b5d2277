package io.payops.foreign;

/**
 * A segment that is bad for the whole log, first second to last: not an incident (nothing changes), yet a detector
 * that only looks for change must not call the log healthy either. The rates are measured on the attempts written,
 * so a test can compare them with what it reads back exactly.
 *
 * @param siblingsSuccessRate the success rate of every other value of the same dimension, taken together
 */
public record StandingCondition(String dimension, String value, double successRate, double siblingsSuccessRate) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s=%s at %.1f%% success all along (others %.1f%%)", dimension,
                value, 100 * successRate, 100 * siblingsSuccessRate);
    }
}
