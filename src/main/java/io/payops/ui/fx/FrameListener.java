package io.payops.ui.fx;

/**
 * A ViewModel that follows the engine. Both methods are called on the FX thread only, by the {@link FramePump}
 * (or by a test, directly).
 */
public interface FrameListener {
    /** A new session (scenario, seed) starts: forget everything from the previous one. */
    void onSessionStart(SessionInfo session);

    /** The frames since the last pulse; {@code batch.latest()} is what "now" looks like. */
    void onFrames(FrameBatch batch);
}
