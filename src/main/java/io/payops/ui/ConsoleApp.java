package io.payops.ui;

import io.payops.ui.shell.EngineWarmUp;
import io.payops.ui.shell.StartupSplash;
import io.payops.ui.shell.StartupTiming;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: {@code mvn javafx:run}, {@code java -jar target/payops.jar} and {@code console} open it.
 * Everything is built by {@link ConsoleWindow}; this class only hands over the options and the stage.
 */
public final class ConsoleApp extends Application {
    /** Set by {@link #open} before launch: Application.launch takes a class, not an instance. */
    private static volatile ConsoleOptions pending = ConsoleOptions.DEFAULTS;
    /** {@code --startup-timing}: print launch-to-first-frame when the first live frame is on screen. */
    private static volatile boolean printStartup;
    /** Held so the setting sticks: JavaFX warns that it was loaded from the class path, which is how a jar runs. */
    private static final java.util.logging.Logger LAUNCH_LOG =
            java.util.logging.Logger.getLogger("com.sun.javafx.application.PlatformImpl");
    private ConsoleWindow window;
    /** Pulses (each with a render) the splash gets before the window is built. */
    private static final int SPLASH_PULSES = 6;

    /** Opens the console and returns when its window is closed. */
    public static void open(ConsoleOptions options) {
        open(options, false);
    }

    /** The same, printing launch-to-first-frame to standard output when {@code startupTiming} is set. */
    public static void open(ConsoleOptions options, boolean startupTiming) {
        pending = options;
        printStartup = startupTiming;
        LAUNCH_LOG.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(ConsoleApp.class);
    }

    /**
     * Shows the splash at once, then builds the window on the next pulses (so the splash is painted first). The
     * splash closes when the first live frame is on screen; on the first run (no remembered window) the window opens
     * maximised on its screen.
     */
    @Override
    public void start(Stage stage) {
        StartupTiming timing = new StartupTiming();
        EngineWarmUp.start();
        StartupSplash splash = new StartupSplash();
        splash.show();
        timing.splashShown();
        // a few pulses first, each followed by a render, so the splash is painted before the build takes the FX thread
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < SPLASH_PULSES) {
                    return;
                }
                stop();
                window = ConsoleWindow.open(stage, pending, true);
                timing.windowShown();
                splash.step("Waiting for the first frame…");
                window.onFirstFrameShown(() -> {
                    splash.close();
                    if (printStartup) {
                        System.out.println(timing.firstFrame());
                    }
                });
            }
        }.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
