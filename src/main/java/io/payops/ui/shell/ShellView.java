package io.payops.ui.shell;

import io.payops.ui.fx.FxmlViews;
import io.payops.ui.fx.SpeedPicker;
import io.payops.ui.ingest.EventLogViewModel;
import io.payops.ui.ingest.LogMappingDialog;
import io.payops.ui.ingest.LogMappingSteps;
import io.payops.ui.ingest.LogMappingViewModel;
import io.payops.ui.replay.RecentSession;
import io.payops.ui.replay.RecentSessionsViewModel;
import io.payops.ui.replay.ReplayViewModel;
import io.payops.ui.settings.ReasonerSettingsDialog;
import io.payops.ui.settings.ReasonerSettingsViewModel;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;

/**
 * The console's frame: menu, toolbar, error banner, status line, and the features in the middle. It binds to a
 * {@link ShellViewModel} and forwards what the user does; every decision is the ViewModel's.
 */
public final class ShellView extends BorderPane {
    private static final String AUTONOMOUS = "Autonomous within guardrails";
    private static final String RECOMMEND = "Recommend only";
    private static final PseudoClass REPLAY = PseudoClass.getPseudoClass("replay");
    private static final PseudoClass NOTICE = PseudoClass.getPseudoClass("notice");

    @FXML private Menu fileMenu;
    @FXML private MenuItem openScenarioItem;
    @FXML private MenuItem openSessionItem;
    @FXML private Menu recentSessionsMenu;
    @FXML private VBox replaySlot;
    @FXML private VBox eventLogSlot;
    @FXML private MenuItem openEventLogItem;
    @FXML private MenuItem followLogItem;
    @FXML private MenuItem connectKafkaItem;
    @FXML private HBox statusBar;
    @FXML private ToolBar toolBar;
    @FXML private MenuItem chooseStateItem;
    @FXML private MenuItem quitItem;
    @FXML private RadioMenuItem darkItem;
    @FXML private RadioMenuItem lightItem;
    @FXML private MenuItem resetLayoutItem;
    @FXML private MenuItem shortcutsItem;
    @FXML private MenuItem testPaymentItem;
    @FXML private MenuItem aboutItem;
    @FXML private Label heartbeatLabel;
    @FXML private Label connectorsLabel;
    @FXML private ComboBox<String> scenarioBox;
    @FXML private ToggleButton pauseButton;
    @FXML private ComboBox<Double> speedBox;
    @FXML private TextField seedField;
    @FXML private Button restartButton;
    @FXML private ChoiceBox<String> modeBox;
    @FXML private Button stateButton;
    @FXML private MenuItem reasonerItem;
    @FXML private CheckMenuItem pauseOnRequestItem;
    @FXML private Button reasonerButton;
    @FXML private HBox errorBanner;
    @FXML private Label errorLabel;
    @FXML private Button dismissErrorButton;
    @FXML private Label clockLabel;
    @FXML private Label statusLabel;
    @FXML private Label descriptionLabel;

    private final ShellViewModel vm;
    private ReplayViewModel replay;
    private LogMappingSteps mappingSteps;

