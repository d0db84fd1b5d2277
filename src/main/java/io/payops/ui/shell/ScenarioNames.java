package io.payops.ui.shell;

import java.nio.file.Path;

/**
 * How the scenario box names a scenario: a built-in one by its name, a scenario file by its file name (a path of a
 * temp or home folder would be cut to "/home/…" in a box 190 px wide; the whole path is in the box's tooltip).
 */
final class ScenarioNames {
    private ScenarioNames() {
    }

    static String shown(String scenario) {
        if (scenario == null) {
            return "";
        }
        if (scenario.indexOf('/') < 0 && scenario.indexOf('\\') < 0) {
            return scenario;
        }
        try {
            Path name = Path.of(scenario).getFileName();
            return name == null ? scenario : name.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return scenario;
        }
    }
}
