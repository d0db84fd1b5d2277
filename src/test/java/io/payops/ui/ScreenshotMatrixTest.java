package io.payops.ui;

import io.payops.ui.fx.TestWindows;
import io.payops.domain.Frame;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.Screenshots;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static io.payops.ui.fx.FxWait.fx;

/**
 * README's matrix of pictures (mvn -Pscreenshots; copied to docs/screenshots/matrix/): the real window at 1024×640,
 * 1366×768 and 1920×1080, dark and light, in six moments a new user meets: quiet live traffic, an incident with its
 * approval request (and the pop-up announcing it), chaos with a fault on, a test payment's attempt chain, the
 * support tickets, and a replay after a seek. Beside the pictures, {@code matrix/elided.txt} lists every text shown
 * cut with "…" in each, so a review can tell what a user cannot read whole. What each moment shows is asserted by
 * the untagged UI tests; this class only draws.
 */
@ExtendWith(ApplicationExtension.class)
@Tag(Screenshots.TAG)
class ScreenshotMatrixTest {
    private static final long WAIT_SECONDS = 120;
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

    private static void waitFor(String what, Callable<Boolean> condition) {
        FxWait.waitFor(what, WAIT_SECONDS, condition);
    }

    private Frame newest() {
        return window.pump().lastApplied();
    }

    /** Runs until the session reaches {@code simMillis} and pauses there, from the FX thread the moment it does. */
    private void runUntilThenPause(String what, long simMillis, Callable<Boolean> andAlso) {
        waitFor(what, () -> {
            boolean there = newest() != null && newest().simMillis() >= simMillis && andAlso.call();
            if (there) {
                window.console().setPaused(true);
            }
            return there;
        });
    }

    @ParameterizedTest(name = "{0}×{1} {2}")
    @CsvSource({"1024,640,dark", "1024,640,light", "1366,768,dark", "1366,768,light", "1920,1080,dark",
            "1920,1080,light"})
    void sixMomentsAtThisSizeAndTheme(int width, int height, String theme, FxRobot robot) throws IOException {
        String suffix = width + "x" + height + "-" + theme;
        robot.interact(() -> {
            Stage stage = window.stage();
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            window.console().setTheme(theme);
            // from the start, so the outage's request pauses the session whatever the window's opening cost
            window.console().setPauseOnRequest(true);
            window.console().applySeed("7");
        });
        // the panes as a first run at this size lays them out (the side pane otherwise keeps the width it had in
        // the maximised window the test opened), once the window has its new size
        FxWait.layoutPulses(window.stage().getScene(), 2);
        robot.interact(() -> window.layout().setDividers(io.payops.ui.shell.ConsolePrefs.DEFAULTS.mainDivider(),
                io.payops.ui.shell.ConsolePrefs.DEFAULTS.sideDivider()));
        List<String> cut = new ArrayList<>();

        // quiet traffic, a minute before Stripe starts failing
        runUntilThenPause("four minutes of quiet traffic", 240_000, () -> true);
        shoot(robot, "#tab-overview", "live-" + suffix, cut);

        // the outage: the agent asks to open Stripe's circuit, and the session pauses on the request
        robot.interact(() -> window.console().setPaused(false));
        waitFor("a request, its pop-up, and the pause", () -> robot.lookup(".approve-button").tryQuery().isPresent()
                && window.console().pausedProperty().get() && Stream.of(javafx.stage.Window.getWindows().toArray())
                .anyMatch(w -> w instanceof javafx.stage.PopupWindow p && p.isShowing()
                        && p.getScene().getRoot().lookup("#approval-notice") != null));
        shoot(robot, "#tab-overview", "incident-" + suffix, cut);

        // chaos: network errors switched on while the request still waits
        robot.interact(() -> {
            window.console().setPauseOnRequest(false);
            window.console().setPaused(false);
        });
        robot.clickOn("#tab-chaos");
        // the request's pop-up may lie over the switches at 1024 px: closed with its ×, as a user would
        robot.interact(() -> new ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow).forEach(javafx.stage.Window::hide));
        robot.clickOn(robot.lookup("#chaos-network_errors-switch .thumb").queryAs(Node.class));
        waitFor("the fault is in a frame", () -> newest() != null && newest().faults().stream()
                .anyMatch(a -> a.id().startsWith("ui-")));
        long faultOn = fx(() -> newest().simMillis());
        runUntilThenPause("the fault at work for 20 s", faultOn + 20_000, () -> true);
        shoot(robot, null, "chaos-" + suffix, cut);

