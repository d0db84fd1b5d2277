package io.payops.engine;

import io.payops.domain.Frame;
import io.payops.domain.Lesson;
import io.payops.sim.Scenario;
import io.payops.store.DiskProblem;
import io.payops.store.SessionMeta;
import io.payops.store.SessionRecorder;
import io.payops.store.SessionRetention;
import io.payops.store.StateFolderLock;
import io.payops.store.StateStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Persists one session on its own thread ("state-writer"): the recording under {@code sessions/<id>/} and the state
 * files. The engine hands it frames and goes on; the disk is never on the engine's path. When the disk fails (full,
 * read-only, folder deleted) a problem is reported once, the engine keeps running, and writing is retried: the state
 * files at every flush, the recording not at all (a recording with a hole in it would not replay true), so it stops
 * with its status saying why. A problem that clears is reported as cleared.
 *
 * <p>With {@code waitWhenBehind} (headless runs) a full queue makes the engine wait, so the recording is complete;
 * without it (live) frames the writer cannot keep up with are dropped and counted in meta.json.
 */
public final class StateWriter implements Consumer<Frame>, AutoCloseable {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Frame END = new Frame(0, 0, true, null, null, List.of(), null, null, List.of(), List.of());

    /** How the writer behaves; {@link #LIVE} and {@link #HEADLESS} are the console's and run's. */
    public record Settings(SessionRetention retention, long flushMillis, boolean waitWhenBehind, int queueFrames) {
        public static final Settings LIVE = new Settings(SessionRetention.DEFAULT, 1000, false, 256);
        public static final Settings HEADLESS = new Settings(SessionRetention.DEFAULT, 1000, true, 32);

        public Settings withRetention(SessionRetention r) {
            return new Settings(r, flushMillis, waitWhenBehind, queueFrames);
        }
    }

    private final StateStore store;
    /** The state folder's lock, held until the last write of this session; null in tests that own the folder. */
    private final StateFolderLock lock;
    private final Settings settings;
    private final Clock clock;
    private final Consumer<String> problems;
    private final StateRecorder state;
    private final BlockingQueue<Frame> queue;
    private final Thread thread;
    private final Map<String, String> failing = new HashMap<>();
    private final String id;
    private final Path sessionDir;
    private SessionRecorder recorder;
    /** Frames dropped because the writer fell behind; only the engine thread counts up. */
    private volatile long dropped;
    private long nextFlush;
    /** Set when closing; the end marker may not fit a full queue, so the loop also ends once the queue is empty. */
    private volatile boolean closing;
    /** Set if the writer thread failed unexpectedly: the engine must then never wait for it. */
    private volatile boolean dead;

    private StateWriter(StateStore store, StateFolderLock lock, String id, SessionRecorder recorder, List<Lesson> lessons,
                        Settings settings, Clock clock, Consumer<String> problems) {
        this.store = store;
        this.lock = lock;
        this.id = id;
        this.recorder = recorder;
        this.sessionDir = recorder == null ? null : recorder.dir();
        this.settings = settings;
        this.clock = clock;
        this.problems = problems;
        this.state = new StateRecorder(id, lessons, clock);
        this.queue = new ArrayBlockingQueue<>(settings.queueFrames());
        this.thread = new Thread(this::loop, "state-writer");
        this.thread.setDaemon(true);
    }

