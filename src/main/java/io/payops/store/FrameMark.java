package io.payops.store;

import java.util.Set;

/**
 * What happened in a recorded frame that a person may want to jump to. Stored per frame in the session index as a
 * bit set, so "next incident" never has to parse frames.
 */
public enum FrameMark {
    /** An incident opened. */
    INCIDENT,
    /** An action record was created or changed (executed, pending, rolled back, ...). */
    ACTION,
    /** An approval request was raised or answered. */
    APPROVAL,
    /** A command from outside the engine was applied (chaos, mode, pause, speed, a decision). */
    COMMAND,
    /** The agent ran a full cycle. */
    CYCLE;

    public int bit() {
        return 1 << ordinal();
    }

    public static int bits(Set<FrameMark> marks) {
        int b = 0;
        for (FrameMark m : marks) {
            b |= m.bit();
        }
        return b;
    }
}
