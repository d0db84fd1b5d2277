package io.payops.policy;

import io.payops.domain.PolicyStep;

/** Never touches routing: what happens to a merchant with no one watching. */
public final class StaticPolicy implements Policy {
    @Override
    public String name() {
        return "static";
    }

    @Override
    public PolicyStep onTick(PolicyContext context) {
        return PolicyStep.NONE;
    }
}
