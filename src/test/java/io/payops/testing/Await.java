package io.payops.testing;

import java.util.concurrent.TimeUnit;

/**
 * Waits for a condition, never for a time: polls it until it holds, the deadline only ending a wait for something
 * that would never happen (so a busy machine is slower, never wrong). The one poll loop of the non-FX tests; the
 * FX tests use {@code FxWait}, which reads the scene on the FX thread.
 */
public final class Await {
    /** Short: a condition that holds reacts within a poll, and polling costs a check. */
    private static final long POLL_MILLIS = 20;

    /** A condition that may throw (an HTTP query, a file read). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** @return whether {@code condition} held within {@code seconds} */
    public static boolean holds(long seconds, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** @throws AssertionError "not within N s: {@code what}" when it never held */
    public static void until(String what, long seconds, Condition condition) throws Exception {
        if (!holds(seconds, condition)) {
            throw new AssertionError("not within " + seconds + " s: " + what);
        }
    }
}
