package io.payops.ui.replay;

import io.payops.ui.fx.TestWindows;
import io.payops.domain.Frame;
import io.payops.store.FrameMark;
import io.payops.store.SessionReader;
import io.payops.ui.ConsoleOptions;
import io.payops.ui.ConsoleWindow;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.Screenshots;
import io.payops.ui.shell.MainLayout;
import io.payops.ui.dashboard.ChartsViewModel;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.timeline.AuditRow;
import io.payops.ui.timeline.AuditViewModel;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.payops.ui.fx.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replay in the real window, headless on Monocle: a session recorded first (stripe-outage, seed 7, 600 s, the agent
 * with approvals answered after 60 s), opened through the ViewModel (a directory chooser cannot be driven headless),
 * then scrubbed, played and jumped through with the real controls.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayUiTest {
    private static final long WAIT_SECONDS = 60;
    @TempDir
    static Path state;
    static Path session;
    static List<Frame> frames;
    static int incident;
    static int approval;
    private ConsoleWindow window;

    @BeforeAll
    static void record() {
        session = state.resolve("sessions").resolve(RecordedSession.ID);
        frames = RecordedSession.record(session);
        try (SessionReader r = SessionReader.open(session, p -> { })) {
            incident = r.next(60, FrameMark.INCIDENT);
            approval = r.next(-1, FrameMark.APPROVAL);
        }
    }

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, new ConsoleOptions("stripe-outage", 7L, 1.0, state));
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        FxWait.waitFor(what, WAIT_SECONDS, condition);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws InterruptedException {
        TestWindows.close(robot, window);
    }

    private ReplayViewModel replay() {
        return window.replay();
    }

    /** The replay is at {@code index} and the pump has handed that recorded frame to the views. */
    private boolean showing(int index) {
        return replay().getPosition() == index && frames.get(index).equals(window.pump().lastApplied());
    }

    private void openRecording(FxRobot robot) {
        robot.interact(() -> replay().open(session));
        waitFor("the recording is open at its first frame", () -> replay().isActive() && showing(0));
    }

    /** On screen: the node and every parent visible (isVisible alone is the node's own flag). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static String label(FxRobot robot, String query) {
        return ((Label) robot.lookup(query).query()).getText();
    }

    @Test
    void scrubJumpToTheNextIncidentAndTheReasoningPaneShowsThatCycle(FxRobot robot) {
        assertTrue(incident > 60, "the recording has an incident after the first minute: " + incident);
        openRecording(robot);
        assertTrue(fx(() -> shown(robot.lookup("#replay-badge").query())), "the REPLAY badge shows");
        assertEquals("PayOps — REPLAY " + RecordedSession.ID, fx(() -> window.stage().getTitle()));
        assertFalse(fx(() -> shown(robot.lookup("#pause-button").query())), "the live toolbar is gone");
        assertTrue(fx(() -> window.layout().tabs().getTabs().stream()
                .anyMatch(t -> MainLayout.WHAT_IF_TAB.equals(t.getId()))), "replay has a What-if tab");

        // scrub: drag the slider's thumb a third of the way along
        Node slider = robot.lookup("#replay-slider").query();
        double width = fx(() -> slider.getLayoutBounds().getWidth());
        robot.drag(slider.lookup(".thumb")).moveBy(width / 3, 0).drop();
        waitFor("the scrubbed frame is shown", () -> replay().getPosition() > 60 && showing(replay().getPosition()));
        int scrubbed = fx(() -> replay().getPosition());
        assertTrue(scrubbed < incident, "scrubbed to " + scrubbed + ", before the incident at " + incident);
        String position = fx(() -> label(robot, "#replay-position"));
        assertTrue(position.endsWith("frame " + (scrubbed + 1) + " / " + frames.size()), position);

        robot.clickOn("#replay-next-incident");
        waitFor("the incident's frame is shown", () -> showing(incident));
        long cycleAt = RecordedSession.cycleAtOrBefore(frames, incident);
        String expectedTime = "t=" + cycleAt / 1000 + " s";
        waitFor("the reasoning pane shows the incident's cycle", () -> window.features().reasoning().getSelectedCycle() != null
                && window.features().reasoning().getSelectedCycle().atMillis() == cycleAt);
        assertEquals(expectedTime, fx(() -> label(robot, "#cycle-time")));
        assertTrue(fx(() -> label(robot, "#reasoning-mode")).startsWith("pinned to " + expectedTime),
                fx(() -> label(robot, "#reasoning-mode")));
    }

    /**
     * A click on the slider's track, {@code fraction} of the way along it, as a person aims at it: just above the
     * thin line the track is drawn as, still on the slider.
     */
    private static void clickTrack(FxRobot robot, double fraction) {
        Node slider = robot.lookup("#replay-slider").query();
        Node track = robot.lookup("#replay-slider .track").query();
        Bounds s = fx(() -> slider.localToScreen(slider.getLayoutBounds()));
        Bounds t = fx(() -> track.localToScreen(track.getLayoutBounds()));
        double y = (s.getMinY() + t.getMinY()) / 2;
        assertTrue(y > s.getMinY() && y < t.getMinY(), "beside the track line, on the slider: " + s + " " + t);
        robot.clickOn(new Point2D(t.getMinX() + t.getWidth() * fraction, y));
    }

    @Test
    @Tag(Screenshots.TAKES)
    void aTrackClickLateInTheSessionShowsItsWholeHistoryAndNothingIsDrawnWaiting(FxRobot robot) {
        openRecording(robot);
        waitFor("the session's history is read", () -> !replay().loadingProperty().get());
        // what is drawn: after each pulse's layout, what the success tile says
        List<String> drawn = new CopyOnWriteArrayList<>();
        Runnable watch = () -> drawn.add(window.features().tiles().successRate().getCaption());
        robot.interact(() -> window.stage().getScene().addPostLayoutPulseListener(watch));

        clickTrack(robot, 0.9);
        waitFor("the click jumped late into the session",
                () -> replay().getPosition() > frames.size() * 8 / 10 && showing(replay().getPosition()));
        int at = fx(() -> replay().getPosition());
        Frame shown = frames.get(at);
        assertTrue(Math.abs(at - frames.size() * 0.9) < frames.size() * 0.05, "jumped to " + at + " of " + frames.size());

        // the charts hold points from the session's start, not a minute before the moment
        ChartsViewModel charts = window.features().charts();
        double first = fx(() -> charts.successPoints().get(0).getXValue().doubleValue());
        assertTrue(first <= 5, "the success chart starts at " + first + " s");
        assertEquals(0.0, fx(() -> charts.timeLowerProperty().get()), "the time axis spans the session from its start");
        assertTrue(fx(() -> charts.successPoints().size()) >= at, "a point per second up to the moment");

        // the audit and the reasoning hold everything since the start, as if played from there
        AuditViewModel expected = new AuditViewModel();
        expected.onSessionStart(window.replay().session());
        expected.onFrames(FrameBatch.of(frames.subList(0, at + 1)));
        List<AuditRow> rows = fx(() -> List.copyOf(window.features().audit().rows()));
        assertTrue(rows.size() > 1, "the audit has rows: " + rows.size());
        assertEquals(List.copyOf(expected.rows()), rows);
        assertTrue(rows.get(rows.size() - 1).simMillis() < shown.simMillis() - 120_000,
                "the oldest row is from long before the moment: " + rows.get(rows.size() - 1));
        long cycles = frames.subList(0, at + 1).stream().filter(f -> f.step().cycle() != null).count();
        assertEquals(cycles, (long) fx(() -> window.features().reasoning().history().size()),
                "every cycle since the start is in the reasoning history");
        long firstCycle = frames.stream().filter(f -> f.step().cycle() != null).findFirst().orElseThrow()
                .step().cycle().atMillis();
        assertEquals(firstCycle, (long) fx(() -> {
            var history = window.features().reasoning().history();
            return history.get(history.size() - 1).atMillis();
        }), "the oldest cycle listed is the session's first");

        // the replay bar and the status bar tell the same time
        String clock = fx(() -> label(robot, "#sim-clock"));
        assertTrue(fx(() -> label(robot, "#replay-position")).startsWith(clock + " · frame " + (at + 1)),
                fx(() -> label(robot, "#replay-position")) + " vs " + clock);
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "replay-after-seek"));

        // back to a third of the way: an earlier moment, with only its own history
        clickTrack(robot, 0.3);
        waitFor("the click jumped back", () -> replay().getPosition() < frames.size() / 2
                && showing(replay().getPosition()));
        int back = fx(() -> replay().getPosition());
        assertTrue(fx(() -> charts.successPoints().get(charts.successPoints().size() - 1).getXValue().doubleValue())
                <= frames.get(back).simSeconds(), "no point after the moment sought");
        robot.interact(() -> window.stage().getScene().removePostLayoutPulseListener(watch));
        assertFalse(drawn.isEmpty());
        assertFalse(drawn.contains("waiting for traffic"), "a tile was drawn waiting for traffic: " + drawn);
    }

    @Test
    @Tag(Screenshots.TAKES)
    void playsAndNothingCanBeApprovedThenBackToLive(FxRobot robot) {
        assertTrue(approval > 0, "the recording has an approval request");
        openRecording(robot);
        robot.clickOn("#replay-next-approval");
        waitFor("the approval request's frame is shown", () -> showing(approval));
        waitFor("the request is shown", () -> robot.lookup(".approve-button").tryQuery().isPresent());
        assertTrue(fx(() -> robot.lookup(".approve-button").queryAll().stream().allMatch(Node::isDisabled)),
                "approve buttons are disabled in replay");
        assertTrue(fx(() -> robot.lookup(".reject-button").queryAll().stream().allMatch(Node::isDisabled)),
                "reject buttons are disabled in replay");
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "replay"));

        // ×5: the rest of the recording (the outage starts half way through its 600 s) takes about a minute, so the
        // end cannot come before the click that pauses it, even on a machine slow to make that click
        robot.interact(() -> replay().setSpeed(5));
        robot.clickOn("#replay-play");
        waitFor("playback moves on", () -> replay().getPosition() > approval + 10);
        robot.clickOn("#replay-play");
        assertFalse(fx(() -> replay().playingProperty().get()));
        assertTrue(fx(() -> replay().getPosition()) < frames.size() - 1);

        robot.clickOn("#replay-back-to-live");
        assertEquals("PayOps Console", fx(() -> window.stage().getTitle()));
        assertFalse(fx(() -> shown(robot.lookup("#replay-badge").query())), "the badge is gone");
        assertTrue(fx(() -> window.console().session().live()));
        waitFor("live traffic runs again", () -> window.pump().lastApplied() != null
                && !frames.contains(window.pump().lastApplied()));
    }
}