    public ShellView(ShellViewModel vm, Runnable onQuit, Runnable onResetLayout, Runnable onShowShortcuts) {
        this.vm = vm;
        FxmlViews.load(this, "/fxml/shell/ShellView.fxml");
        getStylesheets().add(FxmlViews.stylesheet("/styles/shell.css"));

        scenarioBox.setItems(vm.scenarios());
        scenarioBox.getSelectionModel().select(vm.scenarioProperty().get());
        vm.scenarioProperty().addListener((o, a, b) -> scenarioBox.getSelectionModel().select(b));
        scenarioBox.setOnAction(e -> vm.selectScenario(scenarioBox.getValue()));
        // a scenario file reads as its name; its whole path is in the tooltip and the status line's description
        scenarioBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String scenario) {
                return ScenarioNames.shown(scenario);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        scenarioBox.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String scenario, boolean empty) {
                super.updateItem(scenario, empty);
                setText(empty || scenario == null ? null : ScenarioNames.shown(scenario));
            }
        });
        Tooltip scenarioTip = new Tooltip();
        scenarioTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "The scenario to "
                + "simulate: choosing one starts a new session. Now: " + vm.scenarioProperty().get()
                + "\n" + vm.scenarioDescriptionProperty().get(), vm.scenarioProperty(), vm.scenarioDescriptionProperty()));
        scenarioTip.setWrapText(true);
        scenarioTip.setMaxWidth(480);
        scenarioBox.setTooltip(scenarioTip);

        pauseButton.setSelected(vm.pausedProperty().get());
        vm.pausedProperty().addListener((o, a, b) -> pauseButton.setSelected(b));
        pauseButton.textProperty().bind(javafx.beans.binding.Bindings.when(vm.pausedProperty()).then("Play").otherwise("Pause"));
        pauseButton.setOnAction(e -> vm.setPaused(pauseButton.isSelected()));
        pauseButton.setTooltip(new Tooltip("Pause or resume the simulation (Space)"));

        SpeedPicker.bind(speedBox, ShellViewModel.SPEEDS, vm.speedProperty(), vm::setSpeed);

        seedField.setText(vm.seedTextProperty().get());
        vm.seedTextProperty().addListener((o, a, b) -> seedField.setText(b));
        seedField.setOnAction(e -> vm.applySeed(seedField.getText()));
        seedField.setTooltip(new Tooltip("The random seed: the same scenario and seed replay the same traffic. "
                + "Press Enter or Restart to apply"));
        restartButton.setOnAction(e -> vm.applySeed(seedField.getText()));
        restartButton.setTooltip(new Tooltip("Start the scenario again from t = 0 with this seed"));

        modeBox.getItems().setAll(AUTONOMOUS, RECOMMEND);
        modeBox.setValue(vm.recommendOnlyProperty().get() ? RECOMMEND : AUTONOMOUS);
        vm.recommendOnlyProperty().addListener((o, a, b) -> modeBox.setValue(b ? RECOMMEND : AUTONOMOUS));
        modeBox.setOnAction(e -> vm.setRecommendOnly(RECOMMEND.equals(modeBox.getValue())));
        modeBox.setTooltip(new Tooltip("Autonomous: the agent takes safe actions alone and asks for the rest. "
                + "Recommend only: every routing change waits for your approval"));

        stateButton.textProperty().bind(vm.stateDirProperty());
        stateButton.setOnAction(e -> chooseStateDir());
        stateButton.setTooltip(new Tooltip("Where the console keeps its state (window layout, and later sessions "
                + "and lessons). Click to choose another folder"));

        reasonerButton.textProperty().bind(vm.reasonerProperty());
        reasonerButton.setOnAction(e -> openReasonerSettings());
        reasonerButton.setTooltip(new Tooltip("Where hypotheses come from: the heuristics, or an LLM (its provider "
                + "and model). Decisions always stay with the policy engine. Click to change it (Ctrl+,)"));
        reasonerItem.setOnAction(e -> openReasonerSettings());
        pauseOnRequestItem.setSelected(vm.pauseOnRequestProperty().get());
        pauseOnRequestItem.setOnAction(e -> vm.setPauseOnRequest(pauseOnRequestItem.isSelected()));

        errorLabel.textProperty().bind(vm.errorProperty());
        vm.errorProperty().addListener((o, a, b) -> showBanner(b != null && !b.isBlank()));
        showBanner(vm.errorProperty().get() != null);
        vm.noticeProperty().addListener((o, a, b) -> errorBanner.pseudoClassStateChanged(NOTICE, b));
        dismissErrorButton.setOnAction(e -> vm.dismissError());
        dismissErrorButton.setTooltip(new Tooltip("Hide this message"));

        clockLabel.textProperty().bind(vm.clockProperty());
        clockLabel.setTooltip(new Tooltip("Simulated time since the session started"));
        statusLabel.textProperty().bind(vm.statusProperty());
        descriptionLabel.textProperty().bind(vm.scenarioDescriptionProperty());
        // the status line has room for part of a long description: the whole of it on hover
        Tooltip description = new Tooltip();
        description.setWrapText(true);
        description.setMaxWidth(520);
        description.textProperty().bind(descriptionLabel.textProperty());
        descriptionLabel.setTooltip(description);
        io.payops.ui.fx.WholeText.install(descriptionLabel);

        ToggleGroup themes = new ToggleGroup();
        darkItem.setToggleGroup(themes);
        lightItem.setToggleGroup(themes);
        (ConsolePrefs.LIGHT.equals(vm.themeProperty().get()) ? lightItem : darkItem).setSelected(true);
        darkItem.setOnAction(e -> vm.setTheme(ConsolePrefs.DARK));
        lightItem.setOnAction(e -> vm.setTheme(ConsolePrefs.LIGHT));
        openScenarioItem.setOnAction(e -> chooseScenarioFile());
        chooseStateItem.setOnAction(e -> chooseStateDir());
        quitItem.setOnAction(e -> onQuit.run());
        resetLayoutItem.setOnAction(e -> onResetLayout.run());
        shortcutsItem.setOnAction(e -> onShowShortcuts.run());
        aboutItem.setOnAction(e -> showAbout());
        heartbeatLabel.textProperty().bind(vm.heartbeatProperty());
        connectorsLabel.textProperty().bind(vm.connectorsStatusProperty());
        connectorsLabel.visibleProperty().bind(vm.connectorsStatusProperty().isNotEmpty());
        connectorsLabel.managedProperty().bind(connectorsLabel.visibleProperty());
        Tooltip connectorsTip = new Tooltip();
        connectorsTip.textProperty().bind(vm.connectorsDetailProperty());
        connectorsLabel.setTooltip(connectorsTip);
        vm.connectorsFailingProperty().addListener((o, was, now) -> connectorsLabel.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("failing"), now));
        heartbeatLabel.setTooltip(new Tooltip("The agent's last cycle: how many it has run in this session and how "
                + "long the last one took. It moves while the agent is alive"));
    }

    public void setContent(Node content) {
        setCenter(content);
    }

    /**
     * Builds {@code bar} into {@code slot} the first time {@code shown} holds, and keeps it. A live launch shows
     * neither the replay bar nor the event-log bar, and a hidden node is styled and laid out all the same: building
     * them only when needed takes them out of the work before the first frame. The bar is built within the change
     * that shows it, so it is there in the same pulse; its ViewModel already holds everything it shows.
     */
    private static void fillWhenShown(VBox slot, javafx.beans.value.ObservableBooleanValue shown,
                                      java.util.function.Supplier<Node> bar) {
        if (shown.get()) {
            slot.getChildren().setAll(bar.get());
            return;
        }
        shown.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    shown.removeListener(this);
                    slot.getChildren().setAll(bar.get());
                }
            }
        });
    }

    /**
     * Adds replay: File → Open session… and Recent sessions, and the replay bar, which takes the live toolbar's place
     * while a recorded session is open (and shows the load progress while one opens). The status line then says
     * what the replay is doing instead of the live engine.
     */
    public void attachReplay(ReplayViewModel replay, RecentSessionsViewModel recent,
                             java.util.function.Supplier<Node> replayBar) {
        this.replay = replay;
        var showBar = replay.activeProperty().or(replay.loadingProperty());
        fillWhenShown(replaySlot, showBar, replayBar);
        replaySlot.visibleProperty().bind(showBar);
        replaySlot.managedProperty().bind(showBar);
        toolBar.visibleProperty().bind(replay.activeProperty().not());
        toolBar.managedProperty().bind(replay.activeProperty().not());
        statusLabel.textProperty().bind(javafx.beans.binding.Bindings.when(replay.activeProperty())
                .then(replay.statusProperty()).otherwise(vm.statusProperty()));
        replay.activeProperty().addListener((o, a, b) -> statusBar.pseudoClassStateChanged(REPLAY, b));
        descriptionLabel.textProperty().bind(javafx.beans.binding.Bindings.when(replay.activeProperty())
                .then(replay.summaryProperty()).otherwise(vm.scenarioDescriptionProperty()));

        openSessionItem.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a recorded session");
            File start = recent.sessionsDir().toFile();
            if (start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
            File f = chooser.showDialog(getScene().getWindow());
            if (f != null) {
                replay.open(f.toPath());
            }
        });
        fileMenu.setOnShowing(e -> recent.refresh());
        recent.sessions().addListener((ListChangeListener<RecentSession>) c -> fillRecent(replay, recent));
        fillRecent(replay, recent);
    }

    /**
     * Adds event logs (after {@link #attachReplay}): File → Open event log… and Follow log…, and the event-log bar,
     * which takes the live toolbar's place while a log is opened, read or followed. The status line and the
     * description then say what the log run is doing. A chosen file goes through the mapping step first.
     */
    public void attachEventLog(EventLogViewModel eventLog, java.util.function.Supplier<Node> eventLogBar,
                               LogMappingSteps mappingSteps) {
        this.mappingSteps = mappingSteps;
        var showBar = eventLog.activeProperty().or(eventLog.openingProperty());
        fillWhenShown(eventLogSlot, showBar, eventLogBar);
        eventLogSlot.visibleProperty().bind(showBar);
        eventLogSlot.managedProperty().bind(showBar);
        var live = replay.activeProperty().or(eventLog.activeProperty()).not();
        toolBar.visibleProperty().bind(live);
        toolBar.managedProperty().bind(live);
        statusLabel.textProperty().bind(javafx.beans.binding.Bindings.when(eventLog.activeProperty())
                .then(eventLog.statusProperty())
                .otherwise(javafx.beans.binding.Bindings.when(replay.activeProperty())
                        .then(replay.statusProperty()).otherwise(vm.statusProperty())));
        descriptionLabel.textProperty().bind(javafx.beans.binding.Bindings.when(eventLog.activeProperty())
                .then(eventLog.summaryProperty())
                .otherwise(javafx.beans.binding.Bindings.when(replay.activeProperty())
                        .then(replay.summaryProperty()).otherwise(vm.scenarioDescriptionProperty())));
        openEventLogItem.setOnAction(e -> chooseEventLog(false));
        followLogItem.setOnAction(e -> chooseEventLog(true));
        connectKafkaItem.setOnAction(e -> showKafkaDialog(eventLog));
    }

    /** File → Connect to Kafka…: the dialog, shown without blocking. (Public for tests.) */
    public io.payops.ui.ingest.KafkaConnectDialog showKafkaDialog(EventLogViewModel eventLog) {
        var dialog = new io.payops.ui.ingest.KafkaConnectDialog(eventLog,
                getScene() == null ? null : getScene().getWindow(),
                getScene() == null ? java.util.List.of() : getScene().getStylesheets());
        dialog.show();
        return dialog;
    }

    private void chooseEventLog(boolean follow) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(follow ? "Follow an event log as it grows" : "Open an event log");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Event logs (*.jsonl, *.ndjson, *.json, *.csv, *.gz)",
                        "*.jsonl", "*.ndjson", "*.json", "*.csv", "*.gz"),
                new FileChooser.ExtensionFilter("JSON lines (*.jsonl, *.ndjson, *.json)", "*.jsonl", "*.ndjson", "*.json"),
                new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"),
                new FileChooser.ExtensionFilter("Gzipped (*.gz)", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            showMappingStep(f.toPath(), follow);
        }
    }

    /**
     * The mapping step for a chosen log: how its columns and words will be read, before anything runs. Open runs
     * it; Cancel opens nothing. (Public for tests: a file chooser cannot be driven headless.)
     */
    public LogMappingDialog showMappingStep(Path file, boolean follow) {
        LogMappingViewModel step = mappingSteps.step(file, follow);
        LogMappingDialog dialog = new LogMappingDialog(step, getScene() == null ? null : getScene().getWindow(),
                getScene() == null ? java.util.List.of() : getScene().getStylesheets());
        dialog.show();
        step.start();
        return dialog;
    }

    /** Adds Tools → Send a test payment…, which opens (or brings back) one non-modal dialog. */
    public void attachTestPayment(io.payops.ui.testpayment.TestPaymentViewModel payments) {
        testPaymentItem.setOnAction(e -> showTestPayment(payments));
    }

    private io.payops.ui.testpayment.TestPaymentDialog testPaymentDialog;

    /** Opens the test payment dialog, or brings it to the front when it is open. (Public for tests.) */
    public io.payops.ui.testpayment.TestPaymentDialog showTestPayment(io.payops.ui.testpayment.TestPaymentViewModel payments) {
        if (testPaymentDialog == null) {
            testPaymentDialog = new io.payops.ui.testpayment.TestPaymentDialog(payments,
                    getScene() == null ? null : getScene().getWindow(),
                    getScene() == null ? java.util.List.of() : getScene().getStylesheets());
        }
        if (testPaymentDialog.isShowing()) {
            ((javafx.stage.Stage) testPaymentDialog.getDialogPane().getScene().getWindow()).toFront();
        } else {
            testPaymentDialog.show();
        }
        return testPaymentDialog;
    }

    /** Help → About. (Public for tests.) */
    public AboutDialog showAbout() {
        AboutDialog about = new AboutDialog(getScene() == null ? null : getScene().getWindow(),
                getScene() == null ? java.util.List.of() : getScene().getStylesheets(), vm.stateDirProperty().get());
        about.show();
        return about;
    }

    private void fillRecent(ReplayViewModel replay, RecentSessionsViewModel recent) {
        recentSessionsMenu.getItems().clear();
        for (RecentSession s : recent.sessions()) {
            MenuItem item = new MenuItem(s.label());
            item.setOnAction(e -> replay.open(s.dir()));
            recentSessionsMenu.getItems().add(item);
        }
        if (recentSessionsMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No sessions in " + recent.sessionsDir());
            none.setDisable(true);
            recentSessionsMenu.getItems().add(none);
        }
    }

    /**
     * Settings → Reasoner…: OK restarts the session with the chosen reasoner. The environment is read here, once per
     * opening, for the key hint and the default key; the key itself stays in the settings object in memory.
     */
    private void openReasonerSettings() {
        ReasonerSettingsViewModel settings = new ReasonerSettingsViewModel(System.getenv(), vm.reasonerSettings(),
                vm::setReasoner);
        ReasonerSettingsDialog dialog = new ReasonerSettingsDialog(settings,
                getScene() == null ? null : getScene().getWindow(),
                getScene() == null ? java.util.List.of() : getScene().getStylesheets());
        dialog.show();
    }

    private void showBanner(boolean show) {
        errorBanner.setVisible(show);
        errorBanner.setManaged(show);
    }

    private void chooseScenarioFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a scenario file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario JSON", "*.json"));
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.selectScenario(f.getPath());
        }
    }

    private void chooseStateDir() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the state directory");
        File current = new File(vm.stateDirProperty().get());
        if (current.isDirectory()) {
            chooser.setInitialDirectory(current);
        }
        File f = chooser.showDialog(getScene().getWindow());
        if (f != null) {
            vm.setStateDir(f.getPath());
        }
    }
}
