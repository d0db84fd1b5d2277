package io.payops.ui.fx;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** For TestFX tests of the real window: the scene graph changes on the FX thread, so it is only read there. */
public final class FxWait {
    private FxWait() {
    }

    /** Polls {@code condition} on the FX thread until it holds, failing with {@code what} after {@code seconds}. */
    public static void waitFor(String what, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /** Reads something from the scene on the FX thread. */
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading the scene on the FX thread failed", e);
        }
    }
}
