package io.payops.ui.shell;

import io.payops.ui.fx.FxmlViews;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;

/**
 * The console's frame: menu, toolbar, error banner, status line, and the features in the middle. It binds to a
 * {@link ConsoleViewModel} and forwards what the user does; every decision is the ViewModel's.
 */
public final class ShellView extends BorderPane {
    private static final String AUTONOMOUS = "Autonomous within guardrails";
    private static final String RECOMMEND = "Recommend only";

    @FXML private MenuItem openScenarioItem;
    @FXML private MenuItem chooseStateItem;
    @FXML private MenuItem quitItem;
    @FXML private RadioMenuItem darkItem;
    @FXML private RadioMenuItem lightItem;
    @FXML private MenuItem resetLayoutItem;
    @FXML private MenuItem shortcutsItem;
    @FXML private ComboBox<String> scenarioBox;
    @FXML private ToggleButton pauseButton;
    @FXML private ComboBox<Double> speedBox;
    @FXML private TextField seedField;
    @FXML private Button restartButton;
    @FXML private ChoiceBox<String> modeBox;
    @FXML private Button stateButton;
    @FXML private HBox errorBanner;
    @FXML private Label errorLabel;
    @FXML private Button dismissErrorButton;
    @FXML private Label clockLabel;
    @FXML private Label statusLabel;
    @FXML private Label descriptionLabel;

    private final ConsoleViewModel vm;

    public ShellView(ConsoleViewModel vm, Runnable onQuit, Runnable onResetLayout, Runnable onShowShortcuts) {
        this.vm = vm;
        FxmlViews.load(this, "/fxml/shell/ShellView.fxml");
        getStylesheets().add(FxmlViews.stylesheet("/styles/shell.css"));

        scenarioBox.setItems(vm.scenarios());
        scenarioBox.getSelectionModel().select(vm.scenarioProperty().get());
        vm.scenarioProperty().addListener((o, a, b) -> scenarioBox.getSelectionModel().select(b));
        scenarioBox.setOnAction(e -> vm.selectScenario(scenarioBox.getValue()));
        scenarioBox.setTooltip(new Tooltip("The scenario to simulate: choosing one starts a new session"));

        pauseButton.setSelected(vm.pausedProperty().get());
        vm.pausedProperty().addListener((o, a, b) -> pauseButton.setSelected(b));
        pauseButton.textProperty().bind(javafx.beans.binding.Bindings.when(vm.pausedProperty()).then("Play").otherwise("Pause"));
        pauseButton.setOnAction(e -> vm.setPaused(pauseButton.isSelected()));
        pauseButton.setTooltip(new Tooltip("Pause or resume the simulation (Space)"));

        speedBox.getItems().setAll(ConsoleViewModel.SPEEDS);
        speedBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double x) {
                return x == null ? "" : "×" + ConsoleViewModel.speedLabel(x);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", "").trim());
            }
        });
        speedBox.setValue(vm.speedProperty().get());
        vm.speedProperty().addListener((o, a, b) -> speedBox.setValue(b.doubleValue()));
        speedBox.setOnAction(e -> {
            if (speedBox.getValue() != null) {
                vm.setSpeed(speedBox.getValue());
            }
        });
        speedBox.setTooltip(new Tooltip("Simulated seconds per wall-clock second"));

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

        errorLabel.textProperty().bind(vm.errorProperty());
        vm.errorProperty().addListener((o, a, b) -> showBanner(b != null && !b.isBlank()));
        showBanner(vm.errorProperty().get() != null);
        dismissErrorButton.setOnAction(e -> vm.dismissError());
        dismissErrorButton.setTooltip(new Tooltip("Hide this message"));

        clockLabel.textProperty().bind(vm.clockProperty());
        clockLabel.setTooltip(new Tooltip("Simulated time since the session started"));
        statusLabel.textProperty().bind(vm.statusProperty());
        descriptionLabel.textProperty().bind(vm.scenarioDescriptionProperty());

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
    }

    public void setContent(Node content) {
        setCenter(content);
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
