package io.payops.ui.learning;

import io.payops.domain.Frame;
import io.payops.domain.LearningState;
import io.payops.domain.Outcome;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.Screenshots;
import io.payops.ui.fx.TestFrames;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learning tab at the size it gets in a 1366×768 window (about 1000×300). */
@ExtendWith(ApplicationExtension.class)
@Tag(Screenshots.TAKES)
class LearningViewUiTest {
    private Stage stage;
    private LearningViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new LearningViewModel();
        vm.onSessionStart(TestFrames.session(ApprovingRun.HELPED_THEN_HURT, 7));
        StackPane root = new StackPane(new LearningView(vm));
        root.getStylesheets().add(LearningViewUiTest.class.getResource("/styles/tokens.css").toExternalForm());
        stage.setScene(new Scene(root, 1000, 300));
        stage.show();
    }

    @Test
    void showsLessonsAndSortsThem(FxRobot robot) {
        snapshot(robot, "learning-empty");
        assertTrue(robot.lookup("#learning-view .learning-summary").queryAs(Labeled.class).getText().startsWith("No lessons yet"));

        List<Frame> frames = ApprovingRun.run(ApprovingRun.HELPED_THEN_HURT, 7, ApprovingRun.HELPED_THEN_HURT_SECONDS);
        robot.interact(() -> {
            for (int i = 0; i < frames.size(); i += 5) {
                vm.onFrames(FrameBatch.of(frames.subList(i, Math.min(frames.size(), i + 5))));
            }
        });
        TableView<?> lessons = robot.lookup("#learning-lessons").queryAs(TableView.class);
        TableView<?> effectiveness = robot.lookup("#learning-effectiveness").queryAs(TableView.class);
        LearningState state = frames.get(frames.size() - 1).step().learning();
        int total = state.total();
        assertTrue(total >= 2, "sorting needs rows to sort: " + total);
        assertEquals(total, lessons.getItems().size());
        assertEquals(state.effectiveness().size(), effectiveness.getItems().size(), "a row per diagnosis × action");
        assertEquals(total == 1 ? "1 lesson" : total + " lessons",
                robot.lookup("#learning-view .learning-summary").queryAs(Labeled.class).getText());

        Set<Node> hurt = robot.lookup("#learning-lessons .outcome-hurt").queryAll();
        long hurtLessons = state.recent().stream().filter(l -> l.outcome() == Outcome.HURT).count();
        assertTrue(hurtLessons >= 1, "the circuit on razorpay × HDFC was rolled back");
        assertEquals(hurtLessons, hurt.size(), "the rolled-back circuit is styled as hurt");
        assertEquals("hurt", ((TableCell<?, ?>) hurt.iterator().next()).getText());
        assertFalse(robot.lookup("#learning-lessons .outcome-helped").queryAll().isEmpty());
        snapshot(robot, "learning-lessons");
        assertNothingElided(robot);

        // newest first until the user sorts by time, oldest first
        LessonRow newest = (LessonRow) lessons.getItems().get(0);
        robot.clickOn(robot.lookup("#learning-lessons .column-header").queryAll().stream()
                .filter(h -> h.lookup(".label") instanceof Labeled l && "sim time".equals(l.getText()))
                .findFirst().orElseThrow());
        LessonRow first = (LessonRow) lessons.getItems().get(0);
        assertTrue(first.atSeconds() <= newest.atSeconds());
        assertEquals(vm.lessons().stream().mapToDouble(LessonRow::atSeconds).min().orElseThrow(), first.atSeconds());
        snapshot(robot, "learning-sorted");
    }

    /** No cell, header or label shows an ellipsis instead of its text at 1000 px. */
    private static void assertNothingElided(FxRobot robot) {
        int checked = check(robot.lookup("#learning-view").queryAs(Parent.class));
        assertTrue(checked > 40, "checked " + checked + " texts");
    }

    private static int check(Parent parent) {
        int checked = 0;
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                    && l.lookup(".text") instanceof Text shown) {
                assertEquals(l.getText(), shown.getText(), "elided: " + l);
                checked++;
            }
            if (n instanceof Parent p) {
                checked += check(p);
            }
        }
        return checked;
    }

    private void snapshot(FxRobot robot, String name) {
        robot.interact(() -> Screenshots.write(stage.getScene().getRoot(), name));
    }
}
