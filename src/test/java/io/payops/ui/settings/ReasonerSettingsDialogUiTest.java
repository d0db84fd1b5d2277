package io.payops.ui.settings;

import io.payops.agent.reason.llm.LlmProvider;
import io.payops.agent.reason.llm.LlmSettings;
import io.payops.engine.LiveSession;
import io.payops.ui.fx.EngineHost;
import io.payops.ui.fx.FramePump;
import io.payops.ui.fx.Screenshots;
import io.payops.ui.shell.ShellView;
import io.payops.ui.shell.ShellViewModel;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.payops.ui.fx.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Settings → Reasoner…, headless on Monocle. The first test drives the real shell (menu, toolbar, real console
 * ViewModel on an engine host that runs nothing). The second stands a toolbar label and a console double in for the
 * console, because choosing an LLM restarts the session with the LLM client, which another branch builds.
 */
@ExtendWith(ApplicationExtension.class)
@Tag(Screenshots.TAKES)
class ReasonerSettingsDialogUiTest {
    @TempDir
    static Path state;

    private static final EngineHost NO_ENGINE = new EngineHost() {
        @Override
        public void start(LiveSession session) {
        }

        @Override
        public void stop() {
        }
    };

    private Stage stage;
    private ShellViewModel console;
    private ShellView shell;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = new ShellViewModel(new FramePump(), NO_ENGINE, "stripe-outage", 7, 1, state.toString());
        shell = new ShellView(console, () -> { }, () -> { }, () -> { });
        Scene scene = new Scene(shell, 1366, 300);
        scene.getStylesheets().add(getClass().getResource("/styles/tokens.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
    }

    private static DialogPane dialog(FxRobot robot) {
        return robot.lookup("#reasoner-settings-dialog").queryAs(DialogPane.class);
    }

    private static boolean dialogOpen(FxRobot robot) {
        return fx(() -> robot.lookup("#reasoner-settings-dialog").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).orElse(false));
    }

    private static String text(FxRobot robot, String query) {
        return fx(() -> ((Label) robot.lookup(query).query()).getText());
    }

