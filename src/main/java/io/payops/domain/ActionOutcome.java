package io.payops.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an action record says about the action's effect: {@code pending} while an executed change is being measured,
 * {@code n/a} for what is not measured (alerts, blocked, refused or recovery actions), else the measured
 * {@link Outcome}. Written as those words (helped, hurt, neutral, inconclusive) in frames, state files and reports,
 * and read back from them by Jackson through the same {@link #key}.
 */
public enum ActionOutcome implements Keyed {
    PENDING("pending"), NOT_APPLICABLE("n/a"),
    HELPED("helped"), HURT("hurt"), NEUTRAL("neutral"), INCONCLUSIVE("inconclusive");

    private final String key;

    ActionOutcome(String key) {
        this.key = key;
    }

    /** The record's word for a measured outcome. */
    public static ActionOutcome of(Outcome measured) {
        return switch (measured) {
            case HELPED -> HELPED;
            case HURT -> HURT;
            case NEUTRAL -> NEUTRAL;
            case INCONCLUSIVE -> INCONCLUSIVE;
        };
    }

    @JsonValue
    @Override
    public String key() {
        return key;
    }
}
