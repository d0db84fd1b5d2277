package io.payops.engine;

import io.payops.common.Json;
import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.ingest.EventLogFormat;
import io.payops.ingest.EventLogWriter;
import io.payops.ingest.LogMapping;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.store.SessionMeta;
import io.payops.store.SessionRetention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session's whole life, as the console and the command line both use it, without a UI or a second thread. */
class LiveSessionTest {
    private static final RunSettings AGENT = RunSettings.of("agent");

    @TempDir
    Path dir;

    private LiveSession.Recording recording(List<String> notices, boolean live) {
        return new LiveSession.Recording(dir.resolve("state"), SessionRetention.DEFAULT, live, notices::add);
    }

    private static SessionMeta meta(Path session) throws Exception {
        return Json.mapper().readValue(session.resolve("meta.json").toFile(), SessionMeta.class);
    }

    @Test
    void aSimulatedSessionRunsToItsEndAndItsRecordingIsCompleteWithEveryFrame() throws Exception {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withDuration(60);
        List<Frame> frames = new ArrayList<>();
        AtomicReference<LiveSession.Ending> ending = new AtomicReference<>();
        List<String> notices = new ArrayList<>();
        LiveSession session = LiveSession.simulated(s, AGENT).flatOut().frames(frames::add).onEnd(ending::set)
                .recordedIn(recording(notices, false)).build();
        assertNull(session.sessionDir(), "nothing is on disk before the first tick");
        session.runHere();
        assertEquals(60, frames.size());
        assertTrue(ending.get().finished());
        assertEquals(frames.get(59), ending.get().lastFrame());
        assertTrue(session.stopped());
        Path recorded = session.sessionDir();
        assertNotNull(recorded);
        SessionMeta meta = meta(recorded);
        assertEquals(SessionMeta.COMPLETE, meta.status(), "runHere returns once the recording is closed");
        assertEquals(60, meta.frames(), "flat out, the engine waits for the disk: no frame dropped");
        assertFalse(meta.live(), "a command-line run says so in meta.json");
        assertEquals(List.of(), notices);
    }

    @Test
    void commandsSpeedAndPauseReachTheEngineAndACommandAfterTheEndIsRefused() {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withDuration(3);
        LiveSession session = LiveSession.simulated(s, AGENT).paced(5).paused(true).recommendOnly(true).build();
        assertTrue(session.paused());
        assertEquals(5, session.speed());
        session.setSpeed(20);
        assertThrows(IllegalArgumentException.class, () -> session.setSpeed(500));
        assertEquals(20, session.speed(), "a refused speed keeps the old one");
        session.setPaused(false);
        Frame first = session.engine().step();
        assertEquals(List.of(new Command.SetRecommendOnly(true), new Command.Pause(true), new Command.SetSpeed(20),
                new Command.Pause(false)), first.commands());
        session.stop();
        assertFalse(session.submit(new Command.SetRecommendOnly(false)), "a stopped session takes no command");
    }

    @Test
    void stopWhenEndsTheLoopAndTheRecordingIsStillClosed() throws Exception {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withDuration(600);
        AtomicInteger ticks = new AtomicInteger();
        LiveSession session = LiveSession.simulated(s, AGENT).flatOut().frames(f -> ticks.incrementAndGet())
                .stopWhen(() -> ticks.get() >= 10).recordedIn(recording(new ArrayList<>(), true)).build();
        session.runHere();
        assertEquals(10, ticks.get());
        SessionMeta meta = meta(session.sessionDir());
        assertEquals(SessionMeta.COMPLETE, meta.status());
        assertTrue(meta.live());
    }

    /**
     * And whoever receives that frame sees the session paused already: the console's toolbar reads the pause when the
     * frame reaches it, and no frame follows a pause, so a pause set just after the frame went out could be missed for
     * good (the toolbar said "running" over a stopped session; CI saw it twice).
     */
    @Test
    void withPauseOnRequestTheSessionPausesItselfOnTheFrameThatRaisesARequest() {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withDuration(900);
        RunSettings manual = new RunSettings("agent", io.payops.domain.ApprovalMode.MANUAL, "heuristic");
        List<Frame> frames = new ArrayList<>();
        List<Boolean> pausedWhenReceived = new ArrayList<>();
        AtomicReference<LiveSession> self = new AtomicReference<>();
        LiveSession session = LiveSession.simulated(s, manual).flatOut().frames(f -> {
                    frames.add(f);
                    pausedWhenReceived.add(self.get().paused());
                })
                .pauseOnRequest(() -> true).stopWhen(() -> self.get().paused()).build();
        self.set(session);
        session.runHere();
        Frame last = frames.get(frames.size() - 1);
        assertTrue(session.paused(), "paused by itself");
        assertFalse(last.step().pendingApprovals().isEmpty(), "on the frame that raised the request");
        assertTrue(frames.subList(0, frames.size() - 1).stream().allMatch(f -> f.step().pendingApprovals().isEmpty()),
                "and not before");
        assertTrue(pausedWhenReceived.get(pausedWhenReceived.size() - 1), "paused when that frame arrived");
        assertFalse(pausedWhenReceived.subList(0, pausedWhenReceived.size() - 1).contains(true), "and not before");

        List<Frame> without = new ArrayList<>();
        LiveSession.simulated(s, manual).flatOut().frames(without::add).pauseOnRequest(() -> false).build().runHere();
        assertEquals(900, without.size(), "with the option off the session plays through its requests");
        assertTrue(without.stream().anyMatch(f -> !f.step().pendingApprovals().isEmpty()));
    }

