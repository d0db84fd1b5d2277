package io.payops.engine;

import io.payops.domain.Frame;

/**
 * Hears a {@link LiveSession}'s life on its engine thread: its start (its recording folder is known by then), every
 * frame and its end. What lives outside the engine (the connectors to Alertmanager, Prometheus, the router) is told
 * this way; a listener must return at once.
 */
public interface SessionListener {
    SessionListener NONE = new SessionListener() {
        @Override
        public void started(LiveSession session) {
        }

        @Override
        public void frame(Frame frame) {
        }

        @Override
        public void ended(LiveSession session) {
        }
    };

    /** Before the first tick. */
    void started(LiveSession session);

    /** After every tick. */
    void frame(Frame frame);

    /** After the last tick, however the loop ended. */
    void ended(LiveSession session);
}
