package io.payops.domain;

import java.util.Locale;

/** Where an action stands; the report shows the final one. */
public enum ActionStatus {
    EXECUTED, PENDING, APPROVED, REJECTED, EXPIRED, BLOCKED, ROLLED_BACK;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
