package io.payops.ui.fx;

import io.payops.engine.LiveSession;

/**
 * Runs a {@link LiveSession}'s loop on the engine thread. The console uses {@link EngineService} (a javafx Service);
 * ViewModel tests use one that runs nothing, or runs it on a plain thread, so they need no FX toolkit.
 */
public interface EngineHost {
    /** Starts the session's loop on a background thread; returns at once. */
    void start(LiveSession session);

    /** Stops the session started last, if any, and waits briefly for its thread to end. */
    void stop();
}
