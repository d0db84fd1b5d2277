package io.payops.ui.chaos;

import io.payops.ui.fx.RecordingSink;
import io.payops.ui.fx.Screenshots;

import io.payops.domain.Command;
import io.payops.domain.FaultType;
import io.payops.domain.Frame;
import io.payops.domain.Target;
import io.payops.engine.Engine;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.TestFrames;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chaos tab at its real size (about 1000 × 300 at 1366×768), driven with the mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
@Tag(Screenshots.TAKES)
class ChaosViewUiTest {
    private Engine engine;
    private RecordingSink sink;
    private ChaosViewModel vm;
    private Scene scene;

    @Start
    void start(Stage stage) {
        engine = TestFrames.engine("quiet", 7);
        sink = new RecordingSink(engine);
        vm = new ChaosViewModel(sink);
        vm.onSessionStart(TestFrames.session("quiet", 7));
        vm.onFrames(FrameBatch.of(TestFrames.step(engine, 10)));
        ChaosView view = new ChaosView(vm);
        StackPane root = new StackPane(view);
        root.getStylesheets().add(getClass().getResource("/styles/tokens.css").toExternalForm());
        scene = new Scene(root, 1000, 300);
        stage.setScene(scene);
        stage.show();
    }

    private Frame pulse(FxRobot robot, int ticks) {
        List<Frame> frames = TestFrames.step(engine, ticks);
        robot.interact(() -> vm.onFrames(FrameBatch.of(frames)));
        return frames.get(frames.size() - 1);
    }

    private Command last() {
        return sink.sent.get(sink.sent.size() - 1);
    }

    private void shoot(FxRobot robot, String name) {
        robot.interact(() -> Screenshots.write(scene.getRoot(), name));
    }

    private Node thumb(FxRobot robot, String type) {
        return robot.lookup("#chaos-" + type + "-switch .thumb").query();
    }

    @Test
    void sliderAndSwitchSendAddUpdateAndRemove(FxRobot robot) {
        shoot(robot, "chaos-idle");
        Slider slider = robot.lookup("#chaos-gateway_outage-slider").queryAs(Slider.class);
        // focus the slider on its thumb (no value change), then three arrow steps of 5 points
        robot.clickOn(slider.lookup(".thumb"));
        robot.type(KeyCode.RIGHT, 3);
        assertEquals(0.65, vm.row(FaultType.GATEWAY_OUTAGE).rounded(), 1e-9);
        assertEquals("65%", robot.lookup("#chaos-gateway_outage-value").queryLabeled().getText());
        assertTrue(sink.sent.isEmpty(), "nothing is sent while the switch is off");

        robot.clickOn(thumb(robot, "gateway_outage"));
        assertTrue(robot.lookup("#chaos-gateway_outage-switch").queryAs(ToggleSwitch.class).isSelected());
        Command.AddFault add = assertInstanceOf(Command.AddFault.class, last());
        assertEquals("ui-gateway_outage", add.faultId());
        assertEquals(0.65, add.spec().severity(), 1e-9);
        assertEquals(Target.gateway("stripe"), add.spec().target());

        Frame f = pulse(robot, 1);
        assertTrue(f.faults().stream().anyMatch(a -> a.id().equals("ui-gateway_outage")));
        assertEquals("on · 100%", robot.lookup("#chaos-gateway_outage-state").queryLabeled().getText());

        robot.clickOn(slider.lookup(".thumb"));
        robot.type(KeyCode.RIGHT);
        Command.UpdateFault upd = assertInstanceOf(Command.UpdateFault.class, last());
        assertEquals("ui-gateway_outage", upd.faultId());
        assertEquals(0.70, upd.spec().severity(), 1e-9);
        assertEquals(10.0, upd.spec().startSecond(), 1e-9);
        f = pulse(robot, 1);
        assertEquals(0.70, f.faults().stream().filter(a -> a.id().equals("ui-gateway_outage")).findFirst()
                .orElseThrow().spec().severity(), 1e-9);

        // pick another target from the combo box: the running fault moves there
        robot.clickOn("#chaos-gateway_outage-target");
        robot.clickOn("gateway=adyen");
        assertEquals(Target.gateway("adyen"), assertInstanceOf(Command.UpdateFault.class, last()).spec().target());
        pulse(robot, 1);
        shoot(robot, "chaos-on");

        robot.clickOn(thumb(robot, "gateway_outage"));
        assertEquals(new Command.RemoveFault("ui-gateway_outage"), last());
        pulse(robot, 1);
        assertEquals("off", robot.lookup("#chaos-gateway_outage-state").queryLabeled().getText());
        assertFalse(vm.row(FaultType.GATEWAY_OUTAGE).activeProperty().get());
    }

