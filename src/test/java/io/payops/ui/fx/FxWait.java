package io.payops.ui.fx;

import javafx.application.Platform;
import javafx.scene.Scene;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For TestFX tests of the real window: the scene graph changes on the FX thread, so it is only read there. Tests
 * wait for conditions, never for a length of time; the time limits here only end a wait that would otherwise hang,
 * and are generous enough for a loaded 2-core machine.
 */
public final class FxWait {
    /** How long one read on the FX thread may wait for it: a busy FX thread is slow, not stuck. */
    private static final long FX_READ_SECONDS = 30;
    /** How long {@link #layoutPulses} waits for the pulses. */
    private static final long PULSE_SECONDS = 60;

    private FxWait() {
    }

    /** Polls {@code condition} on the FX thread until it holds, failing with {@code what} after {@code seconds}. */
    public static void waitFor(String what, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get(FX_READ_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /** Reads something from the scene on the FX thread. */
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(FX_READ_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading the scene on the FX thread failed", e);
        }
    }

    /**
     * Waits until {@code scene} has gone through {@code count} more pulses, each with its CSS and layout pass: what
     * was changed before the call has then been styled and laid out (chart plot children placed, table cells
     * refilled, a new stylesheet applied). Asks for each pulse, so it does not depend on an animation running.
     */
    public static void layoutPulses(Scene scene, int count) {
        AtomicInteger pulses = new AtomicInteger();
        Runnable counter = pulses::incrementAndGet;
        WaitForAsyncUtils.asyncFx(() -> {
            scene.addPostLayoutPulseListener(counter);
            Platform.requestNextPulse();
        });
        try {
            waitFor(count + " layout pulses of the scene", PULSE_SECONDS, () -> {
                if (pulses.get() >= count) {
                    return true;
                }
                Platform.requestNextPulse();
                return false;
            });
        } finally {
            WaitForAsyncUtils.asyncFx(() -> scene.removePostLayoutPulseListener(counter));
        }
    }
}
