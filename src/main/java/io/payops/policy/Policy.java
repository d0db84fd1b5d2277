package io.payops.policy;

/**
 * Anything that looks at snapshots and changes routing (DESIGN §2): the agent and the baselines. Called by the
 * engine thread once per tick, after the tick's snapshot; it may act only every few seconds of its own choosing.
 */
public interface Policy {
    /** The name used on the command line and in reports: agent, static, oracle, rules, bandit. */
    String name();

    io.payops.domain.PolicyStep onTick(PolicyContext context);

    /**
     * How this policy's approval requests are answered; other deciders that share the approvals queue (support
     * ticket triage) answer the same way. Policies that never ask use the headless default.
     */
    default io.payops.domain.ApprovalMode approvalMode() {
        return io.payops.domain.ApprovalMode.DEFAULT_HEADLESS;
    }

    /**
     * Whether this policy gets to read the world's truth ({@link io.payops.sim.GroundTruth}: the true faults and the
     * exact expected success of a routing). Only the oracle; everything else must infer them.
     */
    default boolean readsGroundTruth() {
        return false;
    }

    /**
     * Lessons of earlier sessions (state/lessons.json), given on the engine thread before the first tick. Only a
     * policy that learns keeps them.
     */
    default void restoreLessons(java.util.List<io.payops.domain.Lesson> lessons) {
    }

    /**
     * What normal looks like to this policy now, per segment (all traffic, each gateway, each issuer): the agent's
     * detector references, held still while their segment is in alarm. Empty for a policy without a detector; the
     * console then shows the observer's baseline window. Read after {@link #onTick}; it changes nothing.
     */
    default java.util.List<io.payops.domain.SegmentReference> references() {
        return java.util.List.of();
    }
}
