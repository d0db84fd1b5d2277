package io.payops.ui.tickets;

import io.payops.ui.fx.TestWindows;
import io.payops.domain.Frame;
import io.payops.ui.ConsoleOptions;
import io.payops.ui.ConsoleWindow;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.Screenshots;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;

import static io.payops.ui.fx.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #8's must-show: an escalation approved from the Tickets tab of the real console (real engine thread, frame
 * pump and clicks). The test-only scenario has the triage ask to escalate cluster C-1 to engineering at t = 239 s:
 * at ×100 a few wall seconds in. Paused, the request cannot expire while the mouse travels; the answer applies on Play.
 */
@ExtendWith(ApplicationExtension.class)
class TicketsViewUiTest {
    private static final long WAIT_SECONDS = 60;
    /**
     * Each test's own: the agent reads the lessons and routing a folder holds, so in a shared one a lesson learnt by
     * an earlier test (however far it happened to run) let the agent act alone where a later one waited for a request.
     */
    @TempDir
    Path state;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, new ConsoleOptions(TicketRuns.platformBugBurst().toString(),
                TicketRuns.BURST_SEED, 100.0, state));
    }

    @AfterEach
    void tearDown(FxRobot robot) throws InterruptedException {
        TestWindows.close(robot, window);
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        FxWait.waitFor(what, WAIT_SECONDS, condition);
    }

    @Test
    @Tag(Screenshots.TAKES)
    void approvingAnEscalationFromTheTicketsTabCarriesItOut(FxRobot robot) {
        long id = TicketRuns.FIRST_ESCALATION;
        // the session pauses itself on the engine thread on the tick that asks (Settings → Pause when a request needs
        // a human): at ×100 the escalation would otherwise live about two wall seconds, which a busy machine's FX
        // thread can miss entirely, and could expire while the mouse travels. The session starts again with the
        // setting on: a slow window can take longer than the 2.4 wall seconds the first one needs to ask.
        robot.interact(() -> {
            window.console().setPauseOnRequest(true);
            window.console().applySeed(Long.toString(TicketRuns.BURST_SEED));
        });
        robot.clickOn("#tab-tickets");
        // both at once: until the new session's first frame, the tab may still show the first session's request
        waitFor("the triage asks for the escalation, its session paused on the tick that asked",
                () -> window.features().tickets().pendingItem(id) != null && window.console().pausedProperty().get());
        waitFor("the escalation's card is in the Tickets tab",
                () -> robot.lookup("#ticket-approve-" + id).tryQuery().isPresent());
        closeNotifications(robot);
        // the same escalation waits in the approvals pane too, labelled as a support-ticket one
        assertEquals(TicketWords.ESCALATION_KIND, fx(() -> robot.lookup("#approval-" + id + " .approval-kind")
                .queryAs(Labeled.class).getText()));
        assertEquals("waiting for approval", fx(() -> window.features().tickets().decision(id).status()));
        robot.interact(() -> Screenshots.write(window.layout(), "tickets-escalation"));

        robot.clickOn("#ticket-approve-" + id);
        Button approve = fx(() -> robot.lookup("#ticket-approve-" + id).queryButton());
        assertTrue(fx(approve::isDisabled), "no double submit");
        // no more pausing on requests: the next escalation would pause the session again, and an answered card
        // stays up (saying how it ended) for as long as the session is paused
        robot.interact(() -> window.console().setPauseOnRequest(false));
        robot.clickOn("#pause-button"); // Play: the answer applies at the next tick

        waitFor("the decision shows it approved", () -> {
            DecisionRow d = window.features().tickets().decision(id);
            return d != null && d.status().equals("approved by operator");
        });
        waitFor("the card left with the request", () -> robot.lookup("#ticket-approval-" + id).tryQuery().isEmpty()
                && robot.lookup("#approval-" + id).tryQuery().isEmpty());
        assertTrue(fx(() -> robot.lookup("#tickets-decisions").queryTableView().getItems().stream()
                .anyMatch(row -> row instanceof DecisionRow d && d.id() == id
                        && d.status().equals("approved by operator"))), "the decisions table holds it");
        // the engine carried it out: the triage published the executed version, approved by the operator
        Frame f = window.pump().lastApplied();
        assertFalse(f.tickets().pendingApprovals().stream().anyMatch(a -> a.id() == id));
        robot.interact(() -> Screenshots.write(window.layout(), "tickets-approved"));
    }

    @Test
    void aWorldWithoutTicketsSaysSo(FxRobot robot) {
        robot.interact(() -> window.console().selectScenario("stripe-outage"));
        robot.clickOn("#tab-tickets");
        waitFor("frames of the new scenario arrive", () -> window.pump().lastApplied() != null
                && window.pump().lastApplied().tickets() == null);
        Node none = fx(() -> robot.lookup("#tickets-none").query());
        assertTrue(fx(none::isVisible));
        assertEquals(TicketsViewModel.NO_TICKETS_TEXT, fx(() -> ((Labeled) none).getText()));
    }

    /**
     * In a 1366-pixel window the tab is too narrow for its tables two by two: they are stacked, the tab scrolls, and
     * every ticket's subject reads whole; in a 1920-pixel window they sit side by side again.
     */
    @Test
    void aNarrowTabStacksItsTablesSoEverySubjectReadsWhole(FxRobot robot) {
        robot.interact(() -> {
            window.stage().setMaximized(false);
            window.stage().setWidth(1366);
            window.stage().setHeight(768);
        });
        FxWait.layoutPulses(window.stage().getScene(), 2);
        robot.interact(() -> window.layout().setDividers(io.payops.ui.shell.ConsolePrefs.DEFAULTS.mainDivider(),
                io.payops.ui.shell.ConsolePrefs.DEFAULTS.sideDivider()));
        robot.clickOn("#tab-tickets");
        waitFor("five tickets in the queue", () -> window.features().tickets().queue().size() >= 5);
        robot.interact(() -> window.console().setPaused(true));
        FxWait.layoutPulses(window.stage().getScene(), 3);
        javafx.scene.control.SplitPane upper = fx(() -> (javafx.scene.control.SplitPane) robot.lookup("#tickets-queue")
                .query().getParent().getParent().getParent());
        assertEquals(javafx.geometry.Orientation.VERTICAL, fx(upper::getOrientation), "stacked at 1366");
        java.util.List<String> cut = new ArrayList<>();
        robot.interact(() -> Screenshots.elided((javafx.scene.Parent) robot.lookup("#tickets-queue").query(), cut));
        assertEquals(java.util.List.of(), cut, "every cell of the queue reads whole");

        robot.interact(() -> {
            window.stage().setWidth(1920);
            window.stage().setHeight(1080);
        });
        FxWait.layoutPulses(window.stage().getScene(), 2);
        robot.interact(() -> window.layout().setDividers(io.payops.ui.shell.ConsolePrefs.DEFAULTS.mainDivider(),
                io.payops.ui.shell.ConsolePrefs.DEFAULTS.sideDivider()));
        FxWait.layoutPulses(window.stage().getScene(), 3);
        assertEquals(javafx.geometry.Orientation.HORIZONTAL, fx(upper::getOrientation), "side by side at 1920");
    }

    /** Notifications stay up for seconds; hide them so clicks see the window. */
    private static void closeNotifications(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w instanceof PopupWindow p) {
                    p.hide();
                }
            }
        });
    }
}
