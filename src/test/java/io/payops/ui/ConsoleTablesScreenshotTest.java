package io.payops.ui;

import io.payops.ui.fx.TestWindows;
import io.payops.domain.Frame;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.Screenshots;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
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

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Pictures of the console's tables at 1366×768 (audit, tickets, learning with an earlier session's lessons, a row
 * detail, the what-if over a replay), and beside each a list of the texts shown cut with "…" (elided-NAME.txt), so
 * what a user must read can be checked by eye. Only takes pictures: {@code mvn -Pscreenshots}.
 */
@ExtendWith(ApplicationExtension.class)
@Tag(Screenshots.TAG)
class ConsoleTablesScreenshotTest {
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

    @AfterEach
    void tearDown(FxRobot robot) throws InterruptedException {
        TestWindows.close(robot, window);
    }

    private Frame newest() {
        return window.pump().lastApplied();
    }

    private void runUntilThenPause(String what, long simMillis) {
        FxWait.waitFor(what, WAIT_SECONDS, () -> {
            boolean there = newest() != null && newest().simMillis() >= simMillis;
            if (there) {
                window.console().setPaused(true);
            }
            return there;
        });
    }

    @Test
    void tablesAt1366(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.stage().setWidth(1366);
            window.stage().setHeight(768);
        });
        // a first session learns from the outage; the second starts from its lessons (lessons.json)
        runUntilThenPause("the first session's lessons", 460_000);
        robot.interact(() -> {
            window.console().stop();
            window.console().awaitRecordingClosed(5_000);
            window.console().setPaused(false);
            window.console().start();
        });
        runUntilThenPause("the second session past the outage", 420_000);
        shoot(robot, "#tab-learning", "tables-learning-1366");
        shoot(robot, "#tab-audit", "tables-audit-1366");
        robot.clickOn("#audit-filter").write("open stripe");
        shoot(robot, "#tab-audit", "tables-audit-search-1366");
        Node row = robot.lookup("#audit-table .table-row-cell").queryAll().stream()
                .filter(n -> ((TableRow<?>) n).getItem() != null).findFirst().orElseThrow();
        robot.doubleClickOn(row);
        FxWait.waitFor("the row detail", 10, () -> detail() != null);
        robot.interact(() -> Screenshots.write(detail().getScene().getRoot(), "tables-audit-detail"));
        robot.interact(() -> detail().hide());
        robot.interact(() -> robot.lookup("#audit-filter").queryAs(TextField.class).clear());

        // support tickets: the platform-bug burst, whose triage escalates cluster C-1 at 239 s
        robot.interact(() -> {
            window.console().setPaused(false);
            window.console().applySeed("5");
            window.console().selectScenario(resource("/tickets/platform-bug-burst.json"));
        });
        runUntilThenPause("tickets and an escalation", 330_000);
        shoot(robot, "#tab-tickets", "tables-tickets-1366");
        shoot(robot, "#tab-audit", "tables-audit-tickets-1366");

        // the what-if over the first recorded session, in the replay
        Path first;
        try (Stream<Path> s = Files.list(state.resolve("sessions"))) {
            first = s.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
        }
        robot.interact(() -> window.replay().open(first));
        FxWait.waitFor("the replay and its what-if tab", 60, () -> robot.lookup("#whatif-view").tryQuery().isPresent());
        robot.clickOn("#" + io.payops.ui.shell.MainLayout.WHAT_IF_TAB);
        TextField shift = robot.lookup("#whatif-maxTrafficShift").queryAs(TextField.class);
        robot.doubleClickOn(shift).eraseText(shift.getText().length()).write("0.05");
        robot.clickOn("#whatif-run");
        FxWait.waitFor("the what-if result", WAIT_SECONDS, () -> robot.lookup("#whatif-rows .table-row-cell").queryAll()
                .stream().anyMatch(n -> ((TableRow<?>) n).getItem() != null));
        shoot(robot, null, "tables-whatif-1366");
        Node second = robot.lookup("#whatif-rows .table-row-cell").queryAll().stream()
                .filter(n -> ((TableRow<?>) n).getIndex() == 1).findFirst().orElseThrow();
        robot.clickOn(second);
        FxWait.layoutPulses(window.stage().getScene(), 4);
        shoot(robot, null, "tables-whatif-seek-1366");
    }

    private static Window detail() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot().getId() != null && w.getScene().getRoot().getId().equals("row-detail"))
                .findFirst().orElse(null);
    }

    private void shoot(FxRobot robot, String tab, String name) throws IOException {
        if (tab != null) {
            robot.clickOn(tab);
        }
        FxWait.layoutPulses(window.stage().getScene(), 3);
        Parent root = window.stage().getScene().getRoot();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            Screenshots.write(root, name);
            Screenshots.elided(root, cut);
        });
        String dir = System.getProperty("screenshots.dir", "");
        if (!dir.isBlank()) {
            Files.write(Path.of(dir).resolve("elided-" + name + ".txt"), cut);
        }
    }

    private static String resource(String name) {
        try {
            return Path.of(ConsoleTablesScreenshotTest.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
