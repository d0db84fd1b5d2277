package io.payops.ui.fx;

import io.payops.ui.ConsoleWindow;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The end of a window test: every window of the test closed, and the state folder quiet before JUnit removes it. */
public final class TestWindows {
    /** Generous: only a stuck writer takes long, and a busy machine (two cores, other builds) slows every thread. */
    private static final long QUIET_MILLIS = 120_000;

    private TestWindows() {
    }

    /**
     * Hides pop-ups and dialogs, closes the console, then waits until its engine thread has ended and its recording is
     * closed: the test's {@code @TempDir} state folder is deleted right after, and a recorder still writing there made
     * the deletion fail ("Failed to delete temp directory") under load.
     */
    public static void close(FxRobot robot, ConsoleWindow window) throws InterruptedException {
        robot.interact(() -> {
            List.copyOf(Window.getWindows()).stream().filter(w -> w != window.stage()).forEach(Window::hide);
            window.stage().close();
            window.close();
        });
        assertTrue(window.awaitStateFolderQuiet(QUIET_MILLIS), "the session's recording closed after the window");
    }
}