        // a test payment through the live routing
        robot.interact(() -> window.console().setPaused(false));
        robot.clickOn("Tools");
        robot.clickOn("Send a test payment…");
        waitFor("the test payment dialog", () -> robot.lookup("#test-payment-dialog").tryQuery().isPresent());
        robot.clickOn("#tp-send");
        waitFor("the payment's outcome", () -> window.testPayments().attempts().size() > 0
                && text(robot, "#tp-message").startsWith("Done"));
        robot.interact(() -> window.console().setPaused(true));
        shoot(robot, null, "test-payment-" + suffix, cut);
        robot.clickOn("#tp-close");

        // support tickets: the platform-bug burst, whose triage escalates a cluster at 239 s
        robot.interact(() -> {
            window.console().setPaused(false);
            window.console().applySeed("5");
            window.console().selectScenario(resource("/tickets/platform-bug-burst.json"));
        });
        runUntilThenPause("tickets and an escalation", 330_000, () -> newest().tickets() != null);
        shoot(robot, "#tab-tickets", "tickets-" + suffix, cut);

        // the outage's session (the longest: the one the window opened with lasted a moment), replayed, after a
        // seek three quarters of the way in
        Path first;
        try (Stream<Path> s = Files.list(state.resolve("sessions"))) {
            first = s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().contains("stripe-outage"))
                    .max(java.util.Comparator.comparingLong(ScreenshotMatrixTest::framesSize)).orElseThrow();
        }
        robot.interact(() -> window.replay().open(first));
        waitFor("the replay is open", () -> window.replay().isActive() && !window.replay().loadingProperty().get()
                && window.replay().frameCountProperty().get() > 0);
        int target = fx(() -> window.replay().frameCountProperty().get() * 3 / 4);
        robot.interact(() -> window.replay().seek(target));
        // the replay bar and the status line tell the same time once the frame sought is on screen
        waitFor("the replay shows the moment sought", () -> window.replay().getPosition() == target
                && !window.replay().loadingProperty().get() && text(robot, "#replay-position")
                .startsWith(text(robot, "#sim-clock") + " · frame " + (target + 1)));
        shoot(robot, "#tab-overview", "replay-" + suffix, cut);

        String dir = System.getProperty("screenshots.dir", "");
        if (!dir.isBlank()) {
            Path list = Path.of(dir).resolve("matrix/elided.txt");
            Files.createDirectories(list.getParent());
            Files.write(list, cut, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private void shoot(FxRobot robot, String tab, String name, List<String> cut) {
        if (tab != null) {
            robot.clickOn(tab);
        }
        // the pointer off every control, so no hover tooltip or highlight is in the picture
        robot.moveTo(window.stage().getX() + 2, window.stage().getY() + window.stage().getHeight() - 2);
        FxWait.layoutPulses(window.stage().getScene(), 3);
        robot.interact(() -> {
            Screenshots.writeWindow(window.stage(), "matrix/" + name);
            Screenshots.elided(window.stage()).forEach(e -> cut.add(name + ": " + e));
        });
    }

    private static long framesSize(Path session) {
        try {
            return Files.size(session.resolve("frames.jsonl.gz"));
        } catch (IOException e) {
            return -1;
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((javafx.scene.control.Labeled) n).getText()).orElse("");
    }

    private static String resource(String name) {
        try {
            return Path.of(ScreenshotMatrixTest.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
