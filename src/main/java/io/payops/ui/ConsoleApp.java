package io.payops.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: {@code mvn javafx:run}, {@code java -jar target/payops.jar} and {@code console} open it.
 * Everything is built by {@link ConsoleWindow}; this class only hands over the options and the stage.
 */
public final class ConsoleApp extends Application {
    /** Set by {@link #open} before launch: Application.launch takes a class, not an instance. */
    private static volatile ConsoleOptions pending = ConsoleOptions.DEFAULTS;
    /** Held so the setting sticks: JavaFX warns that it was loaded from the class path, which is how a jar runs. */
    private static final java.util.logging.Logger LAUNCH_LOG =
            java.util.logging.Logger.getLogger("com.sun.javafx.application.PlatformImpl");
    private ConsoleWindow window;

    /** Opens the console and returns when its window is closed. */
    public static void open(ConsoleOptions options) {
        pending = options;
        LAUNCH_LOG.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        window = ConsoleWindow.open(stage, pending);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
