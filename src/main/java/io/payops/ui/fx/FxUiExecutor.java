package io.payops.ui.fx;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console's {@link UiExecutor}: background jobs on one daemon thread of the given name, one at a time and in
 * order (a replay relies on that order), and FX updates through {@code Platform.runLater}. Each kind of work gets its
 * own, so listing sessions never waits behind a playing replay, nor a mapping step behind a followed log.
 */
public final class FxUiExecutor implements UiExecutor, AutoCloseable {
    private final ExecutorService thread;

    /** @param threadName the thread's name in a thread dump ("replay", "what-if", ...); it starts with the first job */
    public FxUiExecutor(String threadName) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** @throws java.util.concurrent.RejectedExecutionException after {@link #close()} */
    @Override
    public void background(Runnable job) {
        thread.execute(job);
    }

    @Override
    public void fx(Runnable update) {
        Platform.runLater(update);
    }

    /** At exit: interrupts the running job and drops the queued ones. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
