package io.payops;

/**
 * The jar's Main-Class. It does not extend javafx Application, so the shaded jar starts without the JavaFX
 * launcher's module checks.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        PayOps.main(args);
    }
}
