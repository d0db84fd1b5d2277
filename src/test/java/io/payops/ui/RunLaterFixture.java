package io.payops.ui;

import javafx.application.Platform;

/**
 * Test-only: a ui class that crosses to the FX thread by itself, by a call and by a method reference (as the console
 * once passed {@code Platform::runLater} as an executor), so ArchitectureTest can show its crossing rule fails.
 */
public final class RunLaterFixture {
    private RunLaterFixture() {
    }

    static void wrong(Runnable update) {
        Platform.runLater(update);
    }

    static java.util.function.Consumer<Runnable> alsoWrong() {
        return Platform::runLater;
    }
}
