package io.payops.ui.gateways;

import io.payops.domain.ActionType;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Command;
import io.payops.domain.Frame;
import io.payops.domain.Target;
import io.payops.engine.Engine;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.Screenshots;
import io.payops.ui.fx.TestFrames;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway row at the size it gets in a 1366×768 window (about 860×170), then wider as at 1920×1080. */
@ExtendWith(ApplicationExtension.class)
@Tag(Screenshots.TAKES)
class GatewaysViewUiTest {
    private static final String SCENARIO = "stripe-outage";
    private static final long SEED = 7;

    private Stage stage;
    private GatewaysViewModel vm;
    private GatewaysView view;
    private Engine engine;
    private Frame latest;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new GatewaysViewModel();
        vm.onSessionStart(TestFrames.session(SCENARIO, SEED));
        view = new GatewaysView(vm);
        engine = TestFrames.engine(SCENARIO, SEED);
        show(860, 170);
        stage.show();
    }

    private void show(double width, double height) {
        StackPane root = new StackPane();
        root.getStylesheets().add(GatewaysViewUiTest.class.getResource("/styles/tokens.css").toExternalForm());
        root.setPadding(new Insets(0));
        if (view.getParent() instanceof StackPane old) {
            old.getChildren().remove(view);
        }
        root.getChildren().add(view);
        stage.setScene(new Scene(root, width, height));
    }

    private void advance(FxRobot robot, int seconds) {
        List<Frame> frames = TestFrames.step(engine, seconds);
        latest = frames.get(frames.size() - 1);
        robot.interact(() -> {
            for (int i = 0; i < frames.size(); i += 5) {
                vm.onFrames(FrameBatch.of(frames.subList(i, Math.min(frames.size(), i + 5))));
            }
        });
    }

    private String text(FxRobot robot, String gateway, String styleClass) {
        return robot.lookup("#gateway-card-" + gateway + " ." + styleClass).queryAs(Label.class).getText();
    }

    private boolean has(FxRobot robot, String gateway, String pseudoClass) {
        return robot.lookup("#gateway-card-" + gateway).query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    @Test
    void cardsShowHealthRoutingAndTheOutage(FxRobot robot) {
        advance(robot, 290);
        for (String g : List.of("stripe", "adyen", "razorpay", "paypal")) {
            assertTrue(has(robot, g, "healthy"), g);
            assertEquals("closed", text(robot, g, "gateway-circuit"));
            assertTrue(text(robot, g, "gateway-success").endsWith("%"));
            assertTrue(text(robot, g, "gateway-p95").endsWith(" ms"));
            assertTrue(text(robot, g, "gateway-rate").endsWith("/s"));
            assertEquals("paths: none open", text(robot, g, "gateway-paths"));
        }
        assertEquals("40%", text(robot, "stripe", "gateway-weight"));
        assertEquals("10%", text(robot, "paypal", "gateway-weight"));
        snapshot(robot, "gateways-healthy");
        assertLaidOutWithoutClipping(robot);

        // the outage: the agent shifts traffic away and asks to open stripe's circuit
        advance(robot, 60);
        assertTrue(has(robot, "stripe", "degraded") || has(robot, "stripe", "down"));
        assertFalse(has(robot, "stripe", "healthy"));
        assertEquals("20%", text(robot, "stripe", "gateway-weight"));
        robot.moveTo("#gateway-card-stripe .gateway-health");
        Label health = robot.lookup("#gateway-card-stripe .gateway-health").queryAs(Label.class);
        assertFalse(health.getTooltip().getText().isBlank(), "the badge says why");
        snapshot(robot, "gateways-outage");
        assertLaidOutWithoutClipping(robot);

        ApprovalRequest open = latest.step().pendingApprovals().stream()
                .filter(a -> a.action().type() == ActionType.OPEN_CIRCUIT
                        && a.action().target().equals(Target.gateway("stripe")))
                .findFirst().orElseThrow();
        engine.submit(new Command.Decide(open.actionId(), true, "test"));
        advance(robot, 20);
        assertEquals("open", text(robot, "stripe", "gateway-circuit"));
        assertEquals("0%", text(robot, "stripe", "gateway-weight"));
        assertTrue(has(robot, "stripe", "down"));
        Node circuit = robot.lookup("#gateway-card-stripe .gateway-circuit").query();
        assertTrue(circuit.getPseudoClassStates().contains(PseudoClass.getPseudoClass("open")));
        snapshot(robot, "gateways-circuit-open");
        assertLaidOutWithoutClipping(robot);

        robot.interact(() -> show(1240, 220));
        assertLaidOutWithoutClipping(robot);
        double cardWidth = robot.lookup("#gateway-card-adyen").query().getLayoutBounds().getWidth();
        assertTrue(cardWidth > 260, "cards grow with the window: " + cardWidth);
        snapshot(robot, "gateways-wide");

        // the same cards in the light theme: only the tokens change
        robot.interact(() -> stage.getScene().getRoot().getStylesheets()
                .setAll(GatewaysViewUiTest.class.getResource("/styles/tokens-light.css").toExternalForm()));
        snapshot(robot, "gateways-light");
    }

    @Test
    void pathCircuitsShowOnTheirGatewayCard(FxRobot robot) {
        engine = TestFrames.engine("razorpay-upi-outage", 7);
        robot.interact(() -> vm.onSessionStart(TestFrames.session("razorpay-upi-outage", 7)));
        advance(robot, 300);
        for (int i = 0; i < 300 && text(robot, "razorpay", "gateway-paths").equals("paths: none open"); i++) {
            latest.step().pendingApprovals().forEach(a -> engine.submit(new Command.Decide(a.actionId(), true, "test")));
            advance(robot, 1);
        }
        String paths = text(robot, "razorpay", "gateway-paths");
        assertTrue(paths.contains("UPI open") || paths.contains("UPI half-open"), paths);
        assertFalse(has(robot, "razorpay", "healthy"));
        assertEquals("closed", text(robot, "razorpay", "gateway-circuit"));
        advance(robot, 5);
        snapshot(robot, "gateways-path-circuit");
        assertLaidOutWithoutClipping(robot);
    }

    /** Every card lies inside the row, and no label shows an ellipsis instead of its text. */
    private void assertLaidOutWithoutClipping(FxRobot robot) {
        robot.interact(() -> view.getScene().getRoot().applyCss());
        robot.interact(() -> view.getScene().getRoot().layout());
        Bounds row = view.getLayoutBounds();
        for (Node card : robot.lookup(".gateway-card").queryAll()) {
            Bounds b = view.sceneToLocal(card.localToScene(card.getLayoutBounds()));
            assertTrue(b.getMinX() >= -0.5 && b.getMaxX() <= row.getWidth() + 0.5
                    && b.getMinY() >= -0.5 && b.getMaxY() <= row.getHeight() + 0.5, card.getId() + " " + b + " in " + row);
            assertNoTruncatedLabels((Parent) card);
        }
    }

    private static void assertNoTruncatedLabels(Parent parent) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof Label label && label.isVisible()) {
                Text shown = (Text) label.lookup(".text");
                if (shown != null) {
                    assertEquals(label.getText(), shown.getText(), "label clipped in " + parent);
                }
            }
            if (n instanceof Parent p) {
                assertNoTruncatedLabels(p);
            }
        }
    }

    private void snapshot(FxRobot robot, String name) {
        robot.interact(() -> Screenshots.write(stage.getScene().getRoot(), name));
    }
}
