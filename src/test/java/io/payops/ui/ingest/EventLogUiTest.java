package io.payops.ui.ingest;

import io.payops.ui.fx.TestWindows;
import io.payops.ui.ConsoleOptions;
import io.payops.ui.ConsoleWindow;
import io.payops.ui.fx.FxWait;
import io.payops.ui.gateways.GatewaysViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static io.payops.ui.fx.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event log in the real window, headless on Monocle: the File menu offers it, and a log opened through the
 * ViewModel's entry point (a file chooser cannot be driven headless) shows the badge, the progress and status, the
 * recommended-routing label, and chaos switched off; "Back to live" brings the simulator back.
 */
@ExtendWith(ApplicationExtension.class)
class EventLogUiTest {
    private static final long WAIT_SECONDS = 60;
    @TempDir
    static Path dir;
    static Path log;
    static long events;
    private ConsoleWindow window;

    @BeforeAll
    static void export() throws Exception {
        log = dir.resolve("so.jsonl");
        events = EventLogFixture.export("stripe-outage", 900, log);
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
        return n.getScene() != null;
    }

    private static List<String> fileMenu(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().get(0).getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList();
    }

    @Test
    void aLogOpensWithTheBadgeProgressAndRecommendedRoutingAndBackToLiveLeavesIt(FxRobot robot) {
        List<String> items = fx(() -> fileMenu(robot));
        assertTrue(items.contains("Open event log…"), items.toString());
        assertTrue(items.contains("Follow log…"), items.toString());

        EventLogViewModel vm = window.eventLog();
        robot.interact(() -> vm.open(log, false));
        FxWait.waitFor("the whole log is read", WAIT_SECONDS,
                () -> vm.statusProperty().get().startsWith("Read ") && window.pump().lastApplied() != null
                        && window.pump().lastApplied().finished());

        Label badge = robot.lookup("#event-log-badge").queryAs(Label.class);
        assertTrue(fx(() -> shown(badge)), "the badge shows");
        assertEquals("EVENT LOG", fx(badge::getText));
        assertEquals("PayOps — EVENT LOG so.jsonl", fx(() -> window.stage().getTitle()));
        assertFalse(fx(() -> shown(robot.lookup("#pause-button").query())), "the live toolbar is gone");
        String status = fx(() -> robot.lookup("#event-log-status").queryAs(Label.class).getText());
        assertTrue(status.startsWith(String.format(java.util.Locale.ROOT, "Read %,d events (0 bad) from so.jsonl", events)),
                status);
        assertTrue(fx(() -> robot.lookup("#run-status").queryAs(Label.class).getText()).startsWith("Read "),
                "the status line says it too");
        ProgressBar progress = robot.lookup("#event-log-progress").queryAs(ProgressBar.class);
        assertEquals(1.0, fx(progress::getProgress));

        Label note = robot.lookup("#routing-note").queryAs(Label.class);
        assertTrue(fx(() -> shown(note)), "the routing label shows above the gateway cards");
        assertEquals(GatewaysViewModel.RECOMMENDED_ROUTING, fx(note::getText));
        // the Chaos tab's pane is built when the tab is first shown, as a user sees it: here after the log took over
        robot.clickOn("#tab-chaos");
        assertTrue(fx(() -> robot.lookup("#chaos-inject").query().isDisabled()), "chaos is off");
        assertEquals(io.payops.ui.chaos.ChaosViewModel.UNAVAILABLE_OPEN_LOOP,
                fx(() -> robot.lookup("#chaos-unavailable").queryAs(Label.class).getText()), "and says why");

        robot.clickOn("#event-log-back-to-live");
        FxWait.waitFor("live traffic again", WAIT_SECONDS, () -> !vm.isActive()
                && window.console().session() != null && !window.console().session().openLoop());
        assertTrue(fx(() -> shown(robot.lookup("#pause-button").query())), "the live toolbar is back");
        assertFalse(fx(note::isVisible), "live routing is applied: no label");
        assertEquals("PayOps Console", fx(() -> window.stage().getTitle()));
    }

    @Test
    void aFileThatCannotBeReadShowsInTheBannerAndLiveTrafficGoesOn(FxRobot robot) {
        EventLogViewModel vm = window.eventLog();
        robot.interact(() -> vm.open(dir.resolve("missing.csv"), false));
        FxWait.waitFor("the banner says why", WAIT_SECONDS, () -> {
            String e = window.console().errorProperty().get();
            return e != null && e.contains("missing.csv");
        });
        assertFalse(fx(vm::isActive));
        assertTrue(fx(() -> shown(robot.lookup("#error-banner").query())));
        assertTrue(fx(() -> shown(robot.lookup("#pause-button").query())), "live traffic goes on");
    }
}
