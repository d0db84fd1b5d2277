package io.payops.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;

/** F1: the keyboard shortcuts, keys in one column and what they do in the next, aligned whatever the font. */
public final class ShortcutsDialog extends Alert {
    /** One shortcut: the keys and what they do. */
    public record Shortcut(String keys, String does) {
    }

    public static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Space", "pause / resume (in a replay: play / pause)"),
            new Shortcut("Ctrl+Tab, Ctrl+Shift+Tab", "next / previous tab"),
            new Shortcut("Ctrl+Shift+A", "approve the selected (or oldest) request"),
            new Shortcut("Ctrl+Shift+R", "reject the selected (or oldest) request"),
            new Shortcut("Ctrl+T", "send a test payment"),
            new Shortcut("Ctrl+O", "open a scenario file"),
            new Shortcut("Ctrl+Shift+O", "open a recorded session"),
            new Shortcut("Ctrl+E", "open an event log (read as fast as it reads)"),
            new Shortcut("Ctrl+Shift+E", "follow an event log as it grows"),
            new Shortcut("Ctrl+,", "reasoner settings (heuristics, Gemini, OpenAI-compatible)"),
            new Shortcut("Ctrl+Q", "quit"),
            new Shortcut("F1", "this list"));

    public ShortcutsDialog(Window owner, List<String> stylesheets) {
        super(AlertType.INFORMATION);
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Keyboard shortcuts");
        setHeaderText("Keyboard shortcuts");
        getDialogPane().setId("shortcuts-dialog");
        getDialogPane().getStylesheets().setAll(stylesheets);
        GridPane grid = new GridPane();
        grid.setId("shortcuts-grid");
        grid.setHgap(18);
        grid.setVgap(3);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        int row = 0;
        for (Shortcut s : SHORTCUTS) {
            Label k = new Label(s.keys());
            k.getStyleClass().add("shortcut-keys");
            grid.addRow(row++, k, new Label(s.does()));
        }
        getDialogPane().setContent(grid);
    }
}
