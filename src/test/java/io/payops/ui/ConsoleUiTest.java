package io.payops.ui;

import io.payops.domain.ActionStatus;
import io.payops.domain.ActiveFault;
import io.payops.domain.FaultType;
import io.payops.engine.Frame;
import io.payops.ui.fx.Screenshots;
import io.payops.ui.timeline.AuditKind;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import io.payops.ui.fx.FxWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import static io.payops.ui.fx.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole console, headless on Monocle, driven the way a user drives it: the real window, the real engine thread
 * and frame pump, clicks on the real controls. Stripe fails 80% of attempts from t = 300 s; at ×50 that is six wall
 * seconds in, and the agent asks to open Stripe's circuit within a few simulated seconds.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiTest {
    private static final long WAIT_SECONDS = 60;
    @TempDir
    static Path state;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, new ConsoleOptions("stripe-outage", 7L, 50.0, state));
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

    private Frame newest() {
        return window.pump().lastApplied();
    }

    private static String text(FxRobot robot, String query) {
        Optional<Node> n = robot.lookup(query).tryQuery();
        return n.map(x -> ((Label) x).getText()).orElse("");
    }

    private long waitForApprovalButton(FxRobot robot) {
        waitFor("an approval request is shown", () -> robot.lookup(".approve-button").tryQuery().isPresent());
        Node approve = fx(() -> robot.lookup(".approve-button").query());
        return Long.parseLong(approve.getId().substring("approve-".length()));
    }

    @Test
    void approvingOpensStripesCircuitAndMovesItsWeight(FxRobot robot) {
        long id = waitForApprovalButton(robot);
        String weightBefore = fx(() -> text(robot, "#gateway-card-stripe .gateway-weight"));
        robot.clickOn("#pause-button");
        robot.clickOn("#approve-" + id);
        robot.clickOn("#pause-button");
        waitFor("stripe's card shows its circuit open", () -> text(robot, "#gateway-card-stripe .gateway-circuit")
                .startsWith("open"));
        waitFor("stripe's weight shows 0%", () -> text(robot, "#gateway-card-stripe .gateway-weight").equals("0%"));
        assertFalse(weightBefore.equals("0%"), "the weight moved: it was " + weightBefore);
        assertTrue(robot.lookup("#gateway-card-stripe").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("down")), "stripe is shown down");
    }

    @Test
    void rejectingARequestIsRecordedInTheAudit(FxRobot robot) {
        long id = waitForApprovalButton(robot);
        // paused, the request cannot be withdrawn or expire while the mouse travels; the answer applies on Play
        robot.clickOn("#pause-button");
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

    @Test
    void aChaosSliderChangesTheFaultInTheNextFrame(FxRobot robot) {
        robot.clickOn("#tab-chaos");
        robot.clickOn(robot.lookup("#chaos-network_errors-switch .thumb").queryAs(Node.class));
        waitFor("the fault is in a frame", () -> fault("network_errors").isPresent());
        double before = fault("network_errors").get().spec().severity();
        Node slider = robot.lookup("#chaos-network_errors-slider").query();
        // dragged with the mouse: an approval notification popping up may hold the keyboard at that moment
        robot.drag(slider.lookup(".thumb")).moveBy(35, 0).drop();
        waitFor("the new severity is in a frame", () -> fault("network_errors")
                .map(f -> f.spec().severity() > before + 0.1).orElse(false));
    }

    private Optional<ActiveFault> fault(String type) {
        Frame f = newest();
        return f == null ? Optional.empty() : f.faults().stream()
                .filter(a -> a.spec().type() == FaultType.fromKey(type) && a.id().startsWith("ui-")).findFirst();
    }

    @Test
    void pauseStopsSimulatedTimeAndPlayResumesIt(FxRobot robot) throws Exception {
        waitFor("the session runs", () -> newest() != null && newest().simMillis() > 2_000);
        robot.clickOn("#pause-button");
        Thread.sleep(300); // a tick already under way may still land
        long paused = newest().simMillis();
        Thread.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, newest().simMillis(), "no simulated time passes while paused");
        assertEquals("Play", ((javafx.scene.control.ToggleButton) robot.lookup("#pause-button").query()).getText());
        robot.clickOn("#pause-button");
        waitFor("time moves again", () -> newest().simMillis() > paused + 5_000);
    }

    @Test
    void screenshotsOfTheLiveConsoleWithAPendingApproval(FxRobot robot) {
        robot.interact(() -> {
            window.stage().setWidth(1366);
            window.stage().setHeight(768);
        });
        waitForApprovalButton(robot);
        robot.clickOn("#pause-button");
        robot.clickOn("#tab-overview");
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-incident-1366"));
        robot.interact(() -> {
            window.stage().setWidth(1920);
            window.stage().setHeight(1080);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-incident-1920"));
    }

    @Test
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

        robot.interact(() -> window.console().selectScenario("hdfc-trouble-spreads"));
        waitFor("the agent rolls a change back", () -> window.features().audit().rows().stream()
                .anyMatch(r -> r.kind() == AuditKind.ROLLBACK));
        robot.clickOn("#pause-button");
        assertTrue(fx(() -> robot.lookup(".marker-rollback").tryQuery().isPresent()), "the chart marks the rollback");
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-rollback-1366"));
        robot.clickOn("#tab-audit");
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-audit-1366"));
        robot.clickOn("#tab-learning");
        robot.interact(() -> Screenshots.write(window.stage().getScene().getRoot(), "console-learning-1366"));
    }
}
