package io.payops.ui.replay;

import io.payops.common.BadInputException;
import io.payops.domain.Frame;
import io.payops.engine.LiveRunner;
import io.payops.sim.World;
import io.payops.store.FrameMark;
import io.payops.store.IndexEntry;
import io.payops.store.SessionMeta;
import io.payops.store.SessionReader;
import io.payops.store.SessionSummary;
import io.payops.ui.fx.BackgroundTask;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.FramePump;
import io.payops.ui.fx.SessionInfo;
import io.payops.ui.fx.UiExecutor;
import io.payops.ui.reasoning.ReasoningViewModel;
import io.payops.ui.shell.ShellViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Replay of a recorded session (issue #5): opens it, scrubs, plays at ×1 … ×100, jumps to the next or previous
 * incident, action or approval. There is no engine: every pane shows recorded frames, fed through the same
 * {@link FramePump} as live traffic, in a session tagged {@code live=false} so nothing can send a command.
 *
 * <p>Threads: the methods and properties are for the FX thread. Every frame is read on the executor's background
 * thread, which must run its jobs one at a time, in order (a single thread; a synchronous executor in tests): that
 * order is what lets a job start where the one before it stopped. Each open, seek, pause and close bumps a generation; a job of an older
 * generation stops at its next frame, so the newest request always wins.
 *
 * <p>A seek shows the session's history up to the frame sought: the panes are reset and handed the frames
 * {@link ReplayHistory} makes from the session's {@link SessionSummary} (loaded once, after the first frame is on
 * screen), then the frame itself, all in one FX update with the pump pulsed at once, so no pane is ever drawn
 * reset or half-fed (no "waiting for traffic" in between) and the time in the replay bar, the status bar and the
 * panes is the same frame's.
 */
public final class ReplayViewModel implements FrameListener {
    /**
     * History frames handed to the pump between two pulses of a seek: below the pump's bound on frames waiting for
     * a pulse, so none is dropped however long the session.
     */
    static final int HISTORY_PULSE = 1_900;
    public static final List<Double> SPEEDS = ShellViewModel.SPEEDS;
    public static final String LIVE_TITLE = "PayOps Console";
    /** A paused or re-seeked playback notices within this much wall time, so the next job never waits long. */
    private static final long SLEEP_SLICE_NANOS = 20_000_000L;
    /** Further behind than this (a GC, a slow disk), the schedule restarts instead of racing to catch up. */
    private static final long MAX_LAG_NANOS = 1_000_000_000L;

    private final FramePump pump;
    private final ReasoningViewModel reasoning;
    private final UiExecutor executor;
    private final LiveRunner.Clock clock;
    private final Runnable startLive;

