package io.payops.ui.fx;

import io.payops.engine.LiveRunner;

/**
 * Runs a {@link LiveRunner} on the engine thread. The console uses {@link EngineService} (a javafx Service);
 * ViewModel tests use one that runs nothing, or runs it on a plain thread, so they need no FX toolkit.
 */
public interface EngineHost {
    /** Starts the runner on a background thread; returns at once. */
    void start(LiveRunner runner);

    /** Stops the runner started last, if any, and waits briefly for its thread to end. */
    void stop();
}
