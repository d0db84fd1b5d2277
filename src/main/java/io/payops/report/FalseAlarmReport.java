package io.payops.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.domain.Target;

/**
 * An alarm about traffic no injected fault touched: what the policy said, on what, from when to when (simulated
 * seconds; one entry per episode, however many cycles repeated it).
 */
@JsonPropertyOrder({"atSecond", "untilSecond", "diagnosis", "target"})
public record FalseAlarmReport(Number atSecond, Number untilSecond, String diagnosis, Target target) {
}
