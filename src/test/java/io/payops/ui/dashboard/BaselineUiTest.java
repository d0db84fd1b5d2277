package io.payops.ui.dashboard;

import io.payops.ui.fx.TestWindows;
import io.payops.domain.Frame;
import io.payops.ui.ConsoleOptions;
import io.payops.ui.ConsoleWindow;
import io.payops.ui.fx.FxWait;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.payops.ui.fx.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The success tile's baseline on the real window through the Stripe outage (80% failing from t = 300 s to 780 s):
 * it is the agent's reference, held still while traffic is in alarm, so it does not fall with the incident.
 */
@ExtendWith(ApplicationExtension.class)
class BaselineUiTest {
    private static final Pattern BASELINE = Pattern.compile("(?:baseline|held) (\\d+\\.\\d)%");
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

    /** A caption's baseline in %, or NaN when it has none. */
    private static double baseline(String caption) {
        Matcher m = BASELINE.matcher(caption == null ? "" : caption);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void theSuccessTilesBaselineDoesNotFallDuringTheOutage(FxRobot robot) {
        Kpi tile = window.features().tiles().successRate();
        // what the tile said, with the simulated second and the open incidents of the frame it showed
        List<double[]> seen = new ArrayList<>();
        List<String> held = new ArrayList<>();
        ChangeListener<String> follow = (o, a, caption) -> {
            Frame f = window.pump().lastApplied();
            if (f != null && !Double.isNaN(baseline(caption))) {
                seen.add(new double[] {f.simSeconds(), baseline(caption), f.step().incidents().size()});
                if (caption.startsWith("held")) {
                    held.add(caption);
                }
            }
        };
        robot.interact(() -> tile.captionProperty().addListener(follow));
        FxWait.waitFor("the outage has run most of its eight minutes", 120, () -> {
            Frame f = window.pump().lastApplied();
            return f != null && f.simSeconds() >= 700;
        });
        robot.interact(() -> {
            tile.captionProperty().removeListener(follow);
            window.console().setPaused(true);
        });
        double before = fx(() -> seen.stream().filter(p -> p[0] >= 240 && p[0] < 300).mapToDouble(p -> p[1])
                .reduce((a, b) -> b).orElse(Double.NaN));
        assertFalse(Double.isNaN(before), "the tile showed a baseline before the outage");
        List<double[]> during = fx(() -> seen.stream().filter(p -> p[0] >= 300 && p[2] > 0).toList());
        assertFalse(during.isEmpty(), "the tile was seen during the incident");
        double lowest = during.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        assertTrue(before - lowest <= 1.0, "the baseline stays within a point of " + before + "%, fell to " + lowest + "%");
        assertFalse(fx(() -> held.isEmpty()), "the tile says its baseline is held while traffic is in alarm");
    }
}