    /**
     * Starts persisting a new session: makes room under the retention limits, creates the session folder (a problem
     * there is reported and the session runs unrecorded) and starts the writer thread.
     *
     * @param lock    the state folder's lock, released when the writer ends; null only where the caller has the
     *                folder to itself (tests)
     * @param lessons the lessons the policy started from (so lessons.json keeps them)
     */
    public static StateWriter start(StateStore store, StateFolderLock lock, Scenario scenario, String policy,
                                    String approval, String reasoner, boolean live, List<Lesson> lessons,
                                    Settings settings, Clock clock, Consumer<String> problems) {
        store.removeLeftoverTemporaryFiles();
        String id = newId(store.sessionsDir(), scenario, clock);
        SessionRecorder recorder = null;
        try {
            List<Path> gone = settings.retention().prune(store.sessionsDir(), id, 0);
            if (!gone.isEmpty()) {
                org.slf4j.LoggerFactory.getLogger(StateWriter.class).info("removed {} old session(s) to stay within "
                        + "{} sessions / {} MB", gone.size(), settings.retention().keepSessions(),
                        settings.retention().keepBytes() / (1024 * 1024));
            }
        } catch (IOException | RuntimeException e) {
            problems.accept("Cannot remove old sessions from " + store.sessionsDir() + " (" + describe(e)
                    + "); this session is recorded anyway.");
        }
        try {
            for (int attempt = 0; recorder == null; attempt++) {
                SessionMeta meta = new SessionMeta(SessionMeta.FORMAT, id, clock.instant().toString(), null, scenario,
                        policy, approval, reasoner, EngineOptions.DEFAULT.tickMillis(), live, lessons, 0, 0, 0,
                        SessionMeta.RECORDING, null);
                try {
                    recorder = new SessionRecorder(store.sessionsDir().resolve(id), meta, clock);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // made meanwhile by a process that does not take the lock (an older version): take the next id
                    if (attempt >= 100) {
                        throw e;
                    }
                    id = newId(store.sessionsDir(), scenario, clock);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.accept("Cannot record this session in " + store.sessionsDir() + " (" + describe(e)
                    + "); it runs unrecorded.");
        }
        StateWriter w = new StateWriter(store, lock, id, recorder, lessons, settings, clock, problems);
        w.thread.start();
        return w;
    }

    /** Folder names sort by start time; a second session in the same second gets a suffix. */
    static String newId(Path sessionsDir, Scenario scenario, Clock clock) {
        String name = scenario.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        name = name.length() > 40 ? name.substring(0, 40) : name;
        String base = ID_TIME.format(clock.instant()) + "-" + name + "-seed" + scenario.seed();
        String id = base;
        for (int n = 2; Files.exists(sessionsDir.resolve(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** Any thread: frames dropped so far because the writer fell behind (live sessions only). */
    public long dropped() {
        return dropped;
    }

    public String sessionId() {
        return id;
    }

    /** The session folder, or null when this session is not being recorded. */
    public Path sessionDir() {
        return sessionDir;
    }

    /** Engine thread. */
    @Override
    public void accept(Frame f) {
        if (closing || dead) {
            return;
        }
        if (settings.waitWhenBehind()) {
            try {
                queue.put(f);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (!queue.offer(f)) {
            dropped++;
        }
    }

    /** Writes what is queued, ends the recording as complete and stops the thread; waits at most ten seconds. */
    @Override
    public void close() {
        closeAsync();
        if (!awaitClosed(10_000)) {
            problems.accept("The state writer is stuck; the last frames of session " + id + " were not saved.");
            thread.interrupt();
        }
    }

    /** Asks the writer to finish what is queued and end the recording; returns at once (the console's restarts). */
    public void closeAsync() {
        closing = true;
        queue.offer(END);
    }

    /** @return whether the writer thread ended within the time */
    public boolean awaitClosed(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void loop() {
        try {
            while (true) {
                Frame f = queue.poll(settings.flushMillis(), TimeUnit.MILLISECONDS);
                if (f == END || (f == null && closing)) {
                    break;
                }
                if (f != null) {
                    record(f);
                }
                if (clock.millis() >= nextFlush) {
                    flush();
                    nextFlush = clock.millis() + settings.flushMillis();
                }
            }
            flush();
            finishRecording(SessionMeta.COMPLETE, null);
        } catch (InterruptedException e) {
            finishRecording(SessionMeta.STOPPED, "the writer was interrupted");
        } catch (RuntimeException | Error e) {
            dead = true;
            queue.clear();
            problems.accept("The state writer stopped (" + describe(e) + "); session " + id + " goes on unrecorded.");
            finishRecording(SessionMeta.STOPPED, "writer failed: " + describe(e));
        } finally {
            // the folder is the next writer's only once this session's last line is on disk
            if (lock != null) {
                lock.close();
            }
        }
    }

    private void record(Frame f) {
        state.accept(f);
        SessionRecorder r = recorder;
        if (r == null) {
            return;
        }
        r.setDropped(dropped);
        try {
            r.write(f);
            if (r.bytes() > settings.retention().keepBytes()) {
                finishRecording(SessionMeta.STOPPED, "reached the size limit of "
                        + settings.retention().keepBytes() / (1024 * 1024) + " MB");
                problems.accept("Recording of session " + id + " stopped: it reached the size limit of "
                        + settings.retention().keepBytes() / (1024 * 1024) + " MB. The session goes on unrecorded.");
            }
        } catch (IOException e) {
            problems.accept("Recording of session " + id + " stopped: cannot write " + r.dir() + " (" + describe(e)
                    + "). The session goes on; what was recorded so far can be replayed.");
            finishRecording(SessionMeta.STOPPED, "disk: " + describe(e));
        }
    }

    private void flush() {
        // audit lines leave the recorder only once they are on disk: a full disk delays them, it does not lose them
        attempt("audit", () -> {
            List<io.payops.store.StateFiles.AuditEntry> lines = state.pendingAudit();
            store.appendAudit(lines);
            state.auditWritten(lines.size());
        });
        attempt("state", () -> state.writeFiles(store));
        SessionRecorder r = recorder;
        if (r != null) {
            if (!Files.isDirectory(r.dir())) {
                problems.accept("Recording of session " + id + " stopped: its folder " + r.dir() + " was deleted. "
                        + "The session goes on unrecorded.");
                closeQuietly(r);
                recorder = null;
                return;
            }
            attempt("meta", r::saveMeta);
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    /** Runs a write; reports each distinct failure once and, when all writes work again, says so. */
    private void attempt(String what, Write w) {
        try {
            w.run();
            if (failing.remove(what) != null && failing.isEmpty()) {
                problems.accept("Writing " + store.dir() + " works again.");
            }
        } catch (IOException | RuntimeException e) {
            String message = describe(e);
            boolean known = failing.containsValue(message);
            failing.put(what, message);
            if (!known) {
                problems.accept("Cannot write the state folder " + store.dir() + " (" + message
                        + "). The engine keeps running; writing is retried every second.");
            }
        }
    }

    private void finishRecording(String status, String note) {
        SessionRecorder r = recorder;
        if (r == null) {
            return;
        }
        recorder = null;
        try {
            r.setDropped(dropped);
            r.finish(status, note);
        } catch (IOException | RuntimeException e) {
            problems.accept("Session " + id + " could not be closed cleanly (" + describe(e) + "); it replays up to its "
                    + "last whole frame.");
        } finally {
            closeQuietly(r);
        }
    }

    private static void closeQuietly(SessionRecorder r) {
        try {
            r.close();
        } catch (IOException e) {
            // the data is already with the OS or lost; closing cannot change that
        }
    }

    private static String describe(Throwable e) {
        return DiskProblem.describe(e);
    }
}
