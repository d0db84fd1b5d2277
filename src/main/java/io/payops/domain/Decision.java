package io.payops.domain;

import java.util.List;

/**
 * The decide step's answer: the selected candidate, those rejected and why, the confidence in the decision,
 * and the reasons a human should approve it (empty when none).
 */
public record Decision(Candidate selected, List<Candidate> rejected, double confidence, boolean requiresApproval,
                       List<String> approvalReasons) {
    public Decision {
        rejected = List.copyOf(rejected);
        approvalReasons = List.copyOf(approvalReasons);
    }

    public Action action() {
        return selected.action();
    }
}
