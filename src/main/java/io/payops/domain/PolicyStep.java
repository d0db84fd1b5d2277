package io.payops.domain;

import java.util.List;

/**
 * What a policy did in one tick, for the frame: action records that are new or changed, detections, sentences a
 * person reads, and for the agent its cycle (null on ticks it did not run), the approval requests still pending and
 * the open incidents. Policies that do nothing return {@link #NONE}.
 */
public record PolicyStep(
        List<ActionRecord> actions,
        List<Detection> detections,
        List<String> explanation,
        AgentCycle cycle,
        List<ApprovalRequest> pendingApprovals,
        List<Incident> incidents) {

    public static final PolicyStep NONE = new PolicyStep(List.of(), List.of(), List.of(), null, List.of(), List.of());

    public PolicyStep {
        actions = List.copyOf(actions);
        detections = List.copyOf(detections);
        explanation = List.copyOf(explanation);
        pendingApprovals = List.copyOf(pendingApprovals);
        incidents = List.copyOf(incidents);
    }

    public static PolicyStep ofActions(List<ActionRecord> actions) {
        return actions.isEmpty() ? NONE : new PolicyStep(actions, List.of(), List.of(), null, List.of(), List.of());
    }
}
