package io.payops.domain;

/**
 * A stretch of time during which something is wrong on a target: opened by detection, closed by recovery
 * ({@code closedAtMillis} null while open).
 */
public record Incident(long id, Diagnosis diagnosis, Target target, long openedAtMillis, Long closedAtMillis,
                       double confidence) {
    public boolean open() {
        return closedAtMillis == null;
    }
}
