package io.payops.ui.reasoning;

import io.payops.ui.fx.Screenshots;

import io.payops.domain.Frame;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.TestFrames;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
@Tag(Screenshots.TAKES)
class ReasoningViewUiTest {
    /** The right-hand column at 1366×768. */
    private static final int WIDTH = 430;
    private static final int HEIGHT = 470;

    private static List<Frame> outage;

    private ReasoningViewModel vm;
    private ReasoningView view;
    private StackPane root;

    @BeforeAll
    static void run() {
        outage = TestFrames.run("stripe-outage", 7, 330);
    }

    @Start
    void start(Stage stage) {
        vm = new ReasoningViewModel();
        vm.onSessionStart(TestFrames.session("stripe-outage", 7));
        view = new ReasoningView(vm);
        root = new StackPane(view);
        root.getStylesheets().add(ReasoningViewUiTest.class.getResource("/styles/tokens.css").toExternalForm());
        stage.setScene(new Scene(root, WIDTH, HEIGHT));
        stage.sizeToScene();    // TestFX reuses one stage: a test that widened it must not widen the next
        stage.show();
    }

    private void feed(FxRobot robot, List<Frame> frames) {
        robot.interact(() -> {
            for (int i = 0; i < frames.size(); i += 5) {
                vm.onFrames(FrameBatch.of(frames.subList(i, Math.min(frames.size(), i + 5))));
            }
        });
    }

    private String shownTime(FxRobot robot) {
        return robot.lookup("#cycle-time").queryAs(Label.class).getText();
    }

    @Test
    void beforeTheFirstCycleThePaneSaysWhatItWaitsFor(FxRobot robot) {
        robot.interact(() -> Screenshots.write(root, "reasoning-empty"));
        assertFalse(robot.lookup(".sections").query().isVisible());
        assertTrue(robot.lookup(".empty-label").queryAs(Label.class).isVisible());
    }

