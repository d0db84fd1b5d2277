package io.payops.ui;

import io.payops.sim.ScenarioLoader;
import io.payops.store.BadInputException;
import io.payops.store.JsonFile;
import io.payops.ui.fx.EngineService;
import io.payops.ui.fx.FramePump;
import io.payops.ui.fx.FxmlViews;
import io.payops.ui.shell.ConsolePrefs;
import io.payops.ui.shell.ConsoleViewModel;
import io.payops.ui.shell.MainLayout;
import io.payops.ui.shell.ShellView;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the console: the frame pump, the engine service, every feature's ViewModel and view, the layout, the
 * theme, and the remembered window geometry. Tests open it on a TestFX stage the same way the application does.
 */
public final class ConsoleWindow {
    static final String PREFS_FILE = "console.json";
    private static final String TOKENS = "/styles/tokens.css";
    private static final String LIGHT_TOKENS = "/styles/tokens-light.css";

    private final Stage stage;
    private final FramePump pump = new FramePump();
    private final EngineService engine = new EngineService();
    private final ConsoleViewModel console;
    private final ConsoleFeatures features;
    private final MainLayout layout;
    private final Scene scene;
    private JsonFile<ConsolePrefs> prefsFile;
    private ConsolePrefs prefs;

    private ConsoleWindow(Stage stage, ConsoleOptions options) {
        this.stage = stage;
        List<String> warnings = new ArrayList<>();
        prefsFile = new JsonFile<>(options.stateDir().resolve(PREFS_FILE), ConsolePrefs.class);
        prefs = prefsFile.readOr(ConsolePrefs.DEFAULTS, warnings::add);
        String scenario = options.scenario() != null ? options.scenario()
                : prefs.scenario() != null ? prefs.scenario() : ConsoleOptions.DEFAULT_SCENARIO;
        double speed = options.speed() != null ? options.speed() : prefs.speed();
        console = new ConsoleViewModel(pump, engine, scenario, seedFor(scenario, options.seed()), speed,
                options.stateDir().toString());
        console.setTheme(prefs.theme());
        console.setRecommendOnly(prefs.recommendOnly());
        console.stateDirProperty().addListener((o, a, b) -> prefsFile = new JsonFile<>(Path.of(b).resolve(PREFS_FILE),
                ConsolePrefs.class));

        features = new ConsoleFeatures(pump, console.commands());
        layout = new MainLayout(features.views());
        ShellView shell = new ShellView(console, stage::close, this::resetLayout, this::showShortcuts);
        shell.setContent(layout);

        scene = new Scene(shell, prefs.width(), prefs.height());
        applyTheme(console.themeProperty().get());
        console.themeProperty().addListener((o, a, b) -> applyTheme(b));
        features.approvalsView().installShortcuts(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !(scene.getFocusOwner() instanceof TextInputControl)) {
                console.togglePaused();
                e.consume();
            }
        });
        layout.setDividers(prefs.mainDivider(), prefs.sideDivider());
        layout.tabs().getSelectionModel().select(Math.min(prefs.tab(), layout.tabs().getTabs().size() - 1));

        stage.setTitle("PayOps Console");
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        if (Double.isFinite(prefs.x()) && Double.isFinite(prefs.y())) {
            stage.setX(prefs.x());
            stage.setY(prefs.y());
        }
        stage.setMaximized(prefs.maximized());
        // remembered when the window closes, also when stop() never runs (a test's stage, a kill after closing)
        stage.setOnHidden(e -> savePrefs());
        stage.show();
        // dividers settle after the first layout pass
        layout.setDividers(prefs.mainDivider(), prefs.sideDivider());

        pump.start();
        console.start();
        if (!warnings.isEmpty()) {
            console.showError(String.join("\n", warnings));
        }
    }

    /** Builds the console on {@code stage} and shows it. FX thread. */
    public static ConsoleWindow open(Stage stage, ConsoleOptions options) {
        return new ConsoleWindow(stage, options);
    }

    private static long seedFor(String scenario, Long seed) {
        if (seed != null) {
            return seed;
        }
        try {
            return ScenarioLoader.resolve(scenario).seed();
        } catch (BadInputException e) {
            return 7; // the ViewModel reports the bad scenario when it starts
        }
    }

    private void applyTheme(String theme) {
        List<String> sheets = new ArrayList<>(List.of(FxmlViews.stylesheet(TOKENS)));
        if (ConsolePrefs.LIGHT.equals(theme)) {
            sheets.add(FxmlViews.stylesheet(LIGHT_TOKENS));
        }
        scene.getStylesheets().setAll(sheets);
    }

    private void resetLayout() {
        layout.setDividers(ConsolePrefs.DEFAULTS.mainDivider(), ConsolePrefs.DEFAULTS.sideDivider());
        layout.tabs().getSelectionModel().select(0);
        stage.setMaximized(false);
        stage.setWidth(ConsolePrefs.DEFAULTS.width());
        stage.setHeight(ConsolePrefs.DEFAULTS.height());
    }

    private void showShortcuts() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText("""
                Space            pause / resume
                Ctrl+Shift+A     approve the selected (or oldest) request
                Ctrl+Shift+R     reject the selected (or oldest) request
                Ctrl+O           open a scenario file
                Ctrl+Q           quit
                F1               this list""");
        a.show();
    }

    /** Stops the engine and remembers the window; a failure to save is reported, never thrown at exit. */
    public void close() {
        pump.stop();
        console.stop();
        engine.shutdown();
    }

    private void savePrefs() {
        ConsolePrefs p = prefs
                .withWindow(stage.getX(), stage.getY(), stage.isMaximized() ? prefs.width() : scene.getWidth(),
                        stage.isMaximized() ? prefs.height() : scene.getHeight(), stage.isMaximized())
                .withLayout(layout.mainDivider(), layout.sideDivider(), layout.tabs().getSelectionModel().getSelectedIndex())
                .withSession(console.themeProperty().get(), console.scenarioProperty().get(), console.speedProperty().get(),
                        console.recommendOnlyProperty().get());
        try {
            prefsFile.write(p);
        } catch (IOException e) {
            System.err.println("payops: could not remember the window layout in " + prefsFile.path() + ": " + e.getMessage());
        }
    }

    public ConsoleViewModel console() {
        return console;
    }

    public FramePump pump() {
        return pump;
    }

    public Stage stage() {
        return stage;
    }

    public ConsoleFeatures features() {
        return features;
    }

    public MainLayout layout() {
        return layout;
    }
}
