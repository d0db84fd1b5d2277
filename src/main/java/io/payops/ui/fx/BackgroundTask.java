package io.payops.ui.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Blocking work for a ViewModel (JabRef's {@code BackgroundTask}): the work runs on a {@link UiExecutor}'s background
 * thread; its result, its failure and its progress come back on the FX thread, to the callbacks given before
 * {@link #executeWith}. Progress is coalesced (the newest value wins, see {@link NewestValue}), so work may report it
 * as often as it likes. {@link #cancel()} drops whatever has not been delivered yet and tells the work, which may
 * look at {@link Progress#isCancelled()} and stop early. Work that opens something must close it itself when it is
 * cancelled: a result that arrives after {@code cancel()} is dropped.
 *
 * <pre>{@code
 * BackgroundTask.withProgress(p -> SessionReader.open(dir, p::update))
 *         .onProgress(progress::set)
 *         .onSuccess(this::opened)
 *         .onFailure(e -> error.set(e.getMessage()))
 *         .executeWith(executor);
 * }</pre>
 */
public final class BackgroundTask<V> {
    /** The work, given its task's progress and cancellation. */
    @FunctionalInterface
    public interface Work<V> {
        V call(Progress progress) throws Exception;
    }

    /** What the work sees of its task. Any thread. */
    public interface Progress {
        /** How much is done, 0..1; reaches {@code onProgress} on the FX thread, the newest value winning. */
        void update(double done);

        /** True once the task was cancelled: nothing the work does from now on will be delivered. */
        boolean isCancelled();
    }

    private final Work<V> work;
    private Consumer<? super V> onSuccess = v -> { };
    private Consumer<? super Exception> onFailure = BackgroundTask::unhandled;
    private DoubleConsumer onProgress;
    private volatile boolean cancelled;
    private boolean started;

    private BackgroundTask(Work<V> work) {
        this.work = work;
    }

    /** Work that reports no progress. */
    public static <V> BackgroundTask<V> of(Callable<V> work) {
        return new BackgroundTask<>(p -> work.call());
    }

    /** Work that reports progress or looks for cancellation. */
    public static <V> BackgroundTask<V> withProgress(Work<V> work) {
        return new BackgroundTask<>(work);
    }

    /** FX thread, with the work's result. */
    public BackgroundTask<V> onSuccess(Consumer<? super V> onSuccess) {
        this.onSuccess = onSuccess;
        return this;
    }

    /** FX thread, with what the work threw. Without one, the failure is thrown on the FX thread. */
    public BackgroundTask<V> onFailure(Consumer<? super Exception> onFailure) {
        this.onFailure = onFailure;
        return this;
    }

    /** FX thread, with the newest progress the work reported. */
    public BackgroundTask<V> onProgress(DoubleConsumer onProgress) {
        this.onProgress = onProgress;
        return this;
    }

    /** Starts the work on {@code executor}'s background thread; a task runs once. FX thread. */
    public BackgroundTask<V> executeWith(UiExecutor executor) {
        if (started) {
            throw new IllegalStateException("a background task runs once");
        }
        started = true;
        DoubleConsumer progressShown = onProgress;
        NewestValue<Double> progress = progressShown == null ? null
                : new NewestValue<>(executor, done -> {
                    if (!cancelled) {
                        progressShown.accept(done);
                    }
                });
        Progress handle = new Progress() {
            @Override
            public void update(double done) {
                if (progress != null && !cancelled) {
                    progress.offer(done);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
        executor.background(() -> run(executor, handle));
        return this;
    }

    private void run(UiExecutor executor, Progress handle) {
        if (cancelled) {
            return;
        }
        V value;
        try {
            value = work.call(handle);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (!cancelled) {
                executor.fx(() -> {
                    if (!cancelled) {
                        onFailure.accept(e);
                    }
                });
            }
            return;
        }
        executor.fx(() -> {
            if (!cancelled) {
                onSuccess.accept(value);
            }
        });
    }

    /** Nothing more is delivered, and the work is told so. Any thread; a second call does nothing. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    private static void unhandled(Exception e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException("background work failed and nothing handled it", e);
    }
}
