package io.payops.ui.approvals;

import io.payops.ui.fx.RecordingSink;
import io.payops.ui.fx.Screenshots;

import io.payops.domain.Action;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Command;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.Frame;
import io.payops.domain.PolicyStep;
import io.payops.domain.Target;
import io.payops.engine.Engine;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.TestFrames;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The approvals pane in a window of its real size (the right-hand column at 1366×768: about 430 × 240). */
@ExtendWith(ApplicationExtension.class)
class ApprovalsViewUiTest {
    private Engine engine;
    private RecordingSink sink;
    private ApprovalsViewModel vm;
    private ApprovalsView view;
    private Scene scene;
    /** The wall clock ended cards linger by: the test's. */
    private final long[] wallNanos = {0};

    @Start
    void start(Stage stage) {
        engine = TestFrames.engine("stripe-outage", 7);
        sink = new RecordingSink(engine);
        vm = new ApprovalsViewModel(sink, () -> wallNanos[0]);
        view = new ApprovalsView(vm);
        StackPane root = new StackPane(view);
        root.getStylesheets().add(getClass().getResource("/styles/tokens.css").toExternalForm());
        scene = new Scene(root, 430, 240);
        stage.setScene(scene);
        stage.show();
    }

    /** Runs the engine (off the FX thread) until the agent asks, then hands the frames to the pane as one pulse. */
    private long untilPending(FxRobot robot) {
        List<Frame> frames = new ArrayList<>();
        while (frames.isEmpty() || frames.get(frames.size() - 1).step().pendingApprovals().isEmpty()) {
            frames.add(engine.step());
        }
        robot.interact(() -> {
            vm.onSessionStart(TestFrames.session("stripe-outage", 7));
            vm.onFrames(FrameBatch.of(frames));
        });
        return vm.items().get(0).actionId();
    }

    private void pulse(FxRobot robot, int ticks) {
        List<Frame> frames = TestFrames.step(engine, ticks);
        robot.interact(() -> vm.onFrames(FrameBatch.of(frames)));
    }

    private void shoot(FxRobot robot, Node node, String name) {
        robot.interact(() -> Screenshots.write(node, name));
    }

    @Test
    @Tag(Screenshots.TAKES)
    void clickingApproveSendsOneDecideAndTheCardLeavesWithTheRequest(FxRobot robot) {
        shoot(robot, scene.getRoot(), "approvals-empty");
        assertTrue(robot.lookup("#approvals-empty").query().isVisible());

        long id = untilPending(robot);
        pulse(robot, 3);
        assertTrue(robot.lookup("#approval-" + id).tryQuery().isPresent());
        String expiry = robot.lookup("#approval-" + id + " .approval-expiry").queryLabeled().getText();
        assertTrue(expiry.matches("expires in \\d+ s"), expiry);
        assertFalse(robot.lookup("#approvals-empty").query().isVisible());
        closeNotifications(robot);
        shoot(robot, scene.getRoot(), "approvals-pending");

        robot.clickOn("#approve-" + id);
        assertEquals(List.of(new Command.Decide(id, true, "operator")), sink.sent);
        Button approve = robot.lookup("#approve-" + id).queryButton();
        assertTrue(approve.isDisabled(), "no double submit");
        assertTrue(robot.lookup("#reject-" + id).queryButton().isDisabled());
        assertEquals("approval sent…", robot.lookup("#approval-" + id + " .approval-answer").queryLabeled().getText());
        shoot(robot, scene.getRoot(), "approvals-sent");
        robot.clickOn("#approve-" + id);
        assertEquals(1, sink.sent.size());

        pulse(robot, 1);
        assertEquals("approved", robot.lookup("#approval-" + id + " .approval-expiry").queryLabeled().getText());
        assertTrue(robot.lookup("#approval-" + id + " .approval-end").queryLabeled().getText()
                .startsWith("approved by operator at t="), "the card says what came of it");
        shoot(robot, scene.getRoot(), "approvals-ended");
        wallNanos[0] += ApprovalsViewModel.LINGER_NANOS;
        pulse(robot, 1);
        assertTrue(robot.lookup("#approval-" + id).tryQuery().isEmpty(), "the card left a few seconds later");
        assertTrue(robot.lookup("#approvals-empty").query().isVisible());
    }

