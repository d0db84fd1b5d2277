package io.payops.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.domain.Target;

/**
 * An incident the agent found in an event log: there is no ground truth, so it is what the agent saw, from its
 * first detection ({@code detectedAt} is also given as a timestamp of the log) until it closed ({@code endSecond}
 * null when still open at the end of the log). {@code recommendedAtSecond} is when the first routing change for it
 * was recommended.
 */
@JsonPropertyOrder({"id", "diagnosis", "target", "detectedAtSecond", "detectedAt", "endSecond", "recommendedAtSecond",
        "confidence"})
public record IngestIncident(
        long id,
        String diagnosis,
        Target target,
        Number detectedAtSecond,
        String detectedAt,
        Number endSecond,
        Number recommendedAtSecond,
        double confidence) {
}
