package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one executed action taught: the situation (diagnosis and the shape of its target), the action, the outcome
 * and the numbers it was judged on (target success rate before and after, and the samples after).
 * {@code controlBefore} and {@code controlAfter} are the success of comparable traffic the action left alone, in
 * the same seconds (e.g. the other issuers, for a circuit on one issuer's path), so the target's movement can be
 * read against what happened anyway; null when the action had no such traffic (a whole gateway, a weight shift, a
 * retry policy) or too little of it.
 */
public record Lesson(
        String situation,
        Diagnosis diagnosis,
        ActionType action,
        Outcome outcome,
        double successBefore,
        double successAfter,
        long samplesAfter,
        long atMillis,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double controlBefore,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double controlAfter) {

    /** A lesson without comparable traffic. */
    public Lesson(String situation, Diagnosis diagnosis, ActionType action, Outcome outcome, double successBefore,
                  double successAfter, long samplesAfter, long atMillis) {
        this(situation, diagnosis, action, outcome, successBefore, successAfter, samplesAfter, atMillis, null, null);
    }
}