    @Test
    void shortcutsAnswerTheSelectedRequest(FxRobot robot) {
        long id = untilPending(robot);
        closeNotifications(robot);
        robot.interact(() -> view.installShortcuts(scene));
        robot.clickOn("#approval-" + id + " .approval-why");
        assertEquals(id, vm.selectedProperty().get().actionId());
        assertTrue(robot.lookup("#approval-" + id).query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("selected")));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(List.of(new Command.Decide(id, false, "operator")), sink.sent);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(1, sink.sent.size(), "the answered request takes no second answer");
    }

    @Test
    @Tag(Screenshots.TAKES)
    void aNewRequestPopsUpANotificationWhoseActionApprovesAndCloses(FxRobot robot) {
        long id = untilPending(robot);
        FxWait.waitFor("a notification pop-up is showing", 60, () -> popup(robot) != null);
        Window popup = FxWait.fx(() -> popup(robot));
        shoot(robot, popup.getScene().getRoot(), "approvals-notification");
        robot.clickOn(robot.from(popup.getScene().getRoot()).lookup("#notice-approve").queryButton());
        assertEquals(List.of(new Command.Decide(id, true, "operator")), sink.sent);
        assertFalse(popup.isShowing(), "answered: the pop-up closed");
        assertEquals("approval sent…", robot.lookup("#approval-" + id + " .approval-answer").queryLabeled().getText());
    }

    /** Answered on its card, the request's pop-up closes at once: no pop-up outlives what it announces. */
    @Test
    void theNotificationClosesWhenItsRequestIsAnsweredOnTheCard(FxRobot robot) {
        long id = untilPending(robot);
        FxWait.waitFor("a notification pop-up is showing", 60, () -> popup(robot) != null);
        Window popup = FxWait.fx(() -> popup(robot));
        robot.clickOn("#approve-" + id);
        assertFalse(popup.isShowing(), "the pop-up closed with its request's answer");
        assertTrue(FxWait.fx(() -> popup(robot)) == null);
        assertEquals(List.of(new Command.Decide(id, true, "operator")), sink.sent);
    }

    @Test
    @Tag(Screenshots.TAKES)
    void severalRequestsScroll(FxRobot robot) {
        untilPending(robot);
        Frame f = engine.lastFrame();
        ApprovalRequest r = f.step().pendingApprovals().get(0);
        List<ApprovalRequest> several = List.of(r,
                copy(r, 901, Action.shiftTraffic("stripe", 0.5), 0.62, 0.18, f.simMillis() + 25_000),
                copy(r, 902, Action.openCircuit(Target.of(Dimension.GATEWAY, "razorpay", Dimension.ISSUER, "SBI")),
                        0.41, 0.55, f.simMillis() + 200_000));
        PolicyStep s = f.step();
        PolicyStep step = new PolicyStep(s.actions(), s.detections(), s.explanation(), s.cycle(), several,
                s.incidents(), s.learning());
        Frame more = new Frame(f.tick(), f.simMillis(), false, f.snapshot(), f.routing(), f.faults(), step,
                f.totals(), List.of(), List.of());
        robot.interact(() -> vm.onFrames(FrameBatch.of(more)));
        closeNotifications(robot);
        assertEquals(3, vm.items().size());
        assertEquals("3 waiting", robot.lookup("#approvals-summary").queryLabeled().getText());
        assertTrue(robot.lookup("#approval-901").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("urgent")));
        shoot(robot, scene.getRoot(), "approvals-several");
    }

    /** The request's pop-up window while it shows, else null (FX thread). */
    private Window popup(FxRobot robot) {
        for (Window w : robot.listWindows()) {
            if (w != scene.getWindow() && w.isShowing() && w.getScene() != null
                    && w.getScene().getRoot().lookup("#approval-notice") != null) {
                return w;
            }
        }
        return null;
    }

    private static ApprovalRequest copy(ApprovalRequest r, long id, Action a, double confidence, double risk,
                                        long expiresAt) {
        return new ApprovalRequest(id, a, Diagnosis.ISSUER_DEGRADATION, r.why(), r.approvalReasons(), confidence, risk,
                1.25, r.raisedAtMillis(), expiresAt, r.status(), null, null);
    }

    /** Notifications stay up for seconds; hide them so clicks and snapshots see the pane. */
    private static void closeNotifications(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w instanceof javafx.stage.PopupWindow p) {
                    p.hide();
                }
            }
        });
    }
}