    @Test
    void clickingAnOlderCyclePinsThePaneAndLatestFollowsAgain(FxRobot robot) {
        feed(robot, outage.subList(0, 320));
        assertTrue(vm.isFollowing());
        assertEquals(vm.history().get(0).time(), shownTime(robot));
        robot.interact(() -> Screenshots.write(root, "reasoning-following"));

        // the third line of the history: an older cycle of the outage
        ListCell<?> older = robot.lookup("#cycle-history .cycle-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getIndex() == 2).findFirst().orElseThrow();
        CycleEntry entry = (CycleEntry) older.getItem();
        robot.clickOn(older);

        assertFalse(vm.isFollowing());
        assertEquals(entry.time(), shownTime(robot));
        assertNotEquals(vm.history().get(0).time(), shownTime(robot));
        assertFalse(robot.lookup("#follow-latest").queryAs(javafx.scene.control.ToggleButton.class).isSelected());

        feed(robot, outage.subList(320, 330));
        assertEquals(entry.time(), shownTime(robot), "new cycles do not move a pinned pane");
        assertTrue(robot.lookup("#reasoning-mode").queryAs(Label.class).getText().startsWith("pinned to " + entry.time()));
        // the pinned line did not slide out of sight as newer cycles came in on top
        ListView<?> list = robot.lookup("#cycle-history").queryListView();
        ListCell<?> pinned = robot.lookup("#cycle-history .cycle-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() == entry && c.isVisible()).findFirst().orElseThrow();
        assertTrue(pinned.isSelected());
        double bottom = list.localToScene(list.getLayoutBounds()).getMaxY();
        assertTrue(pinned.localToScene(pinned.getLayoutBounds()).getMaxY() <= bottom + 1, "pinned line in view");
        robot.interact(() -> Screenshots.write(root, "reasoning-pinned"));

        robot.clickOn("#follow-latest");
        assertTrue(vm.isFollowing());
        assertEquals(vm.history().get(0).time(), shownTime(robot));
        assertEquals(CycleText.time(outage.stream().map(f -> f.step().cycle()).filter(c -> c != null)
                .max(Comparator.comparingLong(c -> c.atMillis())).orElseThrow().atMillis()), shownTime(robot));
        assertTrue(robot.lookup("#cycle-history").queryListView().getSelectionModel().isEmpty());
    }

    @Test
    void theDetailShowsEverySectionWrappedWithinThePane(FxRobot robot) {
        feed(robot, outage);
        assertFalse(robot.lookup(".hypothesis").queryAll().isEmpty());
        Node decision = robot.lookup(".decision").query();
        Node verdict = robot.lookup(".guard-verdict").query();
        Node explanation = robot.lookup(".explanation").query();
        assertTrue(decision.isVisible() && verdict.isVisible() && explanation.isVisible());
        assertTrue(verdict.getPseudoClassStates().stream().anyMatch(p -> List.of("allow", "needs-approval", "block")
                .contains(p.getPseudoClassName())));

        // nothing wider than the viewport: labels wrap instead of running off to the right
        ScrollPane scroll = robot.lookup("#cycle-detail-scroll").queryAs(ScrollPane.class);
        double viewport = scroll.getViewportBounds().getWidth();
        Node content = scroll.getContent();
        assertTrue(content.getLayoutBounds().getWidth() <= viewport + 1,
                content.getLayoutBounds().getWidth() + " > " + viewport);
        for (Node n : robot.lookup(".cycle-detail .label").queryAll()) {
            if (n.isVisible()) {
                double right = content.sceneToLocal(n.localToScene(n.getLayoutBounds())).getMaxX();
                assertTrue(right <= viewport + 1, ((Label) n).getText() + " ends at " + right + " > " + viewport);
            }
        }
        robot.interact(() -> {
            Screenshots.write(root, "reasoning-latest");
            // the whole detail, not just what the 470 px column shows, to look at every section
            Screenshots.write(content, "reasoning-detail-full");
        });

        // the cycle that asked for approval: the verdict is styled as such, the replay hook pins it
        long asked = outage.stream().map(f -> f.step().cycle()).filter(c -> c != null
                        && c.verdict().kind() == io.payops.domain.GuardVerdict.Kind.NEEDS_APPROVAL)
                .mapToLong(io.payops.domain.AgentCycle::atMillis).findFirst().orElseThrow();
        robot.interact(() -> vm.selectCycleAt(asked));
        assertEquals("t=" + asked / 1000 + " s", shownTime(robot));
        assertTrue(verdict.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("needs-approval")));
        assertTrue(robot.lookup(".approval-badge").queryAs(Label.class).getText().contains("approval"));
        robot.interact(() -> Screenshots.write(content, "reasoning-detail-approval"));
    }

    @Test
    void anLlmCycleShowsItsCallTheFallbackReasonSourceBadgesAndTheTotals(FxRobot robot) {
        io.payops.domain.ReasonerCall used = new io.payops.domain.ReasonerCall("gemini", "gemini-2.5-flash",
                "used", null, 812, 1204, 310);
        io.payops.domain.ReasonerCall timeout = new io.payops.domain.ReasonerCall("gemini", "gemini-2.5-flash",
                "fallback", "timeout after 4000 ms", 4000, 0, 0);
        List<Frame> frames = ReasoningCallViewModelTest.rewrite(outage, c -> c.atMillis() == 302_000
                ? ReasoningCallViewModelTest.withCall(c, timeout, "heuristic")
                : ReasoningCallViewModelTest.withCall(c, used, "gemini"));
        feed(robot, frames);

        assertTrue(robot.lookup("#llm-totals").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#llm-totals").queryAs(Label.class).getText().startsWith("LLM: "));
        assertEquals("gemini · gemini-2.5-flash · 812 ms · 1,204 in / 310 out tokens · used",
                robot.lookup("#llm-call-text").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#llm-call-reason").queryAs(Label.class).isVisible());
        Label badge = robot.lookup(".source-badge").queryAs(Label.class);
        assertEquals("gemini", badge.getText());
        assertTrue(badge.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("llm")));
        robot.interact(() -> Screenshots.write(root, "reasoning-llm-used"));

        robot.interact(() -> vm.selectCycleAt(302_000));
        Label reason = robot.lookup("#llm-call-reason").queryAs(Label.class);
        assertTrue(reason.isVisible());
        assertEquals("heuristics answered: timeout after 4000 ms", reason.getText());
        assertTrue(robot.lookup("#llm-call").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("fallback")));
        assertEquals("heuristic", robot.lookup(".source-badge").queryAs(Label.class).getText());
        robot.interact(() -> Screenshots.write(root, "reasoning-llm-fallback"));
    }

    @Test
    void hideQuietLeavesOnlyCyclesWithSomethingInThem(FxRobot robot) {
        feed(robot, outage);
        int all = robot.lookup("#cycle-history").queryListView().getItems().size();
        robot.clickOn("#hide-quiet");
        assertTrue(vm.hideQuietProperty().get());
        int shown = robot.lookup("#cycle-history").queryListView().getItems().size();
        assertTrue(shown < all && shown > 0, shown + " of " + all);
        robot.interact(() -> Screenshots.write(root, "reasoning-hide-quiet"));
    }

    @Test
    void atWiderSizesTheSamePaneUsesTheRoom(FxRobot robot) {
        feed(robot, outage);
        robot.interact(() -> {
            root.getScene().getWindow().setWidth(560);
            root.getScene().getWindow().setHeight(700);
        });
        robot.interact(() -> Screenshots.write(root, "reasoning-wide"));
        assertEquals(vm.history().get(0).time(), shownTime(robot));
    }
}
