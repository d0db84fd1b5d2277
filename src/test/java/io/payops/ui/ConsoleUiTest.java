package io.payops.ui;

import io.payops.ui.fx.TestWindows;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActiveFault;
import io.payops.domain.FaultType;
import io.payops.domain.Frame;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.Screenshots;
import io.payops.ui.timeline.AuditKind;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import static io.payops.ui.fx.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole console, headless on Monocle, driven the way a user drives it: the real window, the real engine thread
 * and frame pump, clicks on the real controls. Stripe fails 80% of attempts from t = 300 s; at ×50 that is six wall
 * seconds in, and the agent asks to open Stripe's circuit within a few simulated seconds.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiTest {
    /** Generous: a busy machine (other builds on two cores) can slow the window several-fold; a verdict never waits on it. */
    private static final long WAIT_SECONDS = 120;
    /**
     * Each test's own: the agent reads the lessons and routing a folder holds, so in a shared one a lesson learnt by
     * an earlier test (however far it happened to run) let the agent act alone where a later one waited for a request.
     */
    @TempDir
    Path state;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, new ConsoleOptions("stripe-outage", 7L, 50.0, state));
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        FxWait.waitFor(what, WAIT_SECONDS, condition);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws InterruptedException {
        TestWindows.close(robot, window);
    }

    private Frame newest() {
        return window.pump().lastApplied();
    }

    private static String text(FxRobot robot, String query) {
        Optional<Node> n = robot.lookup(query).tryQuery();
        return n.map(x -> ((Label) x).getText()).orElse("");
    }

    /**
     * Turns "Pause when a request needs a human" on and starts the session again (same scenario and seed) so the
     * setting is in force before the outage: on a busy machine the window can take longer to open than the six wall
     * seconds the first session needs to reach it at ×50.
     */
    private void pauseOnRequestsFromTheStart(FxRobot robot) {
        robot.interact(() -> {
            window.console().setPauseOnRequest(true);
            window.console().applySeed("7");
        });
    }

    /**
     * Waits for an approval request, with the console's "Pause when a request needs a human" on: the session pauses
     * itself on the frame that raises it (on the engine thread), so at ×50 on a busy machine the request can neither
     * expire nor be taken back by the agent while the mouse travels. Pop-ups are closed. Returns the request's id;
     * the session stays paused.
     */
    private long waitForApprovalButtonThenPause(FxRobot robot) {
        pauseOnRequestsFromTheStart(robot);
        waitFor("an approval request is shown, its session paused", () -> robot.lookup(".approve-button").tryQuery()
                .isPresent() && window.console().pausedProperty().get());
        // a request's pop-up (bottom right, with an Approve action of its own) may lie over the card's buttons:
        // closed, as ApprovalsViewUiTest does, so a click lands on the card
        robot.interact(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow).forEach(javafx.stage.Window::hide));
        assertEquals("Play", fx(() -> ((javafx.scene.control.ToggleButton) robot.lookup("#pause-button").query())
                .getText()), "the toolbar shows the pause");
        Node approve = fx(() -> robot.lookup(".approve-button").query());
        return Long.parseLong(approve.getId().substring("approve-".length()));
    }

    /**
     * Switches to the scenario whose agent rolls a change back, and pauses the moment the rollback is in the audit,
     * so it cannot scroll out of the charts before the lookup; then the charts must mark it.
     */
    private void waitForARollbackMarkerThenPause(FxRobot robot) {
        robot.interact(() -> window.console().selectScenario("hdfc-trouble-spreads"));
        waitFor("the agent rolls a change back", () -> {
            boolean there = window.features().audit().rows().stream().anyMatch(r -> r.kind() == AuditKind.ROLLBACK);
            if (there) {
                window.console().setPaused(true);
            }
            return there;
        });
        assertTrue(fx(() -> robot.lookup(".marker-rollback").tryQuery().isPresent()), "the chart marks the rollback");
    }

    @Test
    void approvingOpensStripesCircuitAndMovesItsWeight(FxRobot robot) {
        long id = waitForApprovalButtonThenPause(robot);
        String weightBefore = fx(() -> text(robot, "#gateway-card-stripe .gateway-weight"));
        robot.clickOn("#approve-" + id);
        robot.clickOn("#pause-button"); // Play: the answer applies at the next tick
        waitFor("stripe's card shows its circuit open", () -> text(robot, "#gateway-card-stripe .gateway-circuit")
                .startsWith("open"));
        waitFor("stripe's weight shows 0%", () -> text(robot, "#gateway-card-stripe .gateway-weight").equals("0%"));
        assertFalse(weightBefore.equals("0%"), "the weight moved: it was " + weightBefore);
        assertTrue(robot.lookup("#gateway-card-stripe").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("down")), "stripe is shown down");
    }

    @Test
    void rejectingARequestIsRecordedInTheAudit(FxRobot robot) {
        long id = waitForApprovalButtonThenPause(robot);
        // paused, the request cannot be withdrawn or expire while the mouse travels; the answer applies on Play
        robot.clickOn("#reject-" + id);
        robot.clickOn("#pause-button");
        waitFor("the rejection reaches a frame", () -> newest() != null && newest().step().pendingApprovals().stream()
                .noneMatch(r -> r.actionId() == id));
        robot.clickOn("#tab-audit");
        waitFor("the audit shows the rejection", () -> window.features().audit().rows().stream()
                .anyMatch(r -> r.status().equals(ActionStatus.REJECTED.key())));
        robot.clickOn("#audit-filter").write("rejected");
        waitFor("the filtered table shows it", () -> robot.lookup("#audit-table .table-row-cell").queryAll().stream()
                .anyMatch(n -> n.lookupAll(".table-cell").stream()
                        .anyMatch(c -> "rejected".equals(((javafx.scene.control.Labeled) c).getText()))));
    }

    /**
     * The incident moves on while a request waits: the card's evidence is measured again on every frame, and the
     * agent's own numbers stay under "as raised". Paused the moment the evidence moves, so the card cannot end first.
     */
    @Test
    void theCardsNumbersMoveWithTheIncidentAndTheRaisedOnesStay(FxRobot robot) {
        long id = waitForApprovalButtonThenPause(robot);
        String card = "#approval-" + id;
        String evidence = fx(() -> text(robot, card + " .approval-why"));
        String raised = fx(() -> text(robot, card + " .approval-as-raised"));
        assertTrue(evidence.matches("now \\(last \\d+ s\\): GATEWAY_ERROR is .*"), evidence);
        assertTrue(raised.startsWith("as raised at t="), raised);
        robot.clickOn("#pause-button"); // Play
        waitFor("the card's evidence moves with the incident", () -> {
            String now = text(robot, card + " .approval-why");
            boolean moved = now.startsWith("now (last ") && !now.equals(evidence);
            if (moved) {
                window.console().setPaused(true);
            }
            return moved;
        });
        assertEquals(raised, fx(() -> text(robot, card + " .approval-as-raised")), "as raised, for the record");
    }

    /**
     * Once half of Stripe's traffic has moved, the agent may open the circuit alone and does (t = 424 s): the request
     * it had raised is withdrawn, and the card says so and why; the console's audit table and audit.jsonl give the
     * reason. Paused the moment the request ends, so the card is still there to read.
     */
    @Test
    @Tag(Screenshots.TAKES)
    void aRequestTheAgentTakesItselfShowsAsWithdrawnWithItsReasonInTheAudit(FxRobot robot) throws Exception {
        long id = waitForApprovalButtonThenPause(robot);
        String card = "#approval-" + id;
        io.payops.ui.approvals.ApprovalItemViewModel item = fx(() -> window.features().approvals().item(id));
        robot.interact(() -> item.endedProperty().addListener((o, was, ended) -> window.console().setPaused(true)));
        long linesBefore = withdrawnLines(id);
        robot.clickOn("#pause-button"); // Play: no answer from us
        waitFor("the card says the agent took the action itself", () -> text(robot, card + " .approval-end")
                .startsWith("withdrawn: the agent took this action itself at t="));
        String end = fx(() -> text(robot, card + " .approval-end"));
        assertTrue(end.endsWith("the guardrails now let it act alone (it had asked because high impact: moves 41% "
                + "of all traffic)"), end);
        assertEquals("withdrawn", fx(() -> text(robot, card + " .approval-expiry")));
        assertFalse(fx(() -> robot.lookup("#approve-" + id).queryButton().getParent().isVisible()),
                "nothing left to answer: the buttons are gone");
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-approval-withdrawn"));

        robot.clickOn("#tab-audit");
        waitFor("the audit table gives the reason", () -> window.features().audit().rows().stream()
                .anyMatch(r -> r.note().startsWith("#" + id + " request #" + id + " for approval withdrawn: the "
                        + "guardrails now let it act alone")));
        waitFor("audit.jsonl records how the request ended", () -> withdrawnLines(id) > linesBefore);
    }

    /** Lines of audit.jsonl that record request {@code id} as withdrawn by the agent, with the reason. */
    private long withdrawnLines(long id) throws java.io.IOException {
        Path audit = state.resolve("audit.jsonl");
        if (!java.nio.file.Files.exists(audit)) {
            return 0;
        }
        try (var lines = java.nio.file.Files.lines(audit)) {
            return lines.filter(l -> l.contains("\"kind\":\"approval_request\"") && l.contains("\"actionId\":" + id + ",")
                    && l.contains("\"status\":\"withdrawn\"") && l.contains("the agent took this action itself at t="))
                    .count();
        }
    }

    /**
     * The request's pop-up closes as soon as the request is answered elsewhere, here on its card: it never outlives
     * what it announces.
     */
    @Test
    @Tag(Screenshots.TAKES)
    void theNotificationClosesWhenItsRequestIsAnsweredOnTheCard(FxRobot robot) {
        pauseOnRequestsFromTheStart(robot);
        waitFor("a request and its pop-up", () -> robot.lookup(".approve-button").tryQuery().isPresent()
                && window.console().pausedProperty().get() && notice(robot) != null);
        javafx.stage.Window popup = fx(() -> notice(robot));
        long id = Long.parseLong(fx(() -> robot.lookup("#approvals .approve-button").query().getId())
                .substring("approve-".length()));
        robot.interact(() -> Screenshots.write(popup.getScene().getRoot(), "console-approval-notice"));
        javafx.geometry.Bounds button = fx(() -> robot.lookup("#approve-" + id).query()
                .localToScreen(robot.lookup("#approve-" + id).query().getBoundsInLocal()));
        assertFalse(fx(() -> button.intersects(popup.getX(), popup.getY(), popup.getWidth(), popup.getHeight())),
                "the pop-up never lies over the request's own buttons");
        robot.clickOn("#approve-" + id);
        assertFalse(fx(popup::isShowing), "the pop-up closed with the answer");
        assertEquals("approval sent…", fx(() -> text(robot, "#approval-" + id + " .approval-answer")));
    }

    /** The approval pop-up's window while it shows, else null (FX thread). */
    private static javafx.stage.Window notice(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing()
                && w.getScene().getRoot().lookup("#approval-notice") != null).findFirst().orElse(null);
    }

    @Test
    void aChaosSliderChangesTheFaultInTheNextFrame(FxRobot robot) {
        robot.clickOn("#tab-chaos");
        // the switch is disabled until the live session has begun (on a busy machine, after the window shows)
        waitFor("the live session's first frame and an enabled switch", () -> newest() != null
                && !robot.lookup("#chaos-network_errors-switch").query().isDisabled());
        // the tab's first layout: until a pulse has laid it out, the switch's place on screen is not yet its own
        FxWait.layoutPulses(window.stage().getScene(), 2);
        robot.clickOn(robot.lookup("#chaos-network_errors-switch .thumb").queryAs(Node.class));
        assertTrue(fx(() -> robot.lookup("#chaos-network_errors-switch").queryAs(ToggleSwitch.class).isSelected()),
                "the click turned the switch on");
        waitFor("the fault is in a frame", () -> fault("network_errors").isPresent());
        double before = fault("network_errors").get().spec().severity();
        Node slider = robot.lookup("#chaos-network_errors-slider").query();
        // dragged with the mouse: an approval notification popping up may hold the keyboard at that moment
        // a third of the track: the slider's width depends on the window's
        double third = fx(() -> slider.getLayoutBounds().getWidth()) / 3;
        robot.drag(slider.lookup(".thumb")).moveBy(third, 0).drop();
        waitFor("the new severity is in a frame", () -> fault("network_errors")
                .map(f -> f.spec().severity() > before + 0.1).orElse(false));
    }

    private Optional<ActiveFault> fault(String type) {
        Frame f = newest();
        return f == null ? Optional.empty() : f.faults().stream()
                .filter(a -> a.spec().type() == FaultType.fromKey(type) && a.id().startsWith("ui-")).findFirst();
    }

    /**
     * Watched in engine terms, not wall time: once the engine loop counts itself paused no tick is under way, so the
     * newest frame it made is the last before the pause; then each further count is a step it did not take (forty
     * are forty simulated seconds at ×50), however slowly the machine runs it.
     */
    @Test
    void pauseStopsSimulatedTimeAndPlayResumesIt(FxRobot robot) {
        waitFor("the session runs", () -> newest() != null && newest().simMillis() > 2_000);
        long pollsBefore = fx(() -> window.console().pausedPolls());
        robot.clickOn("#pause-button");
        waitFor("the engine loop sees the pause", () -> window.console().pausedPolls() > pollsBefore);
        Frame last = window.pump().newest();
        waitFor("the views show the last frame made before the pause", () -> newest() == last);
        long paused = last.simMillis();
        long polls = fx(() -> window.console().pausedPolls());
        waitFor("the engine loop idles through forty more polls", () -> window.console().pausedPolls() >= polls + 40);
        assertSame(last, window.pump().newest(), "the engine makes no frame while paused");
        assertEquals(paused, fx(() -> newest().simMillis()), "no simulated time passes while paused");
        assertEquals("Play", fx(() -> ((javafx.scene.control.ToggleButton) robot.lookup("#pause-button").query())
                .getText()));
        robot.clickOn("#pause-button");
        waitFor("time moves again", () -> newest().simMillis() > paused + 5_000);
    }

    /** A rollback shows on the charts as its own marker (the whole window, the agent's own rollback). */
    @Test
    void aRollbackIsMarkedOnTheCharts(FxRobot robot) {
        robot.clickOn("#tab-overview");
        waitForARollbackMarkerThenPause(robot);
    }

    /** Pictures for README and docs (mvn -Pscreenshots); what they show is asserted by the tests above. */
    @Test
    @Tag(Screenshots.TAG)
    void screenshotsOfTheLiveConsoleWithAPendingApproval(FxRobot robot) {
        robot.interact(() -> {
            window.stage().setWidth(1366);
            window.stage().setHeight(768);
        });
        waitForApprovalButtonThenPause(robot);
        robot.clickOn("#tab-overview");
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-incident-1366"));
        robot.interact(() -> {
            window.stage().setWidth(1920);
            window.stage().setHeight(1080);
        });
        FxWait.layoutPulses(window.stage().getScene(), 2); // laid out at the new size
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-incident-1920"));
    }

    @Test
    @Tag(Screenshots.TAG)
    void screenshotsOfQuietLiveTrafficAndOfARollback(FxRobot robot) {
        robot.interact(() -> {
            window.stage().setWidth(1366);
            window.stage().setHeight(768);
            window.console().selectScenario("live-demo");
        });
        robot.clickOn("#tab-overview");
        // paused from the FX thread the moment it gets there, so the picture is of the quiet before the outage
        waitFor("a minute and a half of quiet traffic", () -> {
            boolean there = newest() != null && newest().simMillis() >= 95_000;
            if (there) {
                window.console().setPaused(true);
            }
            return there;
        });
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-live-1366"));
        robot.clickOn("#pause-button");

        waitForARollbackMarkerThenPause(robot);
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-rollback-1366"));
        robot.clickOn("#tab-audit");
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-audit-1366"));
        robot.clickOn("#tab-learning");
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-learning-1366"));
    }
}
