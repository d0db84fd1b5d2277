package io.payops.domain;

import java.util.Locale;

/** What an executed action turned out to do, measured on its target. */
public enum Outcome {
    HELPED, HURT, NEUTRAL, INCONCLUSIVE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
