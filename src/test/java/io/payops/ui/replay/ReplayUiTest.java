package io.payops.ui.replay;

import io.payops.domain.Frame;
import io.payops.store.FrameMark;
import io.payops.store.SessionReader;
import io.payops.ui.ConsoleOptions;
import io.payops.ui.ConsoleWindow;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.Screenshots;
import io.payops.ui.shell.MainLayout;
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
    void tearDown(FxRobot robot) {
        robot.interact(() -> {
            window.stage().close();
            window.close();
        });
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
