package io.payops.domain;

import java.util.List;
import java.util.Locale;

/** What the guardrails said of a decision: act alone, wait for a human, or never; with every rule that applied. */
public record GuardVerdict(Kind kind, List<String> reasons) {
    public enum Kind {
        ALLOW, NEEDS_APPROVAL, BLOCK;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GuardVerdict {
        reasons = List.copyOf(reasons);
    }
}
