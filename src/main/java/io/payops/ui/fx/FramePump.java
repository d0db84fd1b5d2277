package io.payops.ui.fx;

import io.payops.domain.Frame;
import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one place where engine output crosses onto the FX thread (DESIGN §6). The engine thread {@link #offer}s each
 * frame: the newest is kept in an {@link AtomicReference} and the frames since the last pulse in a bounded queue (so
 * charts and the audit trail miss no tick at ×100). An {@link AnimationTimer} applies them at most
 * {@value #MAX_PULSES_PER_SECOND} times a second, as one {@link FrameBatch} handed to every listener. There is never
 * a {@code Platform.runLater} per frame, let alone per attempt.
 */
public final class FramePump {
    public static final int MAX_PULSES_PER_SECOND = 20;
    /** At ×100 there are about 5 frames per pulse; this many means the FX thread has stalled for seconds. */
    static final int MAX_PENDING = 2_000;
    private static final long MIN_PULSE_NANOS = 1_000_000_000L / MAX_PULSES_PER_SECOND;

    private final List<FrameListener> listeners = new ArrayList<>();
    private final AtomicReference<Frame> newest = new AtomicReference<>();
    /** Frames tagged with the session they belong to: a stopping engine may still hand over one last frame. */
    private record Tagged(long session, Frame frame) {
    }

    private final Queue<Tagged> pending = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicLong session = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final FxLoad load = new FxLoad();
    private Consumer<Throwable> onFailure = t -> { };
    /** Warnings from background threads (the state writer): rare, so a plain queue, bounded to the newest few. */
    private final Queue<String> notices = new ConcurrentLinkedQueue<>();
    private Consumer<String> onNotice = n -> { };
    private Frame lastApplied;
    private long lastPulseNanos;
    private AnimationTimer timer;

    public void addListener(FrameListener listener) {
        listeners.add(listener);
    }

    /** Where an engine failure is reported (the error banner); called on the FX thread. */
    public void setOnFailure(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    /** Where notices go (the banner); called on the FX thread. */
    public void setOnNotice(Consumer<String> onNotice) {
        this.onNotice = onNotice;
    }

    /** Any thread: a warning for the person (a disk problem, a damaged state file moved aside); the next pulse shows it. */
    public void offerNotice(String message) {
        notices.add(message);
        while (notices.size() > 20) {
            notices.poll();
        }
    }

    /** Any thread (the engine's): keeps the frame for the next pulse. Never blocks. */
    public void offer(Frame frame) {
        offer(session.get(), frame);
    }

    /**
     * Where the engine of the session starting now should send its frames: frames that arrive through it after the
     * next {@link #startSession} are dropped, so an engine that is still stopping cannot mix into a new session.
     */
    public java.util.function.Consumer<Frame> sessionSink() {
        long s = session.get();
        return f -> offer(s, f);
    }

    private void offer(long s, Frame frame) {
        if (s != session.get()) {
            return;
        }
        newest.set(frame);
        pending.add(new Tagged(s, frame));
        if (pendingCount.incrementAndGet() > MAX_PENDING && pending.poll() != null) {
            pendingCount.decrementAndGet();
            dropped.incrementAndGet();
        }
    }

    /** Any thread: the engine failed; the next pulse reports it. */
    public void offerFailure(Throwable t) {
        failure.set(t);
    }

    /**
     * Where the engine of the session starting now reports a failure: one from an engine that was stopped for a new
     * session (say, a file closed under it as it stopped) is not news and is dropped.
     */
    public Consumer<Throwable> sessionFailureSink() {
        long s = session.get();
        return t -> {
            if (s == session.get()) {
                failure.set(t);
            }
        };
    }

    /** The newest frame offered, from any thread (null before the first). */
    public Frame newest() {
        return newest.get();
    }

    /** FX thread: a new session starts; frames still queued from the old one are thrown away. */
    public void startSession(SessionInfo info) {
        session.incrementAndGet();
        pending.clear();
        pendingCount.set(0);
        dropped.set(0);
        newest.set(null);
        lastApplied = null;
        failure.set(null);
        for (FrameListener l : List.copyOf(listeners)) {
            l.onSessionStart(info);
        }
    }

    /** FX thread: starts applying frames on every pulse of the scene graph, at most 20 times a second. */
    public void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (now - lastPulseNanos >= MIN_PULSE_NANOS) {
                        lastPulseNanos = now;
                        pulse();
                    }
                }
            };
        }
        timer.start();
    }

    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    /**
     * FX thread: hands everything offered since the last pulse to the listeners as one batch. Public so tests drive
     * it without a timer.
     * @return whether there was anything to apply
     */
    public boolean pulse() {
        long start = System.nanoTime();
        Throwable t = failure.getAndSet(null);
        if (t != null) {
            onFailure.accept(t);
        }
        String n;
        while ((n = notices.poll()) != null) {
            onNotice.accept(n);
        }
        List<Frame> frames = new ArrayList<>();
        long current = session.get();
        Tagged t2;
        while ((t2 = pending.poll()) != null) {
            pendingCount.decrementAndGet();
            if (t2.session() == current) {
                frames.add(t2.frame());
            }
        }
        if (frames.isEmpty()) {
            return false;
        }
        FrameBatch batch = new FrameBatch(frames.get(frames.size() - 1), frames, dropped.getAndSet(0));
        lastApplied = batch.latest();
        for (FrameListener l : List.copyOf(listeners)) {
            l.onFrames(batch);
        }
        load.record(System.nanoTime() - start);
        return true;
    }

    /** The last frame the views were given (FX thread). */
    public Frame lastApplied() {
        return lastApplied;
    }

    /** How much of the FX thread's time pulses take, for the UI benchmark. */
    public FxLoad load() {
        return load;
    }
}
