package io.payops.ui.fx;

/**
 * Where ViewModels run what must not block the FX thread, and how its results come back (DESIGN §6, §7). Besides
 * the {@link FramePump}, this is the only way UI code crosses threads: {@link #background} for blocking work (reading
 * a file, a what-if run), {@link #fx} for what follows on the FX thread; {@link BackgroundTask} pairs the two and
 * {@link NewestValue} coalesces a stream of values. The console gives each kind of work an {@link FxUiExecutor} of
 * its own (one named daemon thread, and {@code Platform.runLater}); ViewModel tests pass a synchronous one, so they
 * run without the FX toolkit and without waiting (JabRef's {@code CurrentThreadTaskExecutor}).
 */
public interface UiExecutor {
    /** Runs {@code job} off the FX thread. The console's executors run their jobs one at a time, in the order given. */
    void background(Runnable job);

    /** Runs {@code update} on the FX thread, after what is already queued there. Any thread. */
    void fx(Runnable update);
}
