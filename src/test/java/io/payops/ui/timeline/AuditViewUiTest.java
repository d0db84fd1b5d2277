package io.payops.ui.timeline;

import io.payops.ui.fx.Screenshots;

import io.payops.domain.Frame;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.TestFrames;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import io.payops.ui.fx.FxWait;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
@Tag(Screenshots.TAKES)
class AuditViewUiTest {
    /** The timeline tab at 1366×768. */
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 300;

    private static List<Frame> frames;

    private AuditViewModel vm;
    private StackPane root;

    @BeforeAll
    static void run() {
        frames = OutageWithApproval.run().frames();
    }

    @Start
    void start(Stage stage) {
        vm = new AuditViewModel();
        vm.onSessionStart(TestFrames.session("stripe-outage", 7));
        root = new StackPane(new AuditView(vm));
        root.getStylesheets().add(AuditViewUiTest.class.getResource("/styles/tokens.css").toExternalForm());
        stage.setScene(new Scene(root, WIDTH, HEIGHT));
        stage.sizeToScene();    // TestFX reuses one stage between tests
        stage.show();
    }

    private void feed(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < frames.size(); i += 5) {
                vm.onFrames(FrameBatch.of(frames.subList(i, Math.min(frames.size(), i + 5))));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private TableView<AuditRow> table(FxRobot robot) {
        return robot.lookup("#audit-table").queryAs(TableView.class);
    }

    @Test
    void typingInTheFilterShrinksTheTable(FxRobot robot) {
        robot.interact(() -> Screenshots.write(root, "timeline-empty"));
        feed(robot);
        int all = table(robot).getItems().size();
        assertEquals(vm.rows().size(), all);
        assertTrue(all >= 6, "decisions, executions, the alert, the approvals, the chaos and the error: " + all);
        List<AuditRow> shown = List.copyOf(table(robot).getItems());
        assertEquals(Collections.max(vm.rows(), AuditRow.CHRONOLOGICAL), shown.get(0), "newest first");
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(AuditRow.CHRONOLOGICAL.compare(shown.get(i - 1), shown.get(i)) > 0, "newest first at row " + i);
        }
        // the refused command of the last tick the operator acted in is above what that tick's commands did
        assertTrue(indexOf(shown, AuditKind.ERROR) < indexOf(shown, AuditKind.CHAOS));
        robot.interact(() -> Screenshots.write(root, "timeline-all"));

        robot.clickOn("#audit-filter").write("adyen");
        List<AuditRow> adyen = List.copyOf(table(robot).getItems());
        assertTrue(adyen.size() < all, "the table shrank: " + adyen.size() + " of " + all);
        assertEquals(vm.filteredRows(), adyen);
        assertTrue(adyen.stream().allMatch(r -> r.contains("adyen")), adyen.toString());
        AuditRow chaos = adyen.get(indexOf(adyen, AuditKind.CHAOS));
        assertEquals("gateway=adyen", chaos.target());
        assertEquals("applied", chaos.status());
        robot.interact(() -> Screenshots.write(root, "timeline-filtered"));

        robot.interact(() -> robot.lookup("#audit-filter").queryTextInputControl().clear());
        assertEquals(all, table(robot).getItems().size());
    }

    /** Enter or a double-click shows the row whole; Ctrl+C and Copy row put its columns on the clipboard. */
    @Test
    void aRowShowsWholeAndCopies(FxRobot robot) {
        feed(robot);
        robot.clickOn("#audit-filter").write("open stripe waiting");
        TableView<AuditRow> table = table(robot);
        assertEquals(1, table.getItems().size(), table.getItems().toString());
        AuditRow decision = table.getItems().get(0);
        Node row = robot.lookup("#audit-table .table-row-cell").queryAll().stream()
                .filter(n -> ((TableRow<?>) n).getItem() == decision).findFirst().orElseThrow();

        // a cut cell carries its own text as a tooltip, not a generic help
        List<String> noteTips = robot.lookup("#audit-table .table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && decision.note().equals(c.getText()))
                .map(n -> ((TableCell<?, ?>) n).getTooltip().getText()).toList();
        assertEquals(List.of(decision.note()), noteTips);

        robot.doubleClickOn(row);
        Window detail = FxWait.fx(() -> Window.getWindows().stream().filter(w -> w.getScene() != null
                && "row-detail".equals(w.getScene().getRoot().getId())).findFirst().orElse(null));
        assertNotNull(detail, "the row detail opened");
        List<String> shown = FxWait.fx(() -> detail.getScene().getRoot().lookupAll(".row-detail-value").stream()
                .map(n -> ((Labeled) n).getText()).toList());
        assertTrue(shown.contains(decision.note()), "the whole note: " + shown);
        assertTrue(shown.contains(decision.action()));
        assertTrue(shown.contains(decision.wallAt().toString()), "the wall-clock moment in full: " + shown);
        robot.interact(detail::hide);

        robot.clickOn(row);
        robot.clickOn("#audit-copy-row");
        String copied = FxWait.fx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(copied.contains("Action: open_circuit on gateway=stripe") && copied.contains("Note: " + decision.note())
                && copied.contains("Sim (s): " + decision.time()), copied);
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.clickOn(row).press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertEquals(copied, FxWait.fx(() -> Clipboard.getSystemClipboard().getString()), "Ctrl+C copies the same");
    }

    private static int indexOf(List<AuditRow> rows, AuditKind kind) {
        return IntStream.range(0, rows.size()).filter(i -> rows.get(i).kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " row in " + rows));
    }

    @Test
    void theKindChoiceKeepsOneKind(FxRobot robot) {
        feed(robot);
        robot.clickOn("#audit-kind");
        // the choice's popup item, not a table cell with the same word
        Node item = robot.lookup(".context-menu .menu-item").queryAll().stream()
                .filter(n -> n.lookup(".label") instanceof Labeled l && "execution".equals(l.getText()))
                .findFirst().orElseThrow();
        robot.clickOn(item);
        assertEquals("execution", robot.lookup("#audit-kind").queryAs(ChoiceBox.class).getValue());
        assertTrue(table(robot).getItems().stream().allMatch(r -> r.kind() == AuditKind.EXECUTION));
        assertTrue(table(robot).getItems().size() >= 2);
        robot.interact(() -> Screenshots.write(root, "timeline-executions"));
    }
}