    private final AtomicLong generation = new AtomicLong();
    /** The last frame position handed to the pump in this replay session, and its tick (FX and background). */
    private final AtomicInteger offered = new AtomicInteger(-1);
    private final AtomicLong offeredTick = new AtomicLong(-1);
    /** Whether the panes hold the whole history up to the last frame offered (a seek before the summary: not). */
    private boolean panesWhole;
    private volatile double playbackSpeed = 1;

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", 1);
    private final ReadOnlyIntegerWrapper frameCount = new ReadOnlyIntegerWrapper(this, "frameCount");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position");
    private final ReadOnlyStringWrapper positionText = new ReadOnlyStringWrapper(this, "positionText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper(this, "windowTitle", LIVE_TITLE);

    /** The open session; volatile because a background job compares it with the session it was started for. */
    private volatile SessionReader reader;
    private SessionInfo info;
    /** A reader with its summary, set by the background job that loads it, before any seek queued after it runs. */
    private record Loaded(SessionReader reader, SessionSummary summary) {
    }

    private volatile Loaded loaded;
    private BackgroundTask<SessionSummary> summaryTask;
    /** The tick of a seek's target until the pump has applied it; -1 when no seek is in flight. */
    private long pendingTick = -1;

    /**
     * @param executor  reads frames, one job at a time, in order, and brings results back to the FX thread
     * @param clock     paces playback (a clock that does not really sleep in tests)
     * @param startLive "Back to live": restarts the live console
     */
    public ReplayViewModel(FramePump pump, ReasoningViewModel reasoning, UiExecutor executor, LiveRunner.Clock clock,
                           Runnable startLive) {
        this.pump = pump;
        this.reasoning = reasoning;
        this.executor = executor;
        this.clock = clock;
        this.startLive = startLive;
        pump.addListener(this);
        playing.addListener((o, a, b) -> updateStatus());
        speed.addListener((o, a, b) -> updateStatus());
        updateStatus();
    }

    /** Opens a recorded session on the background thread; the progress bar follows; a bad folder shows in the banner. */
    public void open(Path dir) {
        long g = generation.incrementAndGet();
        if (summaryTask != null) {
            summaryTask.cancel(); // an old recording's summary being built would hold up this open
        }
        playing.set(false);
        loading.set(true);
        progress.set(0);
        error.set(null);
        notice.set("Opening " + dir + " …");
        // the reader reports progress per block read; the bar gets the newest value, one FX update at a time
        BackgroundTask.withProgress(p -> SessionReader.open(dir, p::update))
                .onProgress(progress::set)
                .onSuccess(r -> opened(g, r))
                .onFailure(e -> failed(g, e instanceof BadInputException ? e.getMessage()
                        : "session folder '" + dir + "': cannot be read (" + e + ")"))
                .executeWith(executor);
    }

    private void failed(long g, String message) {
        if (generation.get() != g) {
            return;
        }
        loading.set(false);
        notice.set("");
        error.set(message);
    }

    private void opened(long g, SessionReader r) {
        if (generation.get() != g) {
            executor.background(r::close);
            return;
        }
        releaseReader();
        reader = r;
        SessionMeta m = r.meta();
        // a recorded event log was open loop: the replay labels its routing as recommended, as the live run did
        info = new SessionInfo(m.scenario(), m.policy(), false, m.scenario().eventLog());
        loading.set(false);
        progress.set(1);
        frameCount.set(r.size());
        summary.set(summaryOf(m, r.size()));
        windowTitle.set("PayOps — REPLAY " + m.id());
        if (!r.warnings().isEmpty()) {
            error.set("Session " + m.id() + ": " + String.join("; ", r.warnings()));
        }
        // listeners stop the live engine here, before the first recorded frame reaches the pump
        active.set(true);
        offeredTick.set(-1); // the panes hold another session's frames, if any: the first seek resets them
        panesWhole = false;
        seek(0); // the first frame needs no history: it is on screen before the summary is read
        loadSummary(r);
    }

    /**
     * Reads the session's summary (quick) or, for a recording made without one, builds it from the frames once, with
     * the progress bar. It runs after the first frame's job; seeks asked for meanwhile wait for it and then show
     * their history.
     */
    private void loadSummary(SessionReader r) {
        loading.set(true);
        progress.set(0);
        notice.set("Loading the history");
        summaryTask = BackgroundTask.withProgress(p -> {
                    SessionSummary s = SessionSummary.load(r, p::update, p::isCancelled);
                    loaded = new Loaded(r, s);
                    return s;
                })
                .onProgress(progress::set)
                .onSuccess(s -> {
                    if (reader == r) {
                        loading.set(false);
                        progress.set(1);
                        notice.set("");
                        if (!s.warnings().isEmpty()) {
                            error.set("Session " + r.meta().id() + ": " + String.join("; ", s.warnings()));
                        }
                    }
                })
                .onFailure(e -> {
                    if (reader == r && !(e instanceof java.util.concurrent.CancellationException)) {
                        loading.set(false);
                        notice.set("");
                        error.set("Session " + r.meta().id() + ": its history cannot be read (" + e.getMessage()
                                + "); a seek shows the moment sought without what led up to it");
                    }
                })
                .executeWith(executor);
    }

    static String summaryOf(SessionMeta m, int frames) {
        String scenario = m.scenario().name();
        return String.format(Locale.ROOT, "%s · %s · %s%s · %s · %d frames", m.id(), scenario,
                m.policy() == null ? "?" : m.policy(), m.approval() == null ? "" : " (" + m.approval() + ")",
                m.status() == null ? "?" : m.status(), frames);
    }

    /**
     * Shows the frame at {@code index} with the session's history up to it; playback goes on from it. The slider
     * moves at once; the time shown follows with the frame, as the status bar's does.
     */
    public void seek(int index) {
        SessionReader r = reader;
        if (r == null) {
            return;
        }
        int target = Math.max(0, Math.min(index, r.size() - 1));
        long g = generation.incrementAndGet();
        boolean resume = playing.get();
        position.set(target);
        if (!loading.get()) {
            notice.set("");
        }
        pendingTick = r.entry(target).tick();
        executor.background(() -> guarded(g, () -> {
            if (generation.get() != g) {
                return; // a newer seek (a drag) is queued behind this one: reading this frame is wasted
            }
            Frame shown = r.frame(target);
            Loaded l = loaded;
            SessionSummary summary = l != null && l.reader() == r ? l.summary() : SessionSummary.empty();
            List<Frame> history = ReplayHistory.before(summary, target, shown);
            boolean whole = summary.size() >= target;
            executor.fx(() -> show(g, r, target, history, shown, resume, whole));
        }));
    }

    /**
     * FX thread: hands the panes the history and the frame sought in this one update, pulsing the pump itself, so
     * nothing is drawn half-fed. Forward from what the panes hold, they only get what lies between (the panes stay);
     * otherwise they are reset first, and get it all.
     */
    private void show(long g, SessionReader r, int target, List<Frame> history, Frame shown, boolean resume,
                      boolean historyWhole) {
        if (generation.get() != g || reader != r) {
            return;
        }
        long held = offeredTick.get();
        int from = 0;
        if (panesWhole && historyWhole && held >= 0 && held < shown.tick()) {
            from = firstAfter(history, held);
        } else {
            pump.startSession(info);
        }
        Consumer<Frame> sink = pump.sessionSink();
        for (int i = from; i < history.size(); i++) {
            sink.accept(history.get(i));
            if ((i - from + 1) % HISTORY_PULSE == 0) {
                pump.pulse();
            }
        }
        sink.accept(shown);
        offered.set(target);
        offeredTick.set(shown.tick());
        panesWhole = historyWhole;
        pump.pulse();
        if (resume) {
            executor.background(() -> guarded(g, () -> playOn(g, r, sink)));
        }
    }

    /** Shows the first frame at or after {@code simMillis} (the last frame when it is later): a what-if row's moment. */
    public void seekToTime(long simMillis) {
        if (reader == null) {
            return;
        }
        List<IndexEntry> es = reader.entries();
        int lo = 0;
        int hi = es.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (es.get(mid).simMillis() < simMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        seek(lo);
    }

    /** The position of the first frame after {@code tick} in frames ordered by tick. */
    private static int firstAfter(List<Frame> frames, long tick) {
        int lo = 0;
        int hi = frames.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (frames.get(mid).tick() <= tick) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Plays from the frame shown, paced to the speed; at the end of the session it stops. */
    public void play() {
        if (reader == null || playing.get()) {
            return;
        }
        notice.set("");
        playing.set(true);
        if (position.get() >= reader.size() - 1) {
            seek(0); // from the start again, as a video player does
            return;
        }
        if (pendingTick >= 0) {
            seek(position.get()); // a seek still feeding its lead-in: let it finish, then play on from it
            return;
        }
        long g = generation.incrementAndGet();
        if (pendingTick < 0) {
            reasoning.followLatest();
        }
        Consumer<Frame> sink = pump.sessionSink();
        SessionReader r = reader;
        executor.background(() -> guarded(g, () -> playOn(g, r, sink)));
    }

    public void pause() {
        if (playing.get()) {
            playing.set(false);
            if (pendingTick >= 0) {
                seek(position.get()); // the target still has to be shown, without playing on
            } else {
                generation.incrementAndGet();
            }
        }
    }

    public void togglePlaying() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Simulated seconds per wall second, ×1 … ×100 like live; takes effect from the next frame. */
    public void setSpeed(double x) {
        try {
            playbackSpeed = LiveRunner.checkSpeed(x);
            speed.set(x);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /** Background: the frames after the last one offered, each at its simulated time. */
    private void playOn(long g, SessionReader r, Consumer<Frame> sink) throws InterruptedException {
        int i = offered.get();
        long prevSim = r.entry(Math.max(0, i)).simMillis();
        long next = clock.nanoTime();
        while (++i < r.size()) {
            IndexEntry e = r.entry(i);
            next += (long) ((e.simMillis() - prevSim) * 1_000_000L / playbackSpeed);
            prevSim = e.simMillis();
            long now = clock.nanoTime();
            if (now - next > MAX_LAG_NANOS) {
                next = now;
            }
            while (now < next) {
                if (generation.get() != g) {
                    return;
                }
                clock.sleepNanos(Math.min(SLEEP_SLICE_NANOS, next - now));
                now = clock.nanoTime();
            }
            if (generation.get() != g) {
                return;
            }
            Frame f = r.frame(i);
            sink.accept(f);
            offered.set(i);
            offeredTick.set(f.tick());
        }
        executor.fx(() -> {
            if (generation.get() == g) {
                playing.set(false);
                notice.set("End of the session");
            }
        });
    }

    private interface Job {
        void run() throws InterruptedException;
    }

    /** A job's failure (a file deleted under us) stops playback and shows in the banner, unless it is stale. */
    private void guarded(long g, Job job) {
        try {
            job.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            executor.fx(() -> {
                if (generation.get() == g) {
                    playing.set(false);
                    error.set("Replay stopped: " + message);
                }
            });
        }
    }

    /** Jumps to the next frame with the mark (an incident opening, an action, an approval); says so when none. */
    public void next(FrameMark mark) {
        jump(mark, true);
    }

    public void previous(FrameMark mark) {
        jump(mark, false);
    }

    private void jump(FrameMark mark, boolean forward) {
        if (reader == null) {
            return;
        }
        // the index holds the marks, so this reads no frame
        int i = forward ? reader.next(position.get(), mark) : reader.previous(position.get(), mark);
        if (i < 0) {
            notice.set("No " + (forward ? "later " : "earlier ") + markName(mark) + " in this session");
            return;
        }
        seek(i);
    }

    static String markName(FrameMark mark) {
        return mark.name().toLowerCase(Locale.ROOT);
    }

    /** Leaves replay without starting anything (the window closes, or live traffic started elsewhere). */
    public void close() {
        generation.incrementAndGet();
        loaded = null;
        offeredTick.set(-1);
        panesWhole = false;
        playing.set(false);
        loading.set(false);
        pendingTick = -1;
        releaseReader();
        info = null;
        frameCount.set(0);
        position.set(0);
        positionText.set("");
        summary.set("");
        notice.set("");
        windowTitle.set(LIVE_TITLE);
        active.set(false);
    }

    /** "Back to live": leaves replay and restarts the live console. */
    public void backToLive() {
        close();
        startLive.run();
    }

    /** Closed on the background thread, after any job still reading it has seen the new generation and stopped. */
    private void releaseReader() {
        SessionReader old = reader;
        reader = null;
        if (summaryTask != null) {
            summaryTask.cancel(); // its job stops at its next frame, before the close queued after it
            summaryTask = null;
        }
        if (old != null) {
            executor.background(old::close);
        }
    }

    @Override
    public void onSessionStart(SessionInfo session) {
        if (session.live() && active.get()) {
            close(); // a live session started (a scenario was picked): replay is over
        }
    }

    @Override
    public void onFrames(FrameBatch batch) {
        if (reader == null || !active.get()) {
            return;
        }
        if (pendingTick >= 0) {
            Frame target = null;
            for (Frame f : batch.frames()) {
                if (f.tick() == pendingTick) {
                    target = f;
                }
            }
            if (target == null) {
                return; // still the history before it: the position stays on the target the user chose
            }
            pendingTick = -1;
            if (playing.get()) {
                reasoning.followLatest();
            } else {
                reasoning.selectCycleAt(target.simMillis());
            }
        }
        Frame latest = batch.latest();
        int i = indexOfTick(latest.tick());
        if (i >= 0) {
            position.set(i);
            updatePositionText(latest.simMillis());
        }
    }

    private int indexOfTick(long tick) {
        List<IndexEntry> es = reader.entries();
        int lo = 0;
        int hi = es.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long t = es.get(mid).tick();
            if (t < tick) {
                lo = mid + 1;
            } else if (t > tick) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void updatePositionText(long simMillis) {
        long s = simMillis / 1000;
        positionText.set(String.format(Locale.ROOT, "t = %d s (%d:%02d:%02d) · frame %d / %d", s, s / 3600,
                (s / 60) % 60, s % 60, position.get() + 1, frameCount.get()));
    }

    private void updateStatus() {
        status.set(String.format(Locale.ROOT, "replay · %s · ×%s · read only: nothing changes routing",
                playing.get() ? "playing" : "paused", ShellViewModel.speedLabel(speed.get())));
    }

    /** The recorded frames in order, read lazily; empty when no session is open. */
    public Iterable<Frame> frames() {
        SessionReader r = reader;
        return r == null ? List.of() : r.frames();
    }

    /**
     * The recorded frames for a what-if run, through a reader of its own (opened per run, closed at the end), so
     * the run neither slows playback down nor breaks when the replay closes its reader.
     */
    public Iterable<Frame> framesForWhatIf() {
        SessionReader r = reader;
        if (r == null) {
            return List.of();
        }
        java.nio.file.Path dir = r.dir();
        return () -> new OwnReaderFrames(SessionReader.open(dir, p -> { }));
    }

    /** Frames through a reader of their own: closed at the end, or by a run that stops early (a cancelled what-if). */
    private static final class OwnReaderFrames implements java.util.Iterator<Frame>, java.io.Closeable {
        private final SessionReader own;
        private final java.util.Iterator<Frame> frames;

        OwnReaderFrames(SessionReader own) {
            this.own = own;
            this.frames = own.frames().iterator();
        }

        @Override
        public boolean hasNext() {
            boolean more = frames.hasNext();
            if (!more) {
                own.close();
            }
            return more;
        }

        @Override
        public Frame next() {
            return frames.next();
        }

        @Override
        public void close() {
            own.close();
        }
    }

    /** The open session's meta.json, or null when none is open. */
    public io.payops.store.SessionMeta meta() {
        SessionReader r = reader;
        return r == null ? null : r.meta();
    }

    /** The recorded session's world (gateways, issuers, ...), or null when no session is open. */
    public World world() {
        return info == null ? null : info.world();
    }

    public SessionInfo session() {
        return info;
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty frameCountProperty() {
        return frameCount.getReadOnlyProperty();
    }

    /** The position of the frame shown, 0-based. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public int getPosition() {
        return position.get();
    }

    /** "t = 312 s (0:05:12) · frame 313 / 600". */
    public ReadOnlyStringProperty positionTextProperty() {
        return positionText.getReadOnlyProperty();
    }

    /** "s1 · stripe-outage · agent (auto:60) · complete · 600 frames". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** For the status line: "replay · paused · ×10 · read only: nothing changes routing". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A passing remark for the replay bar: "No later incident in this session", "End of the session". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** What went wrong (the reader's message for a bad folder), for the shell's banner; null when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "PayOps — REPLAY &lt;session id&gt;" in replay, "PayOps Console" otherwise. */
    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }
}
