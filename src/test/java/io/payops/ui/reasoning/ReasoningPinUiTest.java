package io.payops.ui.reasoning;

import io.payops.ui.fx.TestWindows;
import io.payops.ui.ConsoleOptions;
import io.payops.ui.ConsoleWindow;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.Screenshots;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
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
import java.util.ArrayList;
import java.util.List;

import static io.payops.ui.fx.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #18 item 4 on the real console (real engine thread, frame pump, clicks): a pinned cycle stays pinned while
 * the history's bound drops old cycles, past the point where it is dropped itself; with Hide quiet on and nothing but
 * quiet cycles the list says so; the history shows whole rows above the detail at 1366×768. The bound is made small
 * (40 cycles, 80 simulated seconds) so that at ×100 it is reached in about a wall second. The world has no fault, so
 * every cycle is quiet whenever a pause lands: what is checked is the pane, not the agent.
 */
@ExtendWith(ApplicationExtension.class)
class ReasoningPinUiTest {
    private static final long WAIT_SECONDS = 120;
    private static final int CAP = 40;
    /**
     * Each test's own: the agent reads the lessons and routing a folder holds, so in a shared one a lesson learnt by
     * an earlier test (however far it happened to run) let the agent act alone where a later one waited for a request.
     */
    @TempDir
    Path state;
    private ConsoleWindow window;
    private ReasoningViewModel vm;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, new ConsoleOptions("quiet", 7L, 100.0, state));
        vm = window.features().reasoning();
        vm.setMaxHistory(CAP);
        stage.setMaximized(false);
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws InterruptedException {
        TestWindows.close(robot, window);
    }

    /** Waits until the history holds {@code cycles}, then pauses the session (from the FX thread, as Pause does). */
    private void runUntilCyclesThenPause(int cycles) {
        FxWait.waitFor(cycles + " cycles in the history", WAIT_SECONDS, () -> {
            boolean enough = vm.history().size() >= cycles;
            if (enough) {
                window.console().setPaused(true);
            }
            return enough;
        });
        // frames made before the pause took hold may still be on their way: a row clicked while one lands would
        // move under the mouse, so the history must have stopped growing first
        int before;
        do {
            before = fx(() -> vm.history().size());
            FxWait.layoutPulses(window.stage().getScene(), 5);
        } while (fx(() -> vm.history().size()) != before);
    }

    private static String text(FxRobot robot, String query) {
        return ((Label) robot.lookup(query).query()).getText();
    }

    @Test
    @Tag(Screenshots.TAKES)
    void aPinnedCycleStaysPinnedAsTheBoundDropsOldCyclesAndAfterItIsDroppedItself(FxRobot robot) {
        runUntilCyclesThenPause(12);
        ListView<?> list = robot.lookup("#cycle-history").queryListView();
        ListCell<?> third = fx(() -> robot.lookup("#cycle-history .cycle-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getIndex() == 2).findFirst().orElseThrow());
        CycleEntry pinned = (CycleEntry) fx(third::getItem);
        robot.clickOn(third);
        assertSame(pinned, fx(() -> vm.selectedEntryProperty().get()), "the click pinned the cycle clicked");
        assertFalse(fx(vm::isFollowing));

        // checked at every change of the history, after the pane and the list have taken it in: no poll can miss one
        List<String> wrong = new ArrayList<>();
        int[] lowestRow = {0};
        ListChangeListener<CycleEntry> check = change -> {
            int index = vm.history().indexOf(pinned);
            lowestRow[0] = Math.max(lowestRow[0], index);
            if (vm.isFollowing() || vm.selectedEntryProperty().get() != pinned) {
                wrong.add("the pane moved to " + vm.selectedEntryProperty().get() + " at row " + index);
            } else if (!pinned.time().equals(text(robot, "#cycle-time"))) {
                wrong.add("the detail shows " + text(robot, "#cycle-time"));
            } else if (index >= 0 && list.getSelectionModel().getSelectedItem() != pinned) {
                wrong.add("row " + list.getSelectionModel().getSelectedIndex() + " selected, the pinned one at " + index);
            } else if (index < 0 && list.getSelectionModel().getSelectedItem() != null) {
                wrong.add("dropped, yet " + list.getSelectionModel().getSelectedItem() + " is selected");
            }
        };
        robot.interact(() -> vm.history().addListener(check));
        robot.interact(() -> window.console().setPaused(false));
        FxWait.waitFor("the pinned cycle has been dropped by the bound, and cycles 20 s newer too", WAIT_SECONDS,
                () -> !wrong.isEmpty() || !vm.history().contains(pinned)
                        && vm.history().get(vm.history().size() - 1).atMillis() > pinned.atMillis() + 20_000);
        robot.interact(() -> vm.history().removeListener(check));
        assertEquals(List.of(), wrong);
        assertTrue(lowestRow[0] > CAP / 2, "it was seen far down the list before it was dropped: " + lowestRow[0]);
        robot.interact(() -> window.console().setPaused(true));
        FxWait.layoutPulses(list.getScene(), 2);
        robot.interact(() -> {
            assertPinned(robot, pinned);
            assertNull(list.getSelectionModel().getSelectedItem(), "no other row took its place");
            assertEquals(CAP, vm.history().size());
            assertTrue(text(robot, "#reasoning-mode").contains("older than the " + CAP + " cycles kept"),
                    text(robot, "#reasoning-mode"));
            Screenshots.write(robot.lookup("#reasoning-pane").query(), "reasoning-pinned-past-cap");
        });

        robot.clickOn("#follow-latest");
        assertTrue(fx(vm::isFollowing));
        assertEquals(fx(() -> vm.history().get(0).time()), fx(() -> text(robot, "#cycle-time")));
    }

    /** The pane shows the pinned cycle and says it is pinned to it, whatever arrived since. */
    private void assertPinned(FxRobot robot, CycleEntry pinned) {
        assertFalse(vm.isFollowing(), "still pinned");
        assertSame(pinned, vm.selectedEntryProperty().get(), "the same cycle, not the one now at its row");
        assertEquals(pinned.time(), text(robot, "#cycle-time"));
        assertTrue(text(robot, "#reasoning-mode").startsWith("pinned to " + pinned.time() + " · "),
                text(robot, "#reasoning-mode"));
    }

    @Test
    @Tag(Screenshots.TAKES)
    void hideQuietWithOnlyQuietCyclesSaysSoInTheList(FxRobot robot) {
        // a world with no fault: every cycle is quiet (learning, then normal variance), however late the pause lands
        runUntilCyclesThenPause(5);
        assertEquals(List.of(), fx(() -> vm.history().stream().filter(e -> !e.quiet()).map(CycleEntry::toString)
                .toList()), "only quiet cycles");
        robot.clickOn("#hide-quiet");
        assertTrue(fx(() -> vm.hideQuietProperty().get()), "the click ticked Hide quiet");
        FxWait.layoutPulses(window.stage().getScene(), 2);
        robot.interact(() -> {
            assertEquals(List.of(), robot.lookup("#cycle-history").queryListView().getItems());
            Node empty = robot.lookup("#cycle-history-empty").query();
            assertTrue(empty.isVisible() && empty.getScene() != null, "the placeholder is shown");
            String message = ((Label) empty).getText();
            assertTrue(message.startsWith("No cycles with anomalies or actions yet — untick Hide quiet to see all "),
                    message);
            assertTrue(message.endsWith(vm.history().size() + " cycles."), message);
            Screenshots.write(robot.lookup("#reasoning-pane").query(), "reasoning-hide-quiet-empty");
        });

        robot.clickOn("#hide-quiet");
        assertFalse(fx(() -> robot.lookup("#cycle-history").queryListView().getItems().isEmpty()));
    }

    @Test
    @Tag(Screenshots.TAKES)
    void atThe1366WindowTheHistoryShowsWholeRowsAboveTheDetail(FxRobot robot) {
        runUntilCyclesThenPause(10);
        FxWait.layoutPulses(window.stage().getScene(), 3);
        robot.interact(() -> {
            ListView<?> list = robot.lookup("#cycle-history").queryListView();
            double row = list.getFixedCellSize();
            assertTrue(row > 0, "rows of one height");
            double rows = list.getHeight() / row;
            assertTrue(rows >= ReasoningView.MIN_ROWS - 0.05, "at least three rows: " + rows);
            assertTrue(Math.abs(rows - Math.round(rows)) * row < 2, "whole rows, no half row: " + rows);
            // every row's content fits in its row, and the list ends above the detail
            for (Node cell : robot.lookup("#cycle-history .cycle-cell").queryAll()) {
                ListCell<?> c = (ListCell<?>) cell;
                if (!c.isEmpty() && c.getGraphic() != null) {
                    assertTrue(c.getGraphic().prefHeight(c.getWidth()) + c.snappedTopInset() + c.snappedBottomInset()
                            <= row + 0.5, "a row's two lines fit in " + row + " px");
                }
            }
            ScrollPane detail = robot.lookup("#cycle-detail-scroll").query();
            double listBottom = list.localToScene(list.getLayoutBounds()).getMaxY();
            double detailTop = detail.localToScene(detail.getLayoutBounds()).getMinY();
            assertTrue(listBottom <= detailTop, listBottom + " > " + detailTop);
            assertTrue(detail.getHeight() >= 120, "the detail keeps room: " + detail.getHeight());
            Screenshots.write(robot.lookup("#reasoning-pane").query(), "reasoning-1366");
        });
    }
}
