package io.payops.ui.fx;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Carries a stream of values from any thread to the FX thread, newest value wins (the {@code Task} message idiom,
 * DESIGN §7): {@link #offer} keeps the value and queues one FX update unless one is queued already; that update
 * applies whatever is newest when it runs. However fast values come, at most one update waits on the FX thread.
 */
public final class NewestValue<T> {
    private final UiExecutor executor;
    private final Consumer<? super T> apply;
    private final AtomicReference<T> newest = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();

    /** @param apply runs on the FX thread with the newest value */
    public NewestValue(UiExecutor executor, Consumer<? super T> apply) {
        this.executor = executor;
        this.apply = apply;
    }

    /** Any thread; never blocks. */
    public void offer(T value) {
        newest.set(value);
        if (queued.compareAndSet(false, true)) {
            executor.fx(() -> {
                // cleared before reading: a value offered in between queues one more update rather than being lost
                queued.set(false);
                apply.accept(newest.get());
            });
        }
    }
}
