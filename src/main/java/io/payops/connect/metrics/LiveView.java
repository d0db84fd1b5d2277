package io.payops.connect.metrics;

import io.payops.connect.ConnectorSession;
import io.payops.domain.Frame;

/**
 * The session and its newest frame, as the scrape-time gauges read them: the engine thread writes (a reference per
 * frame, nothing computed), any scrape thread reads. Frames are immutable, so a scrape reads a consistent one.
 */
final class LiveView {
    /** The session being watched and the labels its world allows. */
    record Session(ConnectorSession info, LabelPlan plan) {
    }

    /** The origin is not known (the simulator, or an event log before its first events). */
    static final long NO_ORIGIN = Long.MIN_VALUE;

    private volatile Session session;
    private volatile Frame latest;
    private volatile boolean running;
    private volatile long originMillis = NO_ORIGIN;
    /** The folding of the last frame a scrape asked about: every gauge of one scrape reads the same frame. */
    private volatile Folded folded;

    private record Folded(Frame frame, FoldedSegments segments) {
    }

    /** Engine thread: a new session; the last one's frame is forgotten so its gauges go with it. */
    void start(ConnectorSession info) {
        latest = null;
        originMillis = NO_ORIGIN;
        session = new Session(info, LabelPlan.of(info.world()));
        running = true;
    }

    /** Engine thread. */
    void frame(Frame frame) {
        latest = frame;
    }

    /** Engine thread: asked once per frame until known, then never again (it does not move). */
    void originIfUnknown(ConnectorSession info) {
        if (originMillis == NO_ORIGIN) {
            var origin = info.eventClockOrigin().get();
            if (origin != null) {
                originMillis = origin.toEpochMilli();
            }
        }
    }

    /** The session ended: its last frame stays readable until the next one starts. */
    void end() {
        running = false;
    }

    Session session() {
        return session;
    }

    Frame latest() {
        return latest;
    }

    boolean running() {
        return running;
    }

    long originMillis() {
        return originMillis;
    }

    /** The newest frame's segments under the session's labels (computed once per frame, on a scrape thread). */
    FoldedSegments segments() {
        Frame f = latest;
        Session s = session;
        if (f == null || s == null || f.snapshot() == null) {
            return FoldedSegments.NONE;
        }
        Folded cached = folded;
        if (cached != null && cached.frame() == f) {
            return cached.segments();
        }
        FoldedSegments segments = FoldedSegments.of(f.snapshot(), s.plan());
        folded = new Folded(f, segments);
        return segments;
    }
}
