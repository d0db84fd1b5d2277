package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How an action (or a ticket action) came to be taken or refused: alone ({@code none}), waiting for an answer
 * ({@code pending}), answered by the simulated operator of a headless run ({@code auto}) or by a person
 * ({@code operator}). Written as those words in frames, state files, the audit log and reports, and read back from
 * them by Jackson through the same {@link #key}.
 */
public enum Approval implements Keyed {
    NONE("none"), PENDING("pending"), AUTO("auto"), OPERATOR("operator");

    private final String key;

    Approval(String key) {
        this.key = key;
    }

    @JsonValue
    @Override
    public String key() {
        return key;
    }
}
