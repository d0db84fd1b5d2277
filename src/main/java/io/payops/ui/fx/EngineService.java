package io.payops.ui.fx;

import io.payops.engine.LiveSession;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The UI layer's wrapper that runs the engine (DESIGN §6): a javafx {@link Service} whose task is the
 * {@link LiveSession}'s loop, on one daemon thread named "engine". Frames leave through the runner's consumer (the
 * {@link FramePump}), never through the Service's own message/value properties, which would cross per update.
 */
public final class EngineService implements EngineHost {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "engine");
        t.setDaemon(true);
        return t;
    });
    private final Service<Void> service = new Service<>() {
        @Override
        protected Task<Void> createTask() {
            Runnable loop = session.loop();
            return new Task<>() {
                @Override
                protected Void call() {
                    loop.run();
                    return null;
                }
            };
        }
    };
    private LiveSession session;

    public EngineService() {
        service.setExecutor(thread);
    }

    /** FX thread. */
    @Override
    public void start(LiveSession newSession) {
        stop();
        session = newSession;
        service.restart();
    }

    /** FX thread: asks the loop to end and cancels the task; the loop notices within one tick. */
    @Override
    public void stop() {
        if (session != null) {
            session.stop();
            service.cancel();
            session = null;
        }
    }

    /**
     * After {@link #shutdown}, off the FX thread: waits until the engine thread has ended (its session's last step
     * writes lessons and closes the recording). False if {@code millis} passed first.
     */
    public boolean awaitTerminated(long millis) throws InterruptedException {
        return thread.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    /** At exit: ends the engine thread. */
    public void shutdown() {
        stop();
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
