package io.payops.engine;

import io.payops.domain.Frame;
import io.payops.domain.Lesson;
import io.payops.sim.Scenario;
import io.payops.store.DiskProblem;
import io.payops.store.SessionRetention;
import io.payops.store.StateFolderLock;
import io.payops.store.StateStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The state folder of a live (console) session. Everything that touches the disk happens off the UI thread:
 * {@link #prepare} runs on the engine thread before the first tick (loads the lessons into the policy, checks
 * routing.json, opens the recording), and the frames go to a {@link StateWriter} thread. {@code notices} hears every
 * warning and disk problem, from those threads.
 */
final class LivePersistence implements Consumer<Frame> {
    private final Path stateDir;
    private final Scenario scenario;
    private final String policy;
    private final String approval;
    private final String reasoner;
    private final SessionRetention retention;
    private final Consumer<String> notices;
    private final StateWriter.Settings writing;
    private final boolean live;
    private volatile StateWriter writer;
    private volatile boolean closed;
    /** Set when the session runs unrecorded: follows what it learns, so it can be kept at the end (engine thread). */
    private NewLessons unrecorded;
    private final List<Lesson> learntUnrecorded = new java.util.ArrayList<>();

    /**
     * @param live    written in meta.json: a console session (true) or a command-line run (false)
     * @param writing {@link StateWriter.Settings#LIVE} drops frames the disk cannot keep up with (the wall clock
     *                paces the run); {@link StateWriter.Settings#HEADLESS} makes the engine wait, for a run that goes
     *                as fast as it can and must still be recorded whole (an event log read flat out)
     */
    LivePersistence(Path stateDir, Scenario scenario, String policy, String approval, String reasoner,
                           SessionRetention retention, Consumer<String> notices, boolean live,
                           StateWriter.Settings writing) {
        this.writing = writing;
        this.live = live;
        this.reasoner = reasoner;
        this.stateDir = stateDir;
        this.scenario = scenario;
        this.policy = policy;
        this.approval = approval;
        this.retention = retention;
        this.notices = notices;
    }

    /**
     * Engine thread, before the first tick: takes the state folder (a command-line run waits for it, the console
     * runs unrecorded when another session has it), puts right what an earlier process left damaged or unfinished,
     * loads the lessons into the policy and opens the recording.
     */
    public void prepare(Engine engine) {
        StateFolderLock lock = takeFolder();
        if (lock == null) {
            // lessons are still read, so the agent is as experienced as in any session on this folder
            List<Lesson> lessons = StateStore.readOnly(stateDir, notices).loadLessons();
            engine.policy().restoreLessons(lessons);
            unrecorded = new NewLessons(lessons);
            return;
        }
        StateStore store = new StateStore(stateDir, notices);
        List<Lesson> lessons;
        try {
            store.checkOnStart();
            lessons = store.loadLessons();
            engine.policy().restoreLessons(lessons);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
        writer = StateWriter.start(store, lock, scenario, policy, approval, reasoner, live, lessons,
                writing.withRetention(retention), Clock.systemUTC(), this::unlessStopping);
        if (closed) {
            writer.closeAsync();
        }
    }

    /** The folder's lock, or null (told to {@code notices}) when this session is not to write it. */
    private StateFolderLock takeFolder() {
        try {
            if (!live) {
                return StateFolderLock.acquire(stateDir, "a command-line run", h -> notices.accept("The state folder "
                        + stateDir + " is in use by " + h.describe() + "; waiting for it to be free (Ctrl+C stops; "
                        + "--state DIR uses another folder)."), () -> closed);
            }
            StateFolderLock lock = StateFolderLock.acquireUnlessOthersHaveIt(stateDir, "the console", () -> closed);
            if (lock == null && !closed) {
                notices.accept("The state folder " + stateDir + " is in use by "
                        + StateFolderLock.holder(stateDir).describe() + ". This session runs unrecorded: it starts "
                        + "from the lessons there, writes nothing while the folder is in use, and adds what it learns "
                        + "to lessons.json at its end if the folder is free then. To record it, choose another state "
                        + "folder with "
                        + "the State button in the toolbar.");
            }
            return lock;
        } catch (IOException e) {
            unlessStopping("Cannot take the state folder " + stateDir + " (" + DiskProblem.describe(e) + "); this session "
                    + "runs unrecorded.");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * A problem, unless it comes from the console's stop interrupting this session's engine thread while it opened
     * its files (a file channel closes on interrupt): a session already stopped does not need a banner saying it
     * could not be recorded. Problems on the writer's own thread always pass.
     */
    private void unlessStopping(String problem) {
        if (!(closed && Thread.currentThread().isInterrupted())) {
            notices.accept(problem);
        }
    }

    /** Engine thread. */
    @Override
    public void accept(Frame f) {
        StateWriter w = writer;
        if (unrecorded != null) {
            learntUnrecorded.addAll(unrecorded.in(f.step().learning().recent()));
        }
        if (w != null) {
            w.accept(f);
        }
    }

    /**
     * Engine thread, after the last tick: an unrecorded session's lessons are added to lessons.json if the folder is
     * free by then (what the agent learnt is worth more than the frames), else a notice says they were not kept.
     */
    public void keepUnrecordedLessons() {
        if (unrecorded == null || learntUnrecorded.isEmpty()) {
            return;
        }
        int n = learntUnrecorded.size();
        String what = n + " lesson" + (n == 1 ? "" : "s") + " this unrecorded session learnt";
        try (StateFolderLock lock = StateFolderLock.tryAcquire(stateDir, live ? "the console" : "a command-line run")) {
            if (lock == null) {
                notices.accept("The " + what + " were not kept: the state folder " + stateDir + " is still in use by "
                        + StateFolderLock.holder(stateDir).describe() + ".");
                return;
            }
            int added = new StateStore(stateDir, notices).addLessons(learntUnrecorded, StateRecorder.LESSONS);
            notices.accept("The " + what + " were added to " + stateDir.resolve(StateStore.LESSONS) + " (" + added
                    + " new).");
        } catch (java.io.IOException | RuntimeException e) {
            notices.accept("The " + what + " were not kept: cannot write " + stateDir + " (" + DiskProblem.describe(e)
                    + ").");
        } finally {
            learntUnrecorded.clear();
        }
    }

    /** Any thread: frames the recording dropped because the disk fell behind (0 before {@link #prepare}). */
    public long droppedFrames() {
        StateWriter w = writer;
        return w == null ? 0 : w.dropped();
    }

    /** The recorded session's folder, or null before {@link #prepare} or when it is not recorded. */
    public Path sessionDir() {
        StateWriter w = writer;
        return w == null ? null : w.sessionDir();
    }

    /** Any thread: ends the recording once the queued frames are written; returns at once. */
    public void closeAsync() {
        closed = true;
        StateWriter w = writer;
        if (w != null) {
            w.closeAsync();
        }
    }

    /** Waits up to {@code millis} for the writer to finish (at exit, so the session ends "complete"). */
    public boolean awaitClosed(long millis) {
        StateWriter w = writer;
        return w == null || w.awaitClosed(millis);
    }
}
