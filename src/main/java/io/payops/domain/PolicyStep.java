package io.payops.domain;

import java.util.List;

/**
 * What a policy did in one tick, for the frame: action records that are new or changed, detections, sentences a
 * person reads, and for the agent its cycle (null on ticks it did not run), the approval requests still pending and
 * the open incidents, and what it has learnt so far. Policies that do nothing return {@link #NONE}.
 * {@code approvalEnds} are the requests that left the pending list in this tick, each with how and why.
 */
public record PolicyStep(
        List<ActionRecord> actions,
        List<Detection> detections,
        List<String> explanation,
        AgentCycle cycle,
        List<ApprovalRequest> pendingApprovals,
        List<Incident> incidents,
        LearningState learning,
        List<StandingCondition> standing,
        // left out when empty (most ticks), so recordings made before it existed read and write back the same
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<ApprovalEnd> approvalEnds) {

    public static final PolicyStep NONE = new PolicyStep(List.of(), List.of(), List.of(), null, List.of(), List.of());

    public PolicyStep {
        actions = List.copyOf(actions);
        detections = List.copyOf(detections);
        explanation = List.copyOf(explanation);
        pendingApprovals = List.copyOf(pendingApprovals);
        incidents = List.copyOf(incidents);
        learning = learning == null ? LearningState.EMPTY : learning;
        standing = standing == null ? List.of() : List.copyOf(standing);
        // null in frames recorded before requests said how they ended
        approvalEnds = approvalEnds == null ? List.of() : List.copyOf(approvalEnds);
    }

    /** A step in which no approval request ended (every policy but the agent, and most of the agent's ticks). */
    public PolicyStep(List<ActionRecord> actions, List<Detection> detections, List<String> explanation, AgentCycle cycle,
                      List<ApprovalRequest> pendingApprovals, List<Incident> incidents, LearningState learning,
                      List<StandingCondition> standing) {
        this(actions, detections, explanation, cycle, pendingApprovals, incidents, learning, standing, List.of());
    }

    /** A step with no standing conditions (a policy that does not look for them). */
    public PolicyStep(List<ActionRecord> actions, List<Detection> detections, List<String> explanation, AgentCycle cycle,
                      List<ApprovalRequest> pendingApprovals, List<Incident> incidents, LearningState learning) {
        this(actions, detections, explanation, cycle, pendingApprovals, incidents, learning, List.of());
    }

    /** A step of a policy that does not learn. */
    public PolicyStep(List<ActionRecord> actions, List<Detection> detections, List<String> explanation, AgentCycle cycle,
                      List<ApprovalRequest> pendingApprovals, List<Incident> incidents) {
        this(actions, detections, explanation, cycle, pendingApprovals, incidents, LearningState.EMPTY);
    }

    /** The same step with other action records (the engine marks the ones a router acknowledged, issue #19). */
    public PolicyStep withActions(List<ActionRecord> newActions) {
        return new PolicyStep(newActions, detections, explanation, cycle, pendingApprovals, incidents, learning,
                standing, approvalEnds);
    }

    public static PolicyStep ofActions(List<ActionRecord> actions) {
        return actions.isEmpty() ? NONE : new PolicyStep(actions, List.of(), List.of(), null, List.of(), List.of());
    }
}
