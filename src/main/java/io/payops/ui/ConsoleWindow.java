package io.payops.ui;

import io.payops.common.BadInputException;
import io.payops.engine.LiveRunner;
import io.payops.report.WhatIfSettings;
import io.payops.sim.ScenarioLoader;
import io.payops.store.JsonFile;
import io.payops.ui.fx.EngineService;
import io.payops.ui.fx.FramePump;
import io.payops.ui.fx.FxUiExecutor;
import io.payops.ui.fx.FxmlViews;
import io.payops.ui.ingest.EventLogBarView;
import io.payops.ui.ingest.EventLogViewModel;
import io.payops.ui.ingest.LogMappingSteps;
import io.payops.ui.replay.RecentSessionsViewModel;
import io.payops.ui.replay.ReplayView;
import io.payops.ui.replay.ReplayViewModel;
import io.payops.ui.shell.ConsolePrefs;
import io.payops.ui.shell.MainLayout;
import io.payops.ui.shell.ShellView;
import io.payops.ui.shell.ShellViewModel;
import io.payops.ui.testpayment.TestPaymentViewModel;
import io.payops.ui.whatif.WhatIfView;
import io.payops.ui.whatif.WhatIfViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
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
    /**
     * How long the connectors wait at exit for the engine thread to end before they close anyway: its loop notices a
     * stop within a tick and then ends its session (a recording's close is waited for as long in LiveSession).
     */
    private static final long CONNECTORS_CLOSE_WAIT_MILLIS = 10_000;

    private final Stage stage;
    private final FramePump pump = new FramePump();
    private final EngineService engine = new EngineService();
    private final ShellViewModel console;
    private final ConsoleFeatures features;
    private final MainLayout layout;
    /** Reads recorded frames, one job at a time (see {@link ReplayViewModel}). */
    private final FxUiExecutor replayThread = new FxUiExecutor("replay");
    /** Lists recorded sessions for the File menu, so that never waits behind a playing replay. */
    private final FxUiExecutor sessionsThread = new FxUiExecutor("sessions-list");
    /** Opens event logs: reading a log's head, or waiting for a followed file's first events, blocks. */
    private final FxUiExecutor eventLogThread = new FxUiExecutor("event-log-open");
    /** The mapping step's reads and inspections: never behind a followed log that waits for its first events. */
    private final FxUiExecutor mappingThread = new FxUiExecutor("event-log-mapping");
    /** What-if runs over a replayed session; a run whose pane went away is cancelled, so the next one never waits. */
    private final FxUiExecutor whatIfThread = new FxUiExecutor("what-if");
    /** Writes exported pictures (a chart as PNG). */
    private final FxUiExecutor exportThread = new FxUiExecutor("export");
    /**
     * Ends the recording when the JVM exits while the window is open. Not an FX crossing: it only tells the recorder
     * to finish its files, off the FX thread, which may already be gone. Removed on {@link #close()}.
     */
    private final Thread endRecordingAtExit;
    private final EventLogViewModel eventLog;
    private final ReplayViewModel replay;
    private final RecentSessionsViewModel recent;
    private final Scene scene;
    private final ShellView shell;
    private final TestPaymentViewModel testPayments;
    /** The What-if tab's ViewModel while a replay is open, else null. */
    private WhatIfViewModel whatIf;
    private JsonFile<ConsolePrefs> prefsFile;
    private ConsolePrefs prefs;

    private io.payops.connect.all.Connectors connectors = io.payops.connect.all.Connectors.NONE;
    private javafx.animation.Timeline connectorsWatch;

    private ConsoleWindow(Stage stage, ConsoleOptions options, boolean asApplication) {
        this.stage = stage;
        List<String> warnings = new ArrayList<>();
        prefsFile = new JsonFile<>(options.stateDir().resolve(PREFS_FILE), ConsolePrefs.class);
        // no remembered window: a first run, which opens maximised on the screen it is on
        boolean firstRun = !java.nio.file.Files.exists(prefsFile.path());
        prefs = prefsFile.readOr(ConsolePrefs.DEFAULTS, warnings::add);
        String scenario = options.scenario() != null ? options.scenario()
                : prefs.scenario() != null ? prefs.scenario() : ConsoleOptions.DEFAULT_SCENARIO;
        double speed = options.speed() != null ? options.speed() : prefs.speed();
        console = new ShellViewModel(pump, engine, scenario, seedFor(scenario, options.seed()), speed,
                options.stateDir().toString());
        console.setTheme(prefs.theme());
        console.setRecommendOnly(prefs.recommendOnly());
        console.setRetention(options.retention());
        console.preselectReasoner(options.llm());
        // what can start runs; each that cannot is named in the banner (once the window is up: a session's start
        // clears the banner) and shown in the status line as not running
        connectors = io.payops.connect.all.Connectors.startWhatCan(options.connectors(), pump::offerNotice);
        console.setConnectors(connectors);
        String notStarted = ShellViewModel.notStartedMessage(connectors);
        if (notStarted != null) {
            warnings.add(notStarted);
        }
        endRecordingAtExit = new Thread(() -> console.endRecordingAtShutdown(3_000), "end-recording");
        Runtime.getRuntime().addShutdownHook(endRecordingAtExit);
        console.stateDirProperty().addListener((o, a, b) -> prefsFile = new JsonFile<>(Path.of(b).resolve(PREFS_FILE),
                ConsolePrefs.class));

        features = new ConsoleFeatures(pump, console.commands(), exportThread, console::showNotice);
        // each request's countdown also says how much wall time that is at the session's speed
        features.approvals().setSpeed(console.speedProperty().get());
        console.speedProperty().addListener((o, was, x) -> features.approvals().setSpeed(x.doubleValue()));
        testPayments = new TestPaymentViewModel(console.commands());
        pump.addListener(testPayments);
        layout = new MainLayout(features.views(), prefs.tab());
        shell = new ShellView(console, stage::close, this::resetLayout, this::showShortcuts);
        shell.setContent(layout);
        shell.attachTestPayment(testPayments);
        features.chaos().setPaused(console.pausedProperty().get());
        console.pausedProperty().addListener((o, a, p) -> features.chaos().setPaused(p));
        // registered with the pump after the features, so a seek's target frame has reached the reasoning pane
        // before the replay pins it to that moment
        replay = new ReplayViewModel(pump, features.reasoning(), replayThread, LiveRunner.Clock.SYSTEM, console::start);
        recent = new RecentSessionsViewModel(sessionsThread, console.stateDirProperty());
        shell.attachReplay(replay, recent, () -> new ReplayView(replay));
        eventLog = new EventLogViewModel(pump, console, eventLogThread);
        watchConnectors();
        shell.attachEventLog(eventLog, () -> new EventLogBarView(eventLog), new LogMappingSteps(mappingThread,
                () -> Path.of(console.stateDirProperty().get()), eventLog, console::showError));
        eventLog.errorProperty().addListener((o, a, message) -> {
            if (message != null) {
                console.showError(message);
                if (!eventLog.isActive() && console.session() == null) {
                    console.start(); // `console --events` on a file that cannot be read: live traffic rather than nothing
                }
            }
        });
        replay.activeProperty().addListener((o, was, on) -> {
            if (on) {
                console.stop(); // no engine in replay: nothing can change routing
                layout.showWhatIf(whatIfPane());
            } else {
                layout.hideWhatIf();
                endWhatIf();
            }
        });
        replay.errorProperty().addListener((o, a, message) -> {
            if (message != null) {
                console.showError(message);
                if (!replay.isActive() && console.session() == null) {
                    console.start(); // `payops replay` on a folder that went bad: live traffic rather than nothing
                }
            }
        });

        scene = new Scene(shell, prefs.width(), prefs.height());
        applyTheme(console.themeProperty().get());
        console.themeProperty().addListener((o, a, b) -> applyTheme(b));
        features.approvalsView().installShortcuts(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && e.isShortcutDown()) {
                // Ctrl+Tab / Ctrl+Shift+Tab: the next or previous tab, wherever the focus is
                var tabs = layout.tabs().getSelectionModel();
                int n = layout.tabs().getTabs().size();
                tabs.select(Math.floorMod(tabs.getSelectedIndex() + (e.isShiftDown() ? -1 : 1), n));
                e.consume();
                return;
            }
            if (e.getCode() == KeyCode.SPACE && !(scene.getFocusOwner() instanceof TextInputControl)) {
                if (replay.isActive()) {
                    replay.togglePlaying();
                } else {
                    console.togglePaused();
                }
                e.consume();
            }
        });
        layout.setDividers(prefs.mainDivider(), prefs.sideDivider());

        stage.titleProperty().bind(javafx.beans.binding.Bindings.when(eventLog.activeProperty())
                .then(eventLog.windowTitleProperty()).otherwise(replay.windowTitleProperty()));
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        if (Double.isFinite(prefs.x()) && Double.isFinite(prefs.y())) {
            stage.setX(prefs.x());
            stage.setY(prefs.y());
        }
        if (firstRun && asApplication) {
            fillScreen();
        } else {
            stage.setMaximized(prefs.maximized());
        }
        // remembered when the window closes, also when stop() never runs (a test's stage, a kill after closing)
        stage.setOnHidden(e -> savePrefs());
        boolean live = options.replay() == null && options.eventLog() == null && options.kafka() == null;
        if (live && asApplication) {
            // before the window is shown: the engine's first ticks run while the scene gets its CSS and layout
            console.start();
        }
        stage.show();
        // dividers settle after the first layout pass
        layout.setDividers(prefs.mainDivider(), prefs.sideDivider());

        pump.start();
        if (options.replay() != null) {
            replay.open(options.replay());
        } else if (options.eventLog() != null) {
            eventLog.open(options.eventLog(), options.follow(), options.mapping());
        } else if (options.kafka() != null) {
            eventLog.openKafka(options.kafka(), options.mapping());
        } else if (!asApplication) {
            console.start(); // a test's window: the session starts once the window is up, as it always has
        }
        recent.refresh();
        if (!warnings.isEmpty()) {
            console.showError(String.join("\n", warnings));
        }
    }

    /**
     * A first run: the window takes the whole visible area of the screen it opens on (the one under the pointer's
     * primary screen when nothing says otherwise), and is maximised there, so a window manager shows it as such too.
     */
    private void fillScreen() {
        javafx.geometry.Rectangle2D centre = new javafx.geometry.Rectangle2D(
                Double.isFinite(stage.getX()) ? stage.getX() : 0, Double.isFinite(stage.getY()) ? stage.getY() : 0, 1, 1);
        javafx.stage.Screen screen = javafx.stage.Screen.getScreensForRectangle(centre).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary());
        javafx.geometry.Rectangle2D area = screen.getVisualBounds();
        stage.setX(area.getMinX());
        stage.setY(area.getMinY());
        stage.setWidth(area.getWidth());
        stage.setHeight(area.getHeight());
        stage.setMaximized(true);
    }

    /** Builds the console on {@code stage} and shows it, at the remembered size (or 1366×768). FX thread. */
    public static ConsoleWindow open(Stage stage, ConsoleOptions options) {
        return new ConsoleWindow(stage, options, false);
    }

    /**
     * The same, as the application opens it ({@code asApplication}): a first run (no window remembered in the state
     * folder) opens maximised on the screen the window is on, and a live session starts before the window is shown,
     * so its first frames are ready when the window is. Tests use {@link #open(Stage, ConsoleOptions)}, whose session
     * starts once the window is up.
     */
    public static ConsoleWindow open(Stage stage, ConsoleOptions options, boolean asApplication) {
        return new ConsoleWindow(stage, options, asApplication);
    }

    /**
     * Runs {@code then} once, when the first live frame has been applied to the views and laid out in the window
     * (the splash closes then, and the start-up time is taken). FX thread.
     */
    public void onFirstFrameShown(Runnable then) {
        pump.addListener(new io.payops.ui.fx.FrameListener() {
            private boolean done;

            @Override
            public void onSessionStart(io.payops.ui.fx.SessionInfo session) {
            }

            @Override
            public void onFrames(io.payops.ui.fx.FrameBatch batch) {
                if (done) {
                    return;
                }
                done = true;
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    then.run();
                };
                scene.addPostLayoutPulseListener(once[0]);
            }
        });
    }

    /** The what-if over the session being replayed, starting from the settings and lessons it was recorded with. */
    private Node whatIfPane() {
        io.payops.store.SessionMeta meta = replay.meta();
        io.payops.domain.ApprovalMode mode;
        try {
            mode = io.payops.domain.ApprovalMode.parse(meta.approval());
        } catch (IllegalArgumentException e) {
            mode = io.payops.domain.ApprovalMode.MANUAL;
        }
        endWhatIf();
        whatIf = new WhatIfViewModel(replay::framesForWhatIf, replay.world(), WhatIfSettings.defaults(mode), whatIfThread);
        whatIf.setStartLessons(meta.lessons());
        whatIf.setSeek(replay::seekToTime);
        return new WhatIfView(whatIf);
    }

    /** The What-if tab went: a run still going over the old recording stops. */
    private void endWhatIf() {
        if (whatIf != null) {
            whatIf.cancel();
            whatIf = null;
        }
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
        new io.payops.ui.shell.ShortcutsDialog(stage, scene.getStylesheets()).show();
    }

    /**
     * The status line's connectors: a Kafka topic read (while connected), then the outgoing connectors. health() reads
     * counters (no I/O), so the FX thread asks once a second.
     */
    private void watchConnectors() {
        connectorsWatch = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(1), e -> showConnectors()));
        connectorsWatch.setCycleCount(javafx.animation.Animation.INDEFINITE);
        connectorsWatch.play();
        // a topic connected or left shows at once, not at the next second
        eventLog.openingProperty().addListener((o, was, now) -> showConnectors());
        eventLog.activeProperty().addListener((o, was, now) -> showConnectors());
        showConnectors();
    }

    private void showConnectors() {
        List<io.payops.connect.ConnectorHealth> health = new ArrayList<>(eventLog.sourceHealth());
        health.addAll(connectors.health());
        console.showConnectors(health);
    }

    /** Stops the engine and remembers the window; a failure to save is reported, never thrown at exit. */
    public void close() {
        pump.stop();
        replay.close();
        eventLog.close();
        endWhatIf();
        console.stop();
        console.awaitRecordingClosed(3_000);
        engine.shutdown();
        if (connectorsWatch != null) {
            connectorsWatch.stop();
        }
        closeConnectorsAfterTheEngine();
        for (FxUiExecutor e : List.of(replayThread, sessionsThread, eventLogThread, mappingThread, whatIfThread,
                exportThread)) {
            e.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(endRecordingAtExit);
        } catch (IllegalStateException exiting) {
            // close() called by the exit itself: the hook is running or about to, which is what it is for
        }
    }

    /**
     * After {@link #close}, on any thread but the FX thread: waits until the engine thread has ended and the last
     * session's recording is closed, so nothing writes in the state folder any more. {@code close} waits only
     * briefly, as it runs on the FX thread at exit; whoever removes the folder next (a test) waits here. False if
     * {@code millis} passed first.
     */
    public boolean awaitStateFolderQuiet(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        boolean quiet = engine.awaitTerminated(millis)
                && console.awaitRecordingClosed(Math.max(1, (end - System.nanoTime()) / 1_000_000L));
        Thread closing = connectorsClosing;
        if (closing != null) {
            closing.join(Math.max(1, (end - System.nanoTime()) / 1_000_000L));
            quiet &= !closing.isAlive();
        }
        return quiet;
    }

    /** The thread closing the connectors at exit, or null before {@link #close}. */
    private volatile Thread connectorsClosing;

    /**
     * Closes the connectors off the FX thread, once the engine thread has ended: closing waits for their last
     * deliveries (an Alertmanager or router that is down can hold it for seconds), and the session's end, which the
     * engine thread tells them, must reach them before they close. Not a daemon, so the JVM's exit waits for it.
     */
    private void closeConnectorsAfterTheEngine() {
        io.payops.connect.all.Connectors all = connectors;
        Thread t = new Thread(() -> {
            try {
                engine.awaitTerminated(CONNECTORS_CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            all.close();
        }, "close-connectors");
        connectorsClosing = t;
        t.start();
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

    public ShellViewModel console() {
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

    /** The background thread that writes exported files (for tests that save a chart without the file chooser). */
    public io.payops.ui.fx.UiExecutor exportExecutor() {
        return exportThread;
    }

    public TestPaymentViewModel testPayments() {
        return testPayments;
    }

    public ReplayViewModel replay() {
        return replay;
    }

    public EventLogViewModel eventLog() {
        return eventLog;
    }

    public ShellView shell() {
        return shell;
    }

    public MainLayout layout() {
        return layout;
    }
}
