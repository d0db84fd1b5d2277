package io.payops.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.domain.Target;

/**
 * A standing condition the agent saw in an event log: a segment far worse than its siblings as a rule, not since an
 * onset (see {@link io.payops.domain.StandingCondition}). Rates are the last seen; {@code lastSeenSecond} null when
 * it still held at the end of the log.
 */
@JsonPropertyOrder({"target", "technicalRate", "siblingsRate", "attempts", "firstSeenSecond", "lastSeenSecond"})
public record IngestStanding(Target target, double technicalRate, double siblingsRate, long attempts,
                             Number firstSeenSecond, Number lastSeenSecond) {
}
