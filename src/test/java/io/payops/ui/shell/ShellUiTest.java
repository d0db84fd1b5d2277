package io.payops.ui.shell;

import io.payops.domain.Dimension;
import io.payops.domain.Target;
import io.payops.ui.ConsoleOptions;
import io.payops.ui.ConsoleWindow;
import io.payops.ui.fx.FxWait;
import io.payops.ui.testpayment.TestAttemptRow;
import io.payops.ui.timeline.AuditKind;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import static io.payops.ui.fx.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell's menus and keys on the real window, headless: Tools → Send a test payment… (the payment's attempt
 * chain and its audit rows), Help → About, Ctrl+Tab between the tabs.
 */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {
    private static final long WAIT_SECONDS = 60;
    @TempDir
    static Path state;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, new ConsoleOptions("quiet", 7L, 5.0, state));
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> {
            new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                    .filter(w -> w != window.stage()).forEach(javafx.stage.Window::hide);
            window.stage().close();
            window.close();
        });
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        FxWait.waitFor(what, WAIT_SECONDS, condition);
    }

    private static String text(FxRobot robot, String query) {
        return fx(() -> ((Label) robot.lookup(query).query()).getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTestPaymentShowsItsAttemptChainAndLandsInTheAudit(FxRobot robot) {
        waitFor("the first frame", () -> window.pump().lastApplied() != null);
        robot.clickOn("Tools");
        robot.clickOn("Send a test payment…");
        waitFor("the dialog is open", () -> robot.lookup("#test-payment-dialog").tryQuery().isPresent());
        assertFalse(fx(() -> robot.lookup("#tp-send").query().isDisabled()), "a live session takes a test payment");
        robot.clickOn("#tp-send");
        waitFor("the payment's outcome is shown", () -> !text(robot, "#tp-result").isEmpty()
                && window.testPayments().attempts().size() > 0 && text(robot, "#tp-message").startsWith("Done"));
        TableView<TestAttemptRow> chain = fx(() -> (TableView<TestAttemptRow>) robot.lookup("#tp-attempts").query());
        TestAttemptRow first = fx(() -> chain.getItems().get(0));
        assertTrue(first.attempt().startsWith("1"), first.toString());
        assertFalse(first.gateway().isBlank(), first.toString());
        assertTrue(first.chosenBy().startsWith("weight: "), "says why routing chose it: " + first);
        assertTrue(first.latency().endsWith(" ms"), first.toString());
        String result = text(robot, "#tp-result");
        assertTrue(result.startsWith("test-1 (merchant ") && (result.contains("succeeded on " + first.gateway())
                || result.contains(" on ")), result);
        waitFor("the attempt chain has its rows on screen", () -> robot.lookup("#tp-attempts .table-row-cell")
                .queryAll().stream().anyMatch(r -> r.lookupAll(".table-cell").stream()
                        .anyMatch(c -> first.gateway().equals(((javafx.scene.control.Labeled) c).getText()))));

        robot.clickOn("#tp-close");
        robot.clickOn("#tab-audit");
        waitFor("the audit has the test payment sent and done", () -> window.features().audit().rows().stream()
                .filter(r -> r.kind() == AuditKind.TEST_PAYMENT).count() == 2);
        assertTrue(fx(() -> window.features().audit().rows().stream().anyMatch(r -> r.kind() == AuditKind.TEST_PAYMENT
                && r.action().equals("test payment test-1 done") && r.note().equals(window.testPayments()
                .resultProperty().get().substring(result.indexOf(") ") + 2)))), "the done row says how it went");
    }

    @Test
    void eachChaosFaultStartsOnATargetOfItsKind(FxRobot robot) {
        robot.clickOn("#tab-chaos");
        java.util.function.Function<String, Target> target = type -> fx(() -> (Target) robot
                .lookup("#chaos-" + type + "-target").queryAs(javafx.scene.control.ComboBox.class).getValue());
        assertEquals(Target.gateway("stripe"), target.apply("gateway_outage"));
        assertEquals(Target.gateway("stripe"), target.apply("latency_spike"));
        assertEquals(Target.gateway("stripe"), target.apply("retry_storm"));
        assertEquals(Target.of(Dimension.ISSUER, "HDFC"), target.apply("issuer_degradation"));
        assertTrue(target.apply("network_errors").has(Dimension.NETWORK), target.apply("network_errors").toString());
        assertTrue(target.apply("user_declines").has(Dimension.MERCHANT), target.apply("user_declines").toString());
    }

    @Test
    void aFirstRunOpensMaximisedAndALaterOneAsRemembered(FxRobot robot, @TempDir Path fresh, @TempDir Path used)
            throws Exception {
        java.nio.file.Files.writeString(used.resolve("console.json"), "{\"width\": 1100, \"height\": 700}");
        ConsoleWindow[] opened = new ConsoleWindow[2];
        robot.interact(() -> {
            opened[0] = ConsoleWindow.open(new Stage(), new ConsoleOptions("quiet", 7L, 1.0, fresh), true);
            opened[1] = ConsoleWindow.open(new Stage(), new ConsoleOptions("quiet", 7L, 1.0, used), true);
        });
        try {
            assertTrue(fx(() -> opened[0].stage().isMaximized()), "no window remembered: maximised");
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            assertEquals(screen.getWidth(), fx(() -> opened[0].stage().getWidth()), 1, "as wide as its screen");
            assertFalse(fx(() -> opened[1].stage().isMaximized()), "a remembered window opens as it was");
            assertEquals(1100, fx(() -> opened[1].stage().getScene().getWidth()), 1);
        } finally {
            robot.interact(() -> {
                for (ConsoleWindow w : opened) {
                    w.stage().close();
                    w.close();
                }
            });
        }
    }
}
