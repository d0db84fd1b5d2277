package io.payops.domain;

/**
 * What one executed action taught: the situation (diagnosis and the shape of its target), the action, the outcome
 * and the numbers it was judged on (target success rate before and after, and the samples after).
 */
public record Lesson(
        String situation,
        Diagnosis diagnosis,
        ActionType action,
        Outcome outcome,
        double successBefore,
        double successAfter,
        long samplesAfter,
        long atMillis) {
}