    /** An active fault's name is bold, and wider: its column grows rather than cut it ("Issuer degrada…" before). */
    @Test
    void anActiveFaultsBoldNameIsNeverCut(FxRobot robot) {
        robot.clickOn(thumb(robot, "issuer_degradation"));
        pulse(robot, 1);
        io.payops.ui.fx.FxWait.layoutPulses(scene, 2);
        javafx.scene.control.Label name = robot.lookup("#chaos-issuer_degradation-type .chaos-type")
                .queryAs(javafx.scene.control.Label.class);
        assertTrue(name.getPseudoClassStates().isEmpty() && name.getParent().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("active")), "the row shows the fault on");
        double whole = io.payops.ui.fx.FxWait.fx(() -> name.prefWidth(-1));
        assertTrue(io.payops.ui.fx.FxWait.fx(name::getWidth) >= whole - 0.5,
                () -> "the name is cut: " + name.getWidth() + " of " + whole + " px");
    }

    @Test
    void injectAScenarioThenRemoveOneFromTheActiveList(FxRobot robot) {
        robot.clickOn("#chaos-scenario");
        robot.clickOn("overlapping-faults");
        assertEquals("overlapping-faults", robot.lookup("#chaos-scenario").queryAs(ComboBox.class).getValue());
        robot.clickOn("#chaos-inject");
        assertEquals(2, sink.sent.size());
        sink.sent.forEach(c -> assertNull(assertInstanceOf(Command.AddFault.class, c).faultId()));

        robot.clickOn(thumb(robot, "latency_spike"));
        pulse(robot, 1);
        ListView<?> active = robot.lookup("#chaos-active").queryAs(ListView.class);
        assertEquals(3, active.getItems().size());
        assertEquals("3 active", robot.lookup("#chaos-active-summary").queryLabeled().getText());
        shoot(robot, "chaos-injected");

        robot.clickOn("#chaos-remove-chaos-1");
        assertEquals(new Command.RemoveFault("chaos-1"), last());
        pulse(robot, 1);
        assertEquals(2, active.getItems().size());

        robot.clickOn("#chaos-remove-ui-latency_spike");
        pulse(robot, 1);
        assertFalse(robot.lookup("#chaos-latency_spike-switch").queryAs(ToggleSwitch.class).isSelected(),
                "the switch follows the engine when its fault is removed from the list");
    }

    @Test
    void aRefusalShowsAMessage(FxRobot robot) {
        engine.submit(new Command.AddFault(vm.row(FaultType.NETWORK_ERRORS).spec(10), true, "ui-network_errors"));
        robot.clickOn(thumb(robot, "network_errors"));
        pulse(robot, 1);
        assertTrue(robot.lookup("#chaos-message").query().isVisible());
        assertFalse(robot.lookup("#chaos-network_errors-switch").queryAs(ToggleSwitch.class).isSelected());
        // the switch's thumb slides back (its transition ends at translate 0) before the picture is taken
        FxWait.waitFor("the switch's thumb is back", 60, () -> thumb(robot, "network_errors").getTranslateX() == 0);
        shoot(robot, "chaos-refused");
    }

    @Test
    void theTargetPickerSearchesAndShowsTheWholeTarget(FxRobot robot) {
        ComboBox<?> box = robot.lookup("#chaos-issuer_degradation-target").queryAs(ComboBox.class);
        assertEquals(Target.of(io.payops.domain.Dimension.ISSUER, "HDFC"), box.getValue(),
                "an issuer degradation starts on an issuer");
        robot.clickOn(box);
        robot.write("adyen hdfc");
        // of 60-odd targets only the one path is left to pick
        FxWait.waitFor("the list narrows to the path", 30, () -> robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && n.getScene() != null
                        && n.getScene().getWindow() instanceof javafx.stage.PopupWindow
                        && n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null)
                .count() == 1);
        robot.clickOn("gateway=adyen issuer=HDFC");
        assertEquals(Target.of(io.payops.domain.Dimension.GATEWAY, "adyen", io.payops.domain.Dimension.ISSUER, "HDFC"),
                vm.row(FaultType.ISSUER_DEGRADATION).targetProperty().get());
        // the whole target is readable in the box, not cut with "…"
        javafx.scene.text.Text shown = (javafx.scene.text.Text) box.lookup(".list-cell .text");
        assertEquals("gateway=adyen issuer=HDFC", FxWait.fx(shown::getText));
    }
}
