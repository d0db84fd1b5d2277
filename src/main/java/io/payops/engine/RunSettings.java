package io.payops.engine;

import io.payops.domain.ApprovalMode;

/** The knobs of one run that are not part of the scenario. */
public record RunSettings(String policy, ApprovalMode approval, String reasoner) {
    public static RunSettings of(String policy) {
        return new RunSettings(policy, ApprovalMode.DEFAULT_HEADLESS, "heuristic");
    }
}
