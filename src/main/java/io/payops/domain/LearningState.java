package io.payops.domain;

import java.util.List;
import java.util.Map;

/**
 * What the agent has learnt so far, as the frames carry it: the newest lessons first (bounded), effectiveness per
 * "diagnosis × action" as outcome counts, and how many lessons there are in all.
 */
public record LearningState(List<Lesson> recent, Map<String, Map<Outcome, Integer>> effectiveness, int total) {
    public static final LearningState EMPTY = new LearningState(List.of(), Map.of(), 0);

    public LearningState {
        recent = List.copyOf(recent);
        effectiveness = Map.copyOf(effectiveness);
    }
}
