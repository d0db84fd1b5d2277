package io.payops.ui.learning;

import io.payops.domain.Outcome;

/**
 * One lesson as the table shows it. {@code outcomeKey} ("helped", "hurt", "neutral", "inconclusive") names the
 * outcome's style class ({@code outcome-<key>}). {@code controlChange} is the success of comparable traffic the
 * action left alone, over the same seconds ("94.2% → 93.2%"), or "" when the lesson has none. {@code earlier} marks
 * a lesson the agent started the session with (lessons.json): its {@code atSeconds} is on that earlier session's
 * clock, not this one's, and {@code session} says so in words ("this", "earlier", or "this + earlier" for a lesson
 * learnt here identical to one learnt before).
 */
public record LessonRow(
        double atSeconds,
        String time,
        boolean earlier,
        String session,
        String situation,
        String diagnosis,
        String action,
        Outcome outcome,
        String outcomeKey,
        String successChange,
        String controlChange,
        long samples) {
}

