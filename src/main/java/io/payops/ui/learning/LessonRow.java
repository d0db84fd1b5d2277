package io.payops.ui.learning;

import io.payops.domain.Outcome;

/**
 * One lesson as the table shows it. {@code outcomeKey} ("helped", "hurt", "neutral", "inconclusive") names the
 * outcome's style class ({@code outcome-<key>}).
 */
public record LessonRow(
        double atSeconds,
        String time,
        String situation,
        String diagnosis,
        String action,
        Outcome outcome,
        String outcomeKey,
        String successChange,
        long samples) {
}
