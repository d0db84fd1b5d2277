package io.payops.ui.replay;

import io.payops.domain.Frame;
import io.payops.engine.LiveRunner;
import io.payops.store.FrameMark;
import io.payops.store.SessionReader;
import io.payops.store.SessionRecorder;
import io.payops.store.SessionSummary;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.FramePump;
import io.payops.ui.fx.QueuedExecutor;
import io.payops.ui.fx.SameThreadExecutor;
import io.payops.ui.fx.SessionInfo;
import io.payops.ui.reasoning.CycleEntry;
import io.payops.ui.reasoning.ReasoningViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay ViewModel without a stage: background work and "FX" updates run synchronously on the test thread,
 * playback is paced by a clock that only pretends to sleep, and the pump is pulsed by hand.
 */
class ReplayViewModelTest {
    @TempDir
    static Path state;
    static Path session;
    static List<Frame> frames;

    private final FramePump pump = new FramePump();
    private final ReasoningViewModel reasoning = new ReasoningViewModel();
    private final FakeClock clock = new FakeClock();
    private final List<FrameBatch> batches = new ArrayList<>();
    private final List<SessionInfo> sessions = new ArrayList<>();
    private int liveStarts;
    private ReplayViewModel vm;

    @BeforeAll
    static void record() {
        session = state.resolve("sessions").resolve(RecordedSession.ID);
        frames = RecordedSession.record(session);
    }

    @BeforeEach
    void setUp() {
        pump.addListener(reasoning);
        pump.addListener(new FrameListener() {
            @Override
            public void onSessionStart(SessionInfo s) {
                sessions.add(s);
                batches.clear();
            }

            @Override
            public void onFrames(FrameBatch batch) {
                batches.add(batch);
            }
        });
        vm = new ReplayViewModel(pump, reasoning, SameThreadExecutor.INSTANCE, clock, () -> liveStarts++);
    }

