package io.payops.agent.detect;

import io.payops.domain.Anomaly;

import java.util.Locale;

/**
 * An anomaly's numbers in words, the one wording the reasoning pane's anomaly rows, the explanation and the reasoner's
 * fallback sentence all quote, so one segment reads the same in each. Every number says what it measures and over
 * which seconds: the detector's observed rate is over the snapshot's window (60 s by default), which is not the
 * window the reasoner localizes on (the seconds since the trouble began), so the two are told apart in the text.
 */
public final class AnomalyText {
    private AnomalyText() {
    }

    /**
     * What was seen against what is normal, over the detector's window: "9.6% of attempts in the last 60 s vs 1.3%
     * expected"; "p95 1,840 ms in the last 60 s vs 900 ms expected".
     */
    public static String measure(Anomaly a, int windowSeconds) {
        return switch (a.kind()) {
            case SLOW_ATTEMPTS -> String.format(Locale.ROOT, "%.1f%% of attempts slow in the last %d s vs %.1f%% expected",
                    a.observed() * 100, windowSeconds, a.expected() * 100);
            case TECHNICAL_FAILURES, CUSTOMER_DECLINES -> String.format(Locale.ROOT,
                    "%.1f%% of attempts in the last %d s vs %.1f%% expected", a.observed() * 100, windowSeconds,
                    a.expected() * 100);
            case LATENCY -> String.format(Locale.ROOT, "p95 %,.0f ms in the last %d s vs %,.0f ms expected",
                    a.observed(), windowSeconds, a.expected());
            case RETRY_AMPLIFICATION -> String.format(Locale.ROOT,
                    "%.2f attempts per payment in the last %d s vs %.2f expected", a.observed(), windowSeconds,
                    a.expected());
        };
    }

    /**
     * The measure with its sample and its score: "9.6% of attempts in the last 60 s vs 1.3% expected · 995 attempts
     * · alarm level 25.5". The alarm level is the sequential test's (a log-likelihood ratio summed second by second
     * since the rise began, capped so it can come back down), not the reasoner's log-likelihood ratio of one window.
     */
    public static String numbers(Anomaly a, int windowSeconds) {
        String measure = measure(a, windowSeconds);
        return switch (a.kind()) {
            case SLOW_ATTEMPTS, TECHNICAL_FAILURES, CUSTOMER_DECLINES -> String.format(Locale.ROOT,
                    "%s · %,d attempts · alarm level %.1f", measure, a.samples(), a.score());
            case LATENCY -> String.format(Locale.ROOT, "%s · ×%.2f · %,d attempts", measure, a.score(), a.samples());
            case RETRY_AMPLIFICATION -> String.format(Locale.ROOT, "%s · ×%.2f · %,d payments", measure, a.score(),
                    a.samples());
        };
    }

    /** "technical failures on gateway=stripe". */
    public static String what(Anomaly a) {
        return a.kind().key().replace('_', ' ') + " on " + a.target();
    }
}