    private static boolean shown(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).query().isVisible());
    }

    private static void choose(FxRobot robot, String choice) {
        robot.clickOn("#reasoner-choice");
        // the item in the choice box's popup (the status line has a "heuristic" button too)
        robot.clickOn(robot.lookup((Node n) -> n instanceof Label l && choice.equals(l.getText())
                && n.getScene() != null && n.getScene().getWindow() instanceof javafx.stage.PopupWindow)
                .<Node>query());
        assertEquals(choice, fx(() -> robot.lookup("#reasoner-choice").queryAs(ChoiceBox.class).getValue()));
    }

    private static void replaceText(FxRobot robot, String field, String text) {
        robot.doubleClickOn(field);
        robot.interact(() -> ((javafx.scene.control.TextField) robot.lookup(field).query()).selectAll());
        robot.write(text);
    }

    @Test
    void theShellsMenuOpensTheDialogOnTheReasonerInUseAndTheStatusLineShowsIt(FxRobot robot) {
        robot.interact(() -> Screenshots.write(shell, "reasoner-toolbar-start"));
        assertEquals("heuristic", fx(() -> robot.lookup("#reasoner-button").queryButton().getText()));
        robot.clickOn("Settings");
        robot.clickOn("Reasoner…");
        assertTrue(dialogOpen(robot));
        assertEquals("heuristic", fx(() -> robot.lookup("#reasoner-choice").queryAs(ChoiceBox.class).getValue()));
        assertTrue(fx(() -> robot.lookup("#model-field").query().isDisabled()), "LLM fields off for the heuristics");

        choose(robot, "openai");
        assertFalse(fx(() -> robot.lookup("#model-field").query().isDisabled()));
        replaceText(robot, "#base-url-field", "localhost:8080");
        assertTrue(shown(robot, "#base-url-error"));
        assertTrue(text(robot, "#base-url-error").startsWith("base URL 'localhost:8080' is not an http(s) URL"));
        assertTrue(fx(() -> robot.lookup("#reasoner-ok").query().isDisabled()));

        // back to the heuristics: OK restarts the session with them, and the dialog closes
        choose(robot, "heuristic");
        assertFalse(fx(() -> robot.lookup("#reasoner-ok").query().isDisabled()));
        robot.clickOn("#reasoner-ok");
        assertFalse(dialogOpen(robot));
        assertEquals("heuristic", fx(() -> robot.lookup("#reasoner-button").queryButton().getText()));
        assertTrue(console.session() != null, "the session was (re)started");

        // the toolbar button opens it too
        robot.clickOn("#reasoner-button");
        assertTrue(dialogOpen(robot));
        robot.clickOn("#reasoner-cancel");
        assertFalse(dialogOpen(robot));
        robot.interact(() -> Screenshots.write(shell, "reasoner-toolbar-heuristic"));
    }

    @Test
    void pickOpenaiFixABadUrlPressOkAndTheToolbarSaysOpenai(FxRobot robot) {
        // the console double: what ShellViewModel.setReasoner does to the toolbar, without restarting a session
        ReadOnlyStringWrapper reasoner = new ReadOnlyStringWrapper("heuristic");
        LlmSettings[] applied = new LlmSettings[1];
        Consumer<LlmSettings> setReasoner = s -> {
            applied[0] = s;
            reasoner.set(s == null ? "heuristic" : s.provider() + " " + s.model());
        };
        Label inUse = new Label();
        inUse.setId("reasoner-in-use");
        Button open = new Button("Reasoner…");
        open.setId("open-reasoner");
        robot.interact(() -> {
            inUse.textProperty().bind(reasoner);
            open.setOnAction(e -> new ReasonerSettingsDialog(new ReasonerSettingsViewModel(
                    Map.of("GEMINI_API_KEY", "AIza-not-shown"), applied[0], setReasoner),
                    stage, stage.getScene().getStylesheets()).show());
            shell.setTop(new ToolBar(open, inUse));
        });

        robot.clickOn("#open-reasoner");
        assertTrue(dialogOpen(robot));
        choose(robot, "gemini");
        assertTrue(text(robot, "#api-key-hint").startsWith("key from GEMINI_API_KEY"));
        assertEquals("key from GEMINI_API_KEY", fx(() -> robot.lookup("#api-key-field").queryTextInputControl().getPromptText()));
        robot.interact(() -> Screenshots.write(dialog(robot), "reasoner-settings-gemini"));
        choose(robot, "openai");
        assertEquals(LlmProvider.OPENAI.defaultModel(), fx(() -> robot.lookup("#model-field").queryTextInputControl().getText()));

        replaceText(robot, "#base-url-field", "127.0.0.1:8080/v1");
        assertTrue(shown(robot, "#base-url-error"));
        assertEquals("base URL '127.0.0.1:8080/v1' is not a URL (expected e.g. http://127.0.0.1:8080/v1)",
                text(robot, "#base-url-error"));
        assertTrue(fx(() -> robot.lookup("#reasoner-ok").query().isDisabled()), "OK disabled while invalid");
        robot.interact(() -> Screenshots.write(dialog(robot), "reasoner-settings-invalid"));

        replaceText(robot, "#base-url-field", "http://127.0.0.1:8080/v1");
        assertFalse(shown(robot, "#base-url-error"));
        assertFalse(fx(() -> robot.lookup("#reasoner-ok").query().isDisabled()));
        robot.clickOn("#api-key-field").write("sk-typed-in-the-dialog");
        assertEquals("key typed here (kept in memory only)", text(robot, "#api-key-hint"));
        robot.interact(() -> Screenshots.write(dialog(robot), "reasoner-settings-openai"));

        robot.clickOn("#reasoner-ok");
        assertFalse(dialogOpen(robot));
        assertEquals("openai gpt-4o-mini", text(robot, "#reasoner-in-use"));
        assertEquals("http://127.0.0.1:8080/v1", applied[0].baseUrl());
        assertEquals("sk-typed-in-the-dialog", applied[0].apiKey().reveal());
        assertFalse(text(robot, "#reasoner-in-use").contains("sk-typed"));
    }
}
