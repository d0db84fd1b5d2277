package io.payops.ui.whatif;

import io.payops.domain.Frame;
import io.payops.engine.RunSettings;
import io.payops.report.WhatIfSettings;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.Screenshots;
import io.payops.ui.fx.UiExecutor;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The what-if pane at about the size a tab gets in a 1366×768 window. */
@ExtendWith(ApplicationExtension.class)
@Tag(Screenshots.TAKES)
class WhatIfViewUiTest {
    private Stage stage;
    private WhatIfViewModel vm;
    /** Where row clicks moved the replay to. */
    private final List<Long> seeks = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withSeed(7).withDuration(480);
        List<Frame> frames = new ArrayList<>();
        ScenarioRunner.run(s, RunSettings.of("agent"), null, frames::add);
        // the run itself synchronous (on the FX thread, in the click); its result still crosses through runLater
        UiExecutor inTheClick = new UiExecutor() {
            @Override
            public void background(Runnable job) {
                job.run();
            }

            @Override
            public void fx(Runnable update) {
                Platform.runLater(update);
            }
        };
        vm = new WhatIfViewModel(() -> frames, s.world(), WhatIfSettings.defaults(), inTheClick);
        vm.setSeek(seeks::add);
        StackPane root = new StackPane(new WhatIfView(vm));
        root.getStylesheets().add(WhatIfViewUiTest.class.getResource("/styles/tokens.css").toExternalForm());
        stage.setScene(new Scene(root, 1100, 420));
        stage.show();
    }

    @Test
    void typeASettingRunAndSeeTheDifferingRows(FxRobot robot) {
        TableView<?> table = robot.lookup("#whatif-rows").queryAs(TableView.class);
        assertTrue(table.getItems().isEmpty());

        // a bad value: the message names the field, the field is marked and Run is disabled
        TextField shift = robot.lookup("#whatif-maxTrafficShift").queryAs(TextField.class);
        robot.doubleClickOn(shift).eraseText(shift.getText().length()).write("2");
        assertEquals("Max traffic shift (maxTrafficShift): 2.0 is out of range (expected a number from 0 to 1)",
                robot.lookup("#whatif-error").queryAs(Labeled.class).getText());
        assertTrue(shift.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")));
        assertTrue(robot.lookup("#whatif-run").queryAs(Button.class).isDisabled());

        robot.eraseText(1).write("0.05");
        assertFalse(robot.lookup("#whatif-error").queryAs(Labeled.class).isVisible());
        assertFalse(robot.lookup("#whatif-run").queryAs(Button.class).isDisabled());
        robot.clickOn("#whatif-run");
        // the result crosses through runLater, queued before these pulses are asked for; then the table is laid out
        FxWait.layoutPulses(stage.getScene(), 2);

        assertFalse(table.getItems().isEmpty());
        assertEquals(vm.rows().size(), table.getItems().size());
        String summary = robot.lookup("#whatif-summary").queryAs(Labeled.class).getText();
        assertTrue(java.util.regex.Pattern.compile("differ \\(first at 30\\d s\\)").matcher(summary).find(),
                "first difference within seconds of the outage: " + summary);

        // only the differing cycles at first, each highlighted
        assertTrue(robot.lookup("#whatif-differing-only").queryAs(CheckBox.class).isSelected());
        assertEquals(vm.reportProperty().get().summary().differing(), table.getItems().size());
        Set<Node> rows = robot.lookup("#whatif-rows .table-row-cell").queryAll();
        long highlighted = rows.stream().filter(n -> ((TableRow<?>) n).getItem() != null)
                .filter(n -> n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("differs")))
                .count();
        long filled = rows.stream().filter(n -> ((TableRow<?>) n).getItem() != null).count();
        assertTrue(filled > 0);
        assertEquals(filled, highlighted, "every differing row is highlighted");
        robot.interact(() -> Screenshots.write(stage.getScene().getRoot(), "whatif-differing"));

        // a click on the second row moves the replay to that row's moment
        Node second = rows.stream().filter(n -> ((TableRow<?>) n).getIndex() == 1).findFirst().orElseThrow();
        WhatIfItem item = (WhatIfItem) ((TableRow<?>) second).getItem();
        robot.clickOn(second);
        assertEquals(List.of(item.atMillis()), seeks);
        assertTrue(robot.lookup("#whatif-seek-note").queryAs(Labeled.class).getText()
                .startsWith("Replay moved to " + item.time()));

        // the toggle lists every cycle compared
        robot.clickOn("#whatif-differing-only");
        FxWait.layoutPulses(stage.getScene(), 2);
        assertEquals(vm.reportProperty().get().rows().size(), table.getItems().size());
        assertTrue(table.getItems().size() > vm.reportProperty().get().summary().differing());
    }

    @Test
    void theApprovalIsAChoice(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ChoiceBox<String> approval = robot.lookup("#whatif-approval").queryAs(ChoiceBox.class);
        TextField seconds = robot.lookup("#whatif-approval-seconds").queryAs(TextField.class);
        assertEquals("auto", approval.getValue());
        assertEquals("60", seconds.getText());
        assertFalse(seconds.isDisabled());
        robot.clickOn(approval);
        Node never = robot.lookup(".context-menu .menu-item").queryAll().stream()
                .filter(n -> n.lookup(".label") instanceof Labeled l && "never".equals(l.getText()))
                .findFirst().orElseThrow();
        robot.clickOn(never);
        assertEquals("never", vm.field("approval").get());
        assertTrue(seconds.isDisabled(), "seconds are for auto only");
        robot.interact(() -> approval.setValue("auto"));
        robot.doubleClickOn(seconds).eraseText(seconds.getText().length()).write("x");
        assertTrue(robot.lookup("#whatif-error").queryAs(Labeled.class).getText().startsWith("Approval: auto approves"));
        assertTrue(seconds.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")));
        assertTrue(robot.lookup("#whatif-run").queryAs(Button.class).isDisabled());
    }
}
