package io.payops.ui.ingest;

import io.payops.ui.fx.TestWindows;
import io.payops.ui.ConsoleOptions;
import io.payops.ui.ConsoleWindow;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.Screenshots;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.payops.ui.fx.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mapping step in the real window, headless on Monocle: a log whose gateway column has a name of its own opens
 * the step (the shell's entry point, as a file chooser cannot be driven headless) with the reader's message and Open
 * held; choosing the column clears it, Open runs the log (the event-log bar shows), and the mapping is remembered.
 * Cancel opens nothing.
 */
@ExtendWith(ApplicationExtension.class)
class LogMappingUiTest {
    private static final long WAIT_SECONDS = 60;
    @TempDir
    static Path dir;
    static Path log;
    private ConsoleWindow window;

    @BeforeAll
    static void write() throws Exception {
        log = ForeignCsv.oneUnknownColumn(dir.resolve("routes-2026-03-01.csv"), 3_000);
    }

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, new ConsoleOptions("stripe-outage", 7L, 1.0, dir.resolve("state")));
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws InterruptedException {
        TestWindows.close(robot, window);
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing();
    }

    private static boolean stepOpen(FxRobot robot) {
        return fx(() -> robot.lookup("#log-mapping-dialog").tryQuery().map(LogMappingUiTest::shown).orElse(false));
    }

    private static void choose(FxRobot robot, String combo, String item) {
        robot.clickOn(combo);
        robot.clickOn(robot.lookup((Node n) -> n instanceof ListCell<?> c && item.equals(c.getText())
                && n.getScene() != null && n.getScene().getWindow() instanceof PopupWindow).<Node>query());
        assertEquals(item, fx(() -> robot.lookup(combo).queryAs(ComboBox.class).getValue()));
    }

    @Test
    @Tag(Screenshots.TAKES)
    void aForeignCsvIsMappedInTheStepAndOpenStartsTheRun(FxRobot robot) {
        robot.interact(() -> window.shell().showMappingStep(log, false));
        assertTrue(stepOpen(robot));
        FxWait.waitFor("the head is inspected", WAIT_SECONDS,
                () -> shown(robot.lookup("#mapping-problem").query()));
        String problem = fx(() -> robot.lookup("#mapping-problem").queryAs(Label.class).getText());
        assertTrue(problem.contains("no column holds a dimension"), problem);
        assertTrue(fx(() -> robot.lookup("#mapping-open").query().isDisabled()), "Open waits for a readable mapping");
        assertTrue(fx(() -> robot.lookup("#mapping-preview").queryTextInputControl().getText())
                .startsWith("time,route,status,latency_ms\n"));
        assertEquals("time", fx(() -> robot.lookup("#map-ts").queryAs(ComboBox.class).getValue()));
        robot.interact(() -> Screenshots.write(robot.lookup("#log-mapping-dialog").queryAs(DialogPane.class),
                "log-mapping-missing"));

        choose(robot, "#map-gateway", "route");
        FxWait.waitFor("the problem is gone and Open is enabled", WAIT_SECONDS,
                () -> !shown(robot.lookup("#mapping-problem").query())
                        && !robot.lookup("#mapping-open").query().isDisabled());
        assertTrue(fx(() -> robot.lookup("#mapping-summary").queryAs(Label.class).getText())
                .startsWith("3,000 events read"));
        robot.interact(() -> Screenshots.write(robot.lookup("#log-mapping-dialog").queryAs(DialogPane.class),
                "log-mapping-mapped"));

        robot.clickOn("#mapping-open");
        assertFalse(stepOpen(robot));
        EventLogViewModel vm = window.eventLog();
        FxWait.waitFor("the run starts", WAIT_SECONDS, vm::isActive);
        assertTrue(fx(() -> shown(robot.lookup("#event-log-badge").query())), "the event-log bar shows");
        assertEquals("PayOps — EVENT LOG routes-2026-03-01.csv", fx(() -> window.stage().getTitle()));
        FxWait.waitFor("the whole log is read", WAIT_SECONDS, () -> vm.statusProperty().get().startsWith("Read 3,000 "
                + "events (0 bad)"));
        Path remembered = dir.resolve("state").resolve("mappings").resolve("routes-#-#-#.csv.json");
        FxWait.waitFor("the mapping is remembered", WAIT_SECONDS, () -> Files.exists(remembered));
    }

    @Test
    void cancelOpensNothing(FxRobot robot) {
        robot.interact(() -> window.shell().showMappingStep(dir.resolve("other-1.csv"), true));
        assertTrue(stepOpen(robot));
        FxWait.waitFor("the step says the file is missing", WAIT_SECONDS,
                () -> shown(robot.lookup("#mapping-problem").query()));
        robot.clickOn("#mapping-cancel");
        assertFalse(stepOpen(robot));
        assertFalse(fx(() -> window.eventLog().isActive() || window.eventLog().openingProperty().get()));
        assertTrue(fx(() -> shown(robot.lookup("#pause-button").query())), "live traffic goes on");
    }
}
