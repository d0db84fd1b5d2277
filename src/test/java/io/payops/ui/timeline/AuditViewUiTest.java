package io.payops.ui.timeline;

import io.payops.ui.fx.Screenshots;

import io.payops.domain.Frame;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.TestFrames;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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
