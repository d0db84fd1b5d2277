package io.payops.ui.reasoning;

import io.payops.domain.ReasonerCall;

import java.util.Locale;

/**
 * Running totals of a session's LLM calls: counters only, so a week-long session costs the same as a minute. A call
 * counts once, when it ends: {@code used} or {@code fallback} (a {@code pending} call is counted when its answer
 * is used a cycle later; a {@code skipped} one never asked the model).
 */
final class CallTotals {
    private long calls;
    private long fallbacks;
    private long skipped;
    private long promptTokens;
    private long outputTokens;
    private long latencySum;

    void clear() {
        calls = fallbacks = skipped = promptTokens = outputTokens = latencySum = 0;
    }

    /** Adds a cycle's call; null (the heuristics alone) adds nothing. */
    void add(ReasonerCall call) {
        if (call == null) {
            return;
        }
        if (ReasonerCall.SKIPPED.equals(call.outcome())) {
            skipped++;
            return;
        }
        if (!ReasonerCall.USED.equals(call.outcome()) && !ReasonerCall.FALLBACK.equals(call.outcome())) {
            return;
        }
        calls++;
        if (ReasonerCall.FALLBACK.equals(call.outcome())) {
            fallbacks++;
        }
        promptTokens += Math.max(0, call.promptTokens());
        outputTokens += Math.max(0, call.outputTokens());
        latencySum += Math.max(0, call.latencyMillis());
    }

    long fallbacks() {
        return fallbacks;
    }

    /** "LLM: 42 calls · 3 fallbacks · 51,200 in / 8,100 out tokens · mean 840 ms", or "" before the first call. */
    String text() {
        if (calls == 0 && skipped == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "LLM: %,d %s · %,d %s · %,d in / %,d out tokens · mean %,d ms%s",
                calls, calls == 1 ? "call" : "calls", fallbacks, fallbacks == 1 ? "fallback" : "fallbacks",
                promptTokens, outputTokens, calls == 0 ? 0 : Math.round((double) latencySum / calls),
                skipped == 0 ? "" : String.format(Locale.ROOT, " · %,d skipped", skipped));
    }
}
