package io.payops.report;

import io.payops.domain.ReasonerCall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run report's {@code llm} section (absent with the heuristics): how often the model was asked and answered,
 * why it fell back (by failure kind), tokens, and call latency. Latencies are wall-clock times, so like
 * {@code wallMillis} they differ between otherwise identical runs.
 */
public record LlmUsage(String provider, String model, int asked, int used, int fallbacks,
                       Map<String, Integer> fallbackReasons, int skipped, long promptTokens, long outputTokens,
                       long latencyMillisP50, long latencyMillisP95, long latencyMillisMax) {

    /** Collects the calls of a run's cycles. */
    static final class Tally {
        private String provider;
        private String model;
        private int used;
        private int fallbacks;
        private int skipped;
        private long promptTokens;
        private long outputTokens;
        private final Map<String, Integer> reasons = new TreeMap<>();
        private final List<Long> latencies = new ArrayList<>();

        void add(ReasonerCall c) {
            provider = c.provider();
            model = c.model();
            switch (c.outcome()) {
                case ReasonerCall.USED -> used++;
                case ReasonerCall.FALLBACK -> {
                    fallbacks++;
                    String kind = c.reason() == null ? "unknown" : c.reason().split(":", 2)[0];
                    reasons.merge(kind, 1, Integer::sum);
                }
                case ReasonerCall.SKIPPED -> skipped++;
                default -> {
                    return;
                }
            }
            promptTokens += c.promptTokens();
            outputTokens += c.outputTokens();
            if (c.latencyMillis() > 0) {
                latencies.add(c.latencyMillis());
            }
        }

        /** @return the section, or null when no cycle had a reasoner call (the heuristics) */
        LlmUsage build() {
            if (provider == null) {
                return null;
            }
            Collections.sort(latencies);
            return new LlmUsage(provider, model, used + fallbacks, used, fallbacks, Map.copyOf(reasons), skipped,
                    promptTokens, outputTokens, percentile(0.5), percentile(0.95),
                    latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
        }

        private long percentile(double p) {
            if (latencies.isEmpty()) {
                return 0;
            }
            return latencies.get((int) Math.min(latencies.size() - 1, Math.ceil(p * latencies.size()) - 1));
        }
    }
}
