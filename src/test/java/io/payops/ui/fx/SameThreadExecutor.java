package io.payops.ui.fx;

/**
 * The {@link UiExecutor} of ViewModel tests (JabRef's {@code CurrentThreadTaskExecutor}): background work and the
 * FX update after it both run at once, on the test's thread, so a command's whole effect is there when it returns.
 */
public final class SameThreadExecutor implements UiExecutor {
    public static final SameThreadExecutor INSTANCE = new SameThreadExecutor();

    private SameThreadExecutor() {
    }

    @Override
    public void background(Runnable job) {
        job.run();
    }

    @Override
    public void fx(Runnable update) {
        update.run();
    }
}