    @Test
    void anEngineFailureEndsTheLoopAndRunHereRethrowsIt() {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withDuration(30);
        List<Throwable> told = new ArrayList<>();
        LiveSession session = LiveSession.simulated(s, AGENT).flatOut().failures(told::add).frames(f -> {
            if (f.tick() == 5) {
                throw new IllegalStateException("disk on fire");
            }
        }).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, session::runHere);
        assertEquals("disk on fire", e.getMessage());
        assertEquals(List.of(e), told, "the failure is told once, then rethrown to the command line");
    }

    @Test
    void anEventLogSessionReadsTheWholeFileAndRecordsItWhole() throws Exception {
        Path log = dir.resolve("events.jsonl");
        try (EventLogWriter writer = new EventLogWriter(log, EventLogFormat.JSONL, EventLogWriter.DEFAULT_START)) {
            ScenarioRunner.run(ScenarioLoader.builtIn("stripe-outage").withDuration(200), RunSettings.of("static"),
                    writer, f -> { });
            writer.commit();
        }
        EventLogSession opened = EventLogSession.open(log, null, LogMapping.NONE, null, false, () -> false);
        AtomicReference<LiveSession.Ending> ending = new AtomicReference<>();
        LiveSession session = LiveSession.eventLog(opened, AGENT).onEnd(ending::set)
                .recordedIn(recording(new ArrayList<>(), true)).build();
        session.runHere();
        assertTrue(ending.get().finished());
        var stats = opened.source().stats();
        assertTrue(stats.events() > 1000 && stats.events() == stats.lines() && stats.bytesRead() == stats.size(),
                "every line was read: " + stats);
        SessionMeta meta = meta(session.sessionDir());
        assertEquals(SessionMeta.COMPLETE, meta.status());
        assertEquals(0, meta.droppedFrames(), "a log read flat out is recorded whole");
    }

    @Test
    void theNextSessionWaitsForTheLastOnesRecordingBeforeItsFirstTick() throws Exception {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withDuration(20);
        LiveSession first = LiveSession.simulated(s, AGENT).flatOut().recordedIn(recording(new ArrayList<>(), true))
                .build();
        first.loop().run();
        LiveSession second = LiveSession.simulated(s, AGENT).flatOut().recordedIn(recording(new ArrayList<>(), true))
                .after(first).build();
        second.runHere();
        assertEquals(SessionMeta.COMPLETE, meta(first.sessionDir()).status(),
                "the first recording was closed before the second began");
        assertFalse(first.sessionDir().equals(second.sessionDir()));
        assertTrue(Files.isDirectory(second.sessionDir()));
    }
    @Test
    void aRunWaitingForTheFolderIsToldWhoHasItAndCanBeStopped() throws Exception {
        Path state = dir.resolve("state");
        try (io.payops.store.StateFolderLock held = io.payops.store.StateFolderLock.tryAcquire(state, "the console")) {
            java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
            List<String> notices = java.util.Collections.synchronizedList(new ArrayList<>());
            LiveSession run = LiveSession.simulated(ScenarioLoader.builtIn("quiet").withDuration(5), AGENT)
                    .flatOut().recordedIn(new LiveSession.Recording(state, SessionRetention.DEFAULT, false, n -> {
                        notices.add(n);
                        waiting.countDown();
                    })).build();
            Thread t = new Thread(run::runHere);
            t.start();
            waiting.await();
            // held in this process, so the holder is "another session of this process"; a console in another
            // process, and a console's session that goes unrecorded, are StateFolderConcurrencyIT's
            assertTrue(notices.get(0).contains("is in use by pid " + ProcessHandle.current().pid())
                    && notices.get(0).contains("waiting for it to be free"), notices.toString());
            run.stop();
            t.join();
            assertEquals(null, run.sessionDir(), "a stopped wait records nothing");
        }
    }
}