    /** Sleeps only on paper; {@code onSleep} runs at each sleep, as the FX thread would meanwhile. */
    static final class FakeClock implements LiveRunner.Clock {
        long now;
        int sleeps;
        Runnable onSleep = () -> { };

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += Math.max(0, nanos);
            sleeps++;
            onSleep.run();
        }
    }

    private void openAndShow() {
        vm.open(session);
        pump.pulse();
    }

    @Test
    void opensTheSessionReadOnlyAtItsFirstFrame() {
        openAndShow();
        assertTrue(vm.isActive());
        assertFalse(vm.loadingProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals(frames.size(), vm.frameCountProperty().get());
        assertEquals(0, vm.getPosition());
        assertEquals(frames.get(0), pump.lastApplied());
        assertEquals("PayOps — REPLAY " + RecordedSession.ID, vm.windowTitleProperty().get());
        assertTrue(vm.summaryProperty().get().contains("stripe-outage"), vm.summaryProperty().get());
        assertFalse(sessions.get(sessions.size() - 1).live(), "a replay session cannot send commands");
        assertEquals("stripe-outage", sessions.get(sessions.size() - 1).scenario().name());
        assertNull(vm.errorProperty().get());
        assertNotNull(vm.world());
    }

    @Test
    void seekFeedsTheWholeHistoryUpToTheTargetThenShowsTheTargetFrame() {
        openAndShow();
        vm.seek(400);
        pump.pulse();
        assertEquals(400, vm.getPosition());
        assertEquals(frames.get(400), pump.lastApplied());
        List<Frame> fed = batches.stream().flatMap(b -> b.frames().stream()).toList();
        assertEquals(401, fed.size(), "one frame per recorded second from the start, then the target");
        for (int i = 0; i < 400; i++) {
            Frame recorded = frames.get(i);
            Frame history = fed.get(i);
            assertEquals(recorded.tick(), history.tick());
            assertEquals(recorded.simMillis(), history.simMillis());
            assertEquals(recorded.step().actions(), history.step().actions(), "frame " + i);
            assertEquals(recorded.step().cycle(), history.step().cycle(), "frame " + i);
            assertEquals(recorded.step().incidents(), history.step().incidents(), "frame " + i);
            assertEquals(recorded.commands(), history.commands(), "frame " + i);
            assertEquals(recorded.snapshot().recentTotal().attempts(), history.snapshot().recentTotal().attempts());
            assertEquals(recorded.snapshot().recentTotal().successes(), history.snapshot().recentTotal().successes());
        }
        assertEquals(frames.get(400), fed.get(400));
        long cycles = frames.subList(0, 401).stream().filter(f -> f.step().cycle() != null).count();
        assertEquals(cycles, reasoning.history().size(), "every cycle since the start is in the reasoning history");
        long t = frames.get(400).simMillis() / 1000;
        assertTrue(vm.positionTextProperty().get().startsWith("t = " + t + " s")
                && vm.positionTextProperty().get().endsWith("frame 401 / " + frames.size()), vm.positionTextProperty().get());
        assertFalse(reasoning.isFollowing(), "the reasoning pane is pinned to the moment sought");
        assertEquals(RecordedSession.cycleAtOrBefore(frames, 400), reasoning.getSelectedCycle().atMillis());
    }

    private List<Long> cycleTimes() {
        return reasoning.history().stream().map(CycleEntry::atMillis).toList();
    }

    @Test
    void aSeekForwardFeedsOnlyWhatLiesBetweenAndABackwardOneStartsAgain() {
        openAndShow();
        vm.seek(400);
        List<Long> direct = cycleTimes();
        vm.seek(100);
        int starts = sessions.size();
        List<Long> at100 = cycleTimes();
        assertTrue(at100.size() < direct.size() && at100.get(0) <= frames.get(100).simMillis(),
                "back to 100: the panes start again, without the cycles after it");
        vm.seek(400);
        assertEquals(starts, sessions.size(), "forward: the panes are not reset");
        List<Frame> fed = batches.stream().flatMap(b -> b.frames().stream()).toList();
        assertEquals(frames.get(101).tick(), fed.get(fed.size() - 300).tick(), "only the frames after 100 were fed");
        assertEquals(frames.get(400), fed.get(fed.size() - 1));
        assertEquals(direct, cycleTimes(), "the same history as a seek straight there");
    }

    @Test
    void aSeekResetsThePanesAndFeedsThemInOneUpdateSoNothingIsDrawnHalfFed() {
        QueuedExecutor fx = QueuedExecutor.fxQueued();
        ReplayViewModel queued = new ReplayViewModel(pump, reasoning, fx, clock, () -> { });
        queued.open(session);
        fx.runAllFx();
        queued.seek(500);
        fx.runAllFx();
        int starts = sessions.size();
        queued.seek(200);
        assertEquals(starts, sessions.size(), "the panes are not reset before the frame sought has been read");
        assertEquals(200, queued.getPosition(), "the slider moves at once");
        assertTrue(queued.positionTextProperty().get().startsWith("t = " + frames.get(500).simMillis() / 1000 + " s"),
                "the time shown is the frame's on screen");
        fx.runAllFx();
        assertEquals(starts + 1, sessions.size());
        assertEquals(frames.get(200), pump.lastApplied(), "reset and fed in the same FX update, without a timer");
        assertTrue(queued.positionTextProperty().get().startsWith("t = " + frames.get(200).simMillis() / 1000 + " s"));
    }

    @Test
    void aRecordingWithoutASummaryHasOneBuiltOnOpenAndKeptBesideIt(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("old");
        Files.createDirectories(copy);
        for (String f : List.of(SessionRecorder.META, SessionRecorder.FRAMES, SessionRecorder.INDEX)) {
            Files.copy(session.resolve(f), copy.resolve(f)); // as recorded before summaries were written
        }
        vm.open(copy);
        assertTrue(Files.exists(copy.resolve(SessionSummary.FILE)), "the summary built is kept for the next open");
        assertFalse(vm.loadingProperty().get());
        vm.seek(450);
        List<Frame> built = batches.stream().flatMap(b -> b.frames().stream()).toList();
        vm.open(session);
        vm.seek(450);
        List<Frame> recorded = batches.stream().flatMap(b -> b.frames().stream()).toList();
        assertEquals(recorded, built, "the same history as from the summary the recorder wrote");
    }

    @Test
    void nextIncidentLandsOnTheFrameTheReaderMarksAndShowsThatCycle() {
        int expected;
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            expected = r.next(10, FrameMark.INCIDENT);
        }
        assertTrue(expected > 10, "the recording has an incident: " + expected);
        assertFalse(frames.get(expected).step().incidents().isEmpty());
        openAndShow();
        vm.seek(10);
        pump.pulse();
        vm.next(FrameMark.INCIDENT);
        pump.pulse();
        assertEquals(expected, vm.getPosition());
        assertEquals(frames.get(expected), pump.lastApplied());
        long cycle = RecordedSession.cycleAtOrBefore(frames, expected);
        assertEquals(cycle, reasoning.getSelectedCycle().atMillis());

        vm.previous(FrameMark.INCIDENT);
        assertEquals(expected, vm.getPosition(), "no earlier incident: the position stays");
        assertEquals("No earlier incident in this session", vm.noticeProperty().get());
    }

    @Test
    void playAdvancesAtTheSpeedAndPauseStopsIt() {
        openAndShow();
        vm.seek(100);
        pump.pulse();
        vm.setSpeed(10);
        clock.onSleep = () -> {
            if (clock.sleeps == 25) {
                vm.pause();
            }
        };
        vm.play();
        pump.pulse();
        assertFalse(vm.playingProperty().get());
        // ×10: one recorded second is 100 ms of wall time, five 20 ms slices; the pause came during the 25th slice,
        // before the fifth frame was due, so four were shown
        assertEquals(100 + 4, vm.getPosition());
        assertEquals(frames.get(104), pump.lastApplied());
        assertEquals(500_000_000L, clock.now, "five frames of one simulated second each at ×10");
        assertTrue(reasoning.isFollowing(), "while playing, the reasoning pane follows the newest cycle");

        clock.onSleep = () -> { };
        int before = batches.size();
        vm.pause();
        pump.pulse();
        assertEquals(before, batches.size(), "nothing more is shown after a pause");
    }

    @Test
    void playbackStopsAtTheEndOfTheSession() {
        openAndShow();
        vm.seek(frames.size() - 30);
        pump.pulse();
        batches.clear();
        vm.setSpeed(100);
        vm.play();
        pump.pulse();
        assertFalse(vm.playingProperty().get());
        assertEquals(frames.size() - 1, vm.getPosition());
        assertEquals(frames.get(frames.size() - 1), pump.lastApplied());
        assertEquals("End of the session", vm.noticeProperty().get());
        long shown = batches.stream().mapToLong(b -> b.frames().size()).sum();
        assertEquals(29, shown, "each frame after the target exactly once");
    }

    @Test
    void aBadFolderShowsTheReadersMessageAndLiveGoesOn() {
        Path nope = state.resolve("no-such-session");
        vm.open(nope);
        assertFalse(vm.isActive());
        assertFalse(vm.loadingProperty().get());
        String msg = vm.errorProperty().get();
        assertNotNull(msg);
        assertTrue(msg.contains("session folder '" + nope + "'") && msg.contains("not a folder"), msg);
        assertEquals(ReplayViewModel.LIVE_TITLE, vm.windowTitleProperty().get());
        assertTrue(sessions.isEmpty(), "the views were not reset: live traffic goes on");
    }

    @Test
    void backToLiveLeavesReplayAndRestartsTheLiveConsole() {
        openAndShow();
        vm.backToLive();
        assertFalse(vm.isActive());
        assertEquals(1, liveStarts);
        assertEquals(ReplayViewModel.LIVE_TITLE, vm.windowTitleProperty().get());
    }

    @Test
    void aLiveSessionStartedElsewhereEndsTheReplay() {
        openAndShow();
        pump.startSession(new SessionInfo(vm.session().scenario(), "agent", true));
        assertFalse(vm.isActive());
        assertEquals(0, liveStarts, "the live session was started by someone else");
    }

    @Test
    void loadProgressReachesTheFxThreadCoalesced(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        for (String f : List.of(SessionRecorder.META, SessionRecorder.FRAMES)) {
            Files.copy(session.resolve(f), copy.resolve(f)); // no index: the reader rebuilds it, reporting progress
        }
        QueuedExecutor fx = QueuedExecutor.fxQueued();
        ReplayViewModel queued = new ReplayViewModel(pump, reasoning, fx, clock, () -> { });
        queued.open(copy);
        assertTrue(queued.loadingProperty().get());
        assertEquals(2, fx.fxCount(), "one progress update (the newest value) and the opening, not one per callback");
        fx.runFx();
        assertEquals(1.0, queued.progressProperty().get());
        fx.runFx();
        assertTrue(queued.isActive());
        assertTrue(queued.loadingProperty().get(), "the first frame is shown while the summary is built");
        fx.runAllFx();
        assertFalse(queued.loadingProperty().get());
    }

    @Test
    void recentSessionsListsTheNewestReadableOnesFirst(@TempDir Path dir) throws IOException {
        Path sessions = dir.resolve("sessions");
        RecordedSessionsFixture.copyWithStart(session, sessions.resolve("old"), "2026-11-20T09:00:00Z");
        RecordedSessionsFixture.copyWithStart(session, sessions.resolve("new"), "2026-11-21T09:00:00Z");
        Files.createDirectories(sessions.resolve("broken"));
        Files.writeString(sessions.resolve("broken").resolve(SessionRecorder.META), "{ not json");
        Files.createDirectories(sessions.resolve("empty"));
        List<RecentSession> found = RecentSessions.list(sessions, 10);
        assertEquals(List.of("new", "old"), found.stream().map(s -> s.dir().getFileName().toString()).toList());
        assertTrue(found.get(0).label().startsWith("2026-11-21 09:00 · stripe-outage · "), found.get(0).label());
        assertEquals(1, RecentSessions.list(sessions, 1).size());
        assertEquals(List.of(), RecentSessions.list(dir.resolve("none"), 10));
    }
}
