package io.payops.ui.shell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the console remembers between runs, in {@code <state>/console.json}: the window's place and size, where the
 * split panes were divided, the theme, the tab last shown, and the scenario, speed and mode last used. No secrets.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsolePrefs(
        double x,
        double y,
        double width,
        double height,
        boolean maximized,
        double mainDivider,
        double sideDivider,
        String theme,
        int tab,
        String scenario,
        double speed,
        boolean recommendOnly) {

    public static final String DARK = "dark";
    public static final String LIGHT = "light";
    public static final ConsolePrefs DEFAULTS = new ConsolePrefs(Double.NaN, Double.NaN, 1366, 768, false, 0.68, 0.36,
            DARK, 0, null, 1, false);

    public ConsolePrefs {
        theme = LIGHT.equals(theme) ? LIGHT : DARK;
        width = Double.isFinite(width) && width >= 640 ? width : 1366;
        height = Double.isFinite(height) && height >= 480 ? height : 768;
        mainDivider = clampDivider(mainDivider, 0.68);
        sideDivider = clampDivider(sideDivider, 0.36);
        speed = speed >= 1 && speed <= 100 ? speed : 1;
        tab = Math.max(0, tab);
    }

    private static double clampDivider(double v, double fallback) {
        return Double.isFinite(v) && v > 0.15 && v < 0.9 ? v : fallback;
    }

    public ConsolePrefs withWindow(double nx, double ny, double w, double h, boolean max) {
        return new ConsolePrefs(nx, ny, w, h, max, mainDivider, sideDivider, theme, tab, scenario, speed, recommendOnly);
    }

    public ConsolePrefs withLayout(double main, double side, int newTab) {
        return new ConsolePrefs(x, y, width, height, maximized, main, side, theme, newTab, scenario, speed, recommendOnly);
    }

    public ConsolePrefs withSession(String newTheme, String newScenario, double newSpeed, boolean newRecommendOnly) {
        return new ConsolePrefs(x, y, width, height, maximized, mainDivider, sideDivider, newTheme, tab, newScenario,
                newSpeed, newRecommendOnly);
    }
}
