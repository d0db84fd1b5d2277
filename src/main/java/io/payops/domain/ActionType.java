package io.payops.domain;

import java.util.Locale;

/** What a policy may do. Only the first four change routing. */
public enum ActionType {
    SHIFT_TRAFFIC, OPEN_CIRCUIT, CLOSE_CIRCUIT, ADJUST_RETRY_POLICY, ALERT, NO_OP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean changesRouting() {
        return this != ALERT && this != NO_OP;
    }
}
