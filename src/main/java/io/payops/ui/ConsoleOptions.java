package io.payops.ui;

import java.nio.file.Path;

/**
 * How the console starts (DESIGN §5.1 {@code console}): scenario name or file (null: the one used last, else
 * live-demo), seed (null: the scenario's own), speed ×1 … ×100, and the state directory. Validated by the command
 * line before the window opens.
 */
public record ConsoleOptions(String scenario, Long seed, Double speed, Path stateDir) {
    public static final String DEFAULT_SCENARIO = "live-demo";
    public static final ConsoleOptions DEFAULTS = new ConsoleOptions(null, null, null, Path.of("state"));
}
