package io.payops.ui.fx;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@link UiExecutor} whose FX updates wait until the test runs them, as the FX thread would later: tests see what
 * crosses, how often, and what a late result does. Background jobs run at once ({@link #fxQueued()}) or also wait
 * ({@link #bothQueued()}).
 */
public final class QueuedExecutor implements UiExecutor {
    /** How long {@link #runFxUntil} waits for background threads before it gives up: only a hang ends there. */
    private static final long GIVE_UP_SECONDS = 60;

    private final boolean queueBackground;
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();

    private QueuedExecutor(boolean queueBackground) {
        this.queueBackground = queueBackground;
    }

    /** Background jobs run at once; FX updates wait for the test. */
    public static QueuedExecutor fxQueued() {
        return new QueuedExecutor(false);
    }

    /** Background jobs and FX updates both wait for the test. */
    public static QueuedExecutor bothQueued() {
        return new QueuedExecutor(true);
    }

    @Override
    public void background(Runnable job) {
        if (queueBackground) {
            background.add(job);
        } else {
            job.run();
        }
    }

    /** Any thread. */
    @Override
    public void fx(Runnable update) {
        fx.add(update);
    }

    public int backgroundQueued() {
        return background.size();
    }

    /** Runs the oldest queued background job. */
    public void runBackground() {
        background.remove().run();
    }

    public int fxCount() {
        return fx.size();
    }

    /** Runs the oldest queued FX update. */
    public void runFx() {
        fx.remove().run();
    }

    /** Runs FX updates until none is queued, including those queued meanwhile. */
    public void runAllFx() {
        Runnable r;
        while ((r = fx.poll()) != null) {
            r.run();
        }
    }

    /** Plays the FX thread for work on other threads: runs updates as they come until {@code done} holds. */
    public void runFxUntil(String what, BooleanSupplier done) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
        while (!done.getAsBoolean()) {
            Runnable r = fx.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("gave up waiting until " + what);
            }
        }
    }
}
