package io.payops.ui.timeline;

import io.payops.ui.fx.Screenshots;

import io.payops.engine.Frame;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.TestFrames;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
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
        assertEquals(AuditKind.ERROR, table(robot).getItems().get(0).kind(), "newest first");
        robot.interact(() -> Screenshots.write(root, "timeline-all"));

        robot.clickOn("#audit-filter").write("adyen");
        assertEquals(1, table(robot).getItems().size());
        assertEquals(AuditKind.CHAOS, table(robot).getItems().get(0).kind());
        assertEquals("applied", table(robot).getItems().get(0).status());
        robot.interact(() -> Screenshots.write(root, "timeline-filtered"));

        robot.interact(() -> robot.lookup("#audit-filter").queryTextInputControl().clear());
        assertEquals(all, table(robot).getItems().size());
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
