package io.payops.engine;

import io.payops.domain.Command;
import io.payops.domain.Frame;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Paces an {@link Engine} to the wall clock for the console: {@code speed} simulated seconds per wall second,
 * pause and resume. It runs on the one engine thread (the UI wraps it in a javafx Service); other threads only
 * call {@link #setPaused}, {@link #setSpeed}, {@link #stop} and {@link Engine#submit}. Every frame goes to
 * {@code frames}; an exception from the engine goes to {@code failures} and ends the run, it never escapes.
 */
public final class LiveRunner implements Runnable {
    public static final double MIN_SPEED = 1;
    public static final double MAX_SPEED = 100;
    /** Falling further behind than this (a slow machine, a GC) resets the schedule instead of racing to catch up. */
    private static final long MAX_LAG_NANOS = 1_000_000_000L;
    private static final long PAUSED_POLL_MILLIS = 20;
    /** A followed file that has not reached the next tick's end is looked at again after this long (never a spin). */
    private static final long NOT_READY_POLL_MILLIS = 100;

    /** The wall clock and the sleep, injectable so tests need not wait. */
    public interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                if (nanos > 0) {
                    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
                }
            }
        };
    }

    private final Engine engine;
    private final Consumer<Frame> frames;
    private final Consumer<Throwable> failures;
    private final Clock clock;
    /** False for an event log read flat out: ticks follow each other as fast as the file reads. */
    private final boolean paced;
    private volatile boolean paused;
    private volatile double speed;
    private volatile boolean stopped;
    /** Written by the engine thread only; volatile so any thread can watch the loop idle through a pause. */
    private volatile long pausedPolls;
    private Runnable beforeFirstTick = () -> { };
    private Runnable afterLastTick = () -> { };
    private BooleanSupplier stopWhen = () -> false;
    private Predicate<Frame> pauseAfter = f -> false;

    public LiveRunner(Engine engine, double speed, Consumer<Frame> frames, Consumer<Throwable> failures, Clock clock) {
        this(engine, speed, true, frames, failures, clock);
    }

    private LiveRunner(Engine engine, double speed, boolean paced, Consumer<Frame> frames, Consumer<Throwable> failures,
                       Clock clock) {
        this.engine = engine;
        this.speed = checkSpeed(speed);
        this.paced = paced;
        this.frames = frames;
        this.failures = failures;
        this.clock = clock;
    }

    /**
     * A runner that does not pace to the wall clock: each tick follows the last as soon as the engine's source can
     * take it (an event log read as fast as it reads). A followed file that has not grown far enough is polled every
     * {@value #NOT_READY_POLL_MILLIS} ms, as it is in a paced run. Pause still holds it.
     */
    public static LiveRunner unpaced(Engine engine, Consumer<Frame> frames, Consumer<Throwable> failures, Clock clock) {
        return new LiveRunner(engine, MIN_SPEED, false, frames, failures, clock);
    }

    /** @throws IllegalArgumentException naming the range when the speed is outside ×1 … ×100 */
    public static double checkSpeed(double speed) {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be from " + (int) MIN_SPEED + " to " + (int) MAX_SPEED
                    + " (simulated seconds per wall second), was " + speed);
        }
        return speed;
    }

    /** Work that must happen on the engine thread before the first tick (loading lessons, opening the recording). */
    public void beforeFirstTick(Runnable work) {
        this.beforeFirstTick = work;
    }

    /**
     * Work that must happen on the engine thread after the last tick, however the loop ended (finished, stopped,
     * failed, interrupted): closing the file a source reads, ending a recording. Not run if the loop never started.
     */
    public void afterLastTick(Runnable work) {
        this.afterLastTick = work;
    }

    /**
     * Asked on the engine thread of each frame, before the frame is delivered: true pauses the loop before the next
     * tick, as {@link #setPaused} does (and is recorded the same way), so nothing that frame showed can change before
     * someone looks, and whoever receives the frame already sees the pause.
     */
    public void pauseAfter(Predicate<Frame> condition) {
        this.pauseAfter = condition;
    }

    /** Polled between ticks on the engine thread: true ends the loop as {@link #stop} does (a command line's Ctrl+C). */
    public void stopWhen(BooleanSupplier condition) {
        this.stopWhen = condition;
    }

    public Engine engine() {
        return engine;
    }

    public boolean paused() {
        return paused;
    }

    /**
     * How many times the loop has found itself paused and waited {@value #PAUSED_POLL_MILLIS} ms instead of
     * stepping (any thread). Once it has grown after {@link #setPaused setPaused(true)}, the loop has seen the pause:
     * no tick is under way and none will start until play; each further count is a step it did not take. Tests
     * watch it instead of the wall clock.
     */
    public long pausedPolls() {
        return pausedPolls;
    }

    public double speed() {
        return speed;
    }

    public void setPaused(boolean paused) {
        if (this.paused != paused) {
            this.paused = paused;
            engine.submit(new Command.Pause(paused));
        }
    }

    public void setSpeed(double speed) {
        double s = checkSpeed(speed);
        if (s != this.speed) {
            this.speed = s;
            engine.submit(new Command.SetSpeed(s));
        }
    }

    public void stop() {
        stopped = true;
    }

    public boolean stopped() {
        return stopped;
    }

    @Override
    public void run() {
        long tickNanos = engine.options().tickMillis() * 1_000_000L;
        long next = clock.nanoTime();
        try {
            beforeFirstTick.run();
            while (!stopped && !engine.finished() && !stopWhen.getAsBoolean()) {
                if (paused) {
                    pausedPolls++; // one writer: the engine thread
                    clock.sleepNanos(PAUSED_POLL_MILLIS * 1_000_000L);
                    next = clock.nanoTime();
                    continue;
                }
                if (!engine.ready()) {
                    clock.sleepNanos(NOT_READY_POLL_MILLIS * 1_000_000L);
                    next = clock.nanoTime();
                    continue;
                }
                Frame frame = engine.step();
                // paused before the frame goes out: whoever receives it (the console's toolbar) sees the pause with
                // it. Set after, a reader quick enough could look in between, and no frame follows a pause to look again
                if (pauseAfter.test(frame)) {
                    setPaused(true);
                }
                frames.accept(frame);
                if (!paced) {
                    continue;
                }
                next += (long) (tickNanos / speed);
                long now = clock.nanoTime();
                if (now - next > MAX_LAG_NANOS) {
                    next = now;
                }
                clock.sleepNanos(next - now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failures.accept(e);
        } finally {
            stopped = true;
            try {
                afterLastTick.run();
            } catch (RuntimeException | Error e) {
                failures.accept(e);
            }
        }
    }
}
