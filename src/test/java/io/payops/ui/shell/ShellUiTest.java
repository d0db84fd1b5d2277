package io.payops.ui.shell;

import io.payops.ui.fx.TestWindows;
import io.payops.domain.Dimension;
import io.payops.domain.Target;
import io.payops.ui.ConsoleOptions;
import io.payops.ui.ConsoleWindow;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.Screenshots;
import io.payops.ui.testpayment.TestAttemptRow;
import io.payops.ui.timeline.AuditKind;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
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
@Tag(Screenshots.TAKES)
class ShellUiTest {
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
        window = ConsoleWindow.open(stage, new ConsoleOptions("quiet", 7L, 5.0, state));
    }

    @AfterEach
    void tearDown(FxRobot robot) throws InterruptedException {
        TestWindows.close(robot, window);
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
        assertTrue(first.chosenBy().matches("\\d+% \\(.*" + first.gateway() + " .*\\)"),
                "says why routing chose it: " + first);
        assertTrue(first.latency().endsWith(" ms"), first.toString());
        String result = text(robot, "#tp-result");
        assertTrue(result.startsWith("test-1 (merchant ") && (result.contains("succeeded on " + first.gateway())
                || result.contains(" on ")), result);
        waitFor("the attempt chain has its rows on screen", () -> robot.lookup("#tp-attempts .table-row-cell")
                .queryAll().stream().anyMatch(r -> r.lookupAll(".table-cell").stream()
                        .anyMatch(c -> first.gateway().equals(((javafx.scene.control.Labeled) c).getText()))));

        robot.interact(() -> Screenshots.write(robot.lookup("#test-payment-dialog").query(),
                "test-payment"));
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

    /**
     * The tab remembered in console.json opens selected, with its content; a tab's content is built when the tab is
     * first selected (see MainLayout), so the Overview's cards are there once it is chosen and not before.
     */
    @Test
    void theRememberedTabOpensWithItsContentAndAnotherIsBuiltWhenChosen(FxRobot robot, @TempDir Path used)
            throws Exception {
        java.nio.file.Files.writeString(used.resolve("console.json"), "{\"tab\": 4}");
        ConsoleWindow[] opened = new ConsoleWindow[1];
        robot.interact(() -> opened[0] = ConsoleWindow.open(new Stage(), new ConsoleOptions("quiet", 7L, 1.0, used)));
        try {
            MainLayout layout = opened[0].layout();
            assertEquals(4, (int) fx(() -> layout.tabs().getSelectionModel().getSelectedIndex()), "the Tickets tab");
            assertTrue(fx(() -> layout.lookup("#tickets-queue") != null), "with its tables");
            assertTrue(fx(() -> layout.lookup("#gateway-cards-scroll") == null), "the Overview is not built yet");
            robot.interact(() -> layout.tabs().getSelectionModel().select(0));
            assertTrue(fx(() -> layout.lookup("#gateway-cards-scroll") != null), "built when chosen");
            assertTrue(fx(() -> layout.lookup("#tickets-queue") != null), "and the Tickets tab's is kept");
        } finally {
            robot.interact(() -> {
                opened[0].stage().close();
                opened[0].close();
            });
        }
    }

    @Test
    void helpAboutNamesTheVersionJavaJavaFxAndTheStateFolder(FxRobot robot) {
        robot.clickOn("Help");
        robot.clickOn("About PayOps Console");
        waitFor("the About dialog", () -> robot.lookup("#about-dialog").tryQuery().isPresent());
        assertEquals(io.payops.common.Version.TEXT, text(robot, "#about-version"));
        assertTrue(text(robot, "#about-java").startsWith(System.getProperty("java.version")), text(robot, "#about-java"));
        assertFalse(text(robot, "#about-javafx").isBlank());
        assertFalse(text(robot, "#about-javafx").equals("unknown"), "the JavaFX runtime's version");
        assertEquals(state.toAbsolutePath().normalize().toString(), text(robot, "#about-state-folder"));
        robot.interact(() -> Screenshots.write(robot.lookup("#about-dialog").query(), "about"));
    }

    @Test
    void ctrlTabAndCtrlShiftTabSwitchTabs(FxRobot robot) {
        var tabs = window.layout().tabs().getSelectionModel();
        robot.interact(() -> tabs.select(0));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.TAB)
                .release(javafx.scene.input.KeyCode.TAB, javafx.scene.input.KeyCode.CONTROL);
        assertEquals(1, (int) fx(tabs::getSelectedIndex), "Ctrl+Tab: the next tab");
        assertTrue(fx(() -> robot.lookup("#chaos-inject").tryQuery().isPresent()), "shown with its content");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.TAB)
                .release(javafx.scene.input.KeyCode.TAB, javafx.scene.input.KeyCode.SHIFT,
                        javafx.scene.input.KeyCode.CONTROL);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.TAB)
                .release(javafx.scene.input.KeyCode.TAB, javafx.scene.input.KeyCode.SHIFT,
                        javafx.scene.input.KeyCode.CONTROL);
        int last = fx(() -> window.layout().tabs().getTabs().size()) - 1;
        assertEquals(last, (int) fx(tabs::getSelectedIndex), "Ctrl+Shift+Tab twice: back past the first, to the last");
    }

    @Test
    void theStatusLineShowsTheAgentsHeartbeatMoving(FxRobot robot) {
        waitFor("a cycle in the status line", () -> text(robot, "#agent-heartbeat").matches("agent: cycle [\\d,]+ · .* ms"));
        String first = text(robot, "#agent-heartbeat");
        waitFor("the cycle count moves on", () -> !text(robot, "#agent-heartbeat").equals(first));
    }

    @Test
    void theShortcutsListHasItsKeysInOneColumn(FxRobot robot) {
        robot.press(javafx.scene.input.KeyCode.F1).release(javafx.scene.input.KeyCode.F1);
        waitFor("the shortcuts dialog", () -> robot.lookup("#shortcuts-grid").tryQuery().isPresent());
        javafx.scene.layout.GridPane grid = fx(() -> robot.lookup("#shortcuts-grid").queryAs(javafx.scene.layout.GridPane.class));
        java.util.Set<Double> descriptionsStartAt = fx(() -> grid.getChildren().stream()
                .filter(n -> javafx.scene.layout.GridPane.getColumnIndex(n) == 1)
                .map(n -> n.getBoundsInParent().getMinX()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(1, descriptionsStartAt.size(), "every description starts at the same x: " + descriptionsStartAt);
        robot.interact(() -> Screenshots.write(robot.lookup("#shortcuts-dialog").query(), "shortcuts"));
    }

    @Test
    void aChartSavesAsPng(FxRobot robot, @TempDir Path out) throws Exception {
        Path file = out.resolve("success-rate.png");
        javafx.scene.Node chart = fx(() -> robot.lookup("#success-chart").query());
        FxRobot r = robot;
        r.interact(() -> io.payops.ui.dashboard.ChartPng.save(chart, file, window.exportExecutor(),
                window.console()::showNotice));
        waitFor("the notice says it was saved", () -> ("Saved the chart as " + file).equals(window.console()
                .errorProperty().get()));
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(file.toFile());
        assertEquals(Math.round(fx(() -> chart.getBoundsInParent().getWidth())), png.getWidth(), 1.0);
        assertTrue(fx(() -> window.console().noticeProperty().get()), "shown as a notice, not an error");
    }
}
