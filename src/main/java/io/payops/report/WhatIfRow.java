package io.payops.report;

import io.payops.domain.Target;

/**
 * One agent cycle of a what-if, side by side: what the recorded agent decided at {@code atMillis} and what the
 * what-if agent decided on the same snapshot. A side is null when that agent ran no cycle at that moment.
 * {@code reason} says in one line how they differ ("same" when they do not).
 */
public record WhatIfRow(long atMillis, Choice recorded, Choice whatIf, boolean differs, String reason) {

    /**
     * One agent's decision in a cycle. {@code action} is the readable form ("shift 30% of stripe's traffic away"),
     * {@code actionType} and {@code target} its parts, {@code verdict} the guardrail verdict kind (allow,
     * needs_approval, block; "none" when nothing was decided), {@code actionTaken} what the agent did, in words,
     * and {@code acted} whether it changed routing or raised an alert on its own in this cycle.
     */
    public record Choice(String action, String actionType, Target target, double fraction, String verdict,
                         String actionTaken, boolean acted) {
    }

    public double atSeconds() {
        return atMillis / 1000.0;
    }
}
