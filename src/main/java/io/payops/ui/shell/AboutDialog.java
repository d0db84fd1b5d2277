package io.payops.ui.shell;

import io.payops.common.Version;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;

/** Help → About: the version, the Java and JavaFX it runs on, and the state folder in use. */
public final class AboutDialog extends Alert {
    /** The facts shown, in order: label and value. */
    public record Fact(String label, String value) {
    }

    public AboutDialog(Window owner, List<String> stylesheets, String stateDir) {
        super(AlertType.INFORMATION);
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("About PayOps Console");
        setHeaderText(Version.TEXT);
        getDialogPane().setId("about-dialog");
        getDialogPane().getStylesheets().setAll(stylesheets);
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        int row = 0;
        for (Fact f : facts(stateDir)) {
            Label value = new Label(f.value());
            value.setId("about-" + f.label().toLowerCase(Locale.ROOT).replace(' ', '-'));
            value.setWrapText(true);
            value.setMaxWidth(420);
            grid.addRow(row++, new Label(f.label()), value);
        }
        getDialogPane().setContent(grid);
    }

    /** What About says: version, Java (version and vendor), JavaFX, operating system and the state folder. */
    public static List<Fact> facts(String stateDir) {
        return List.of(
                new Fact("Version", Version.TEXT),
                new Fact("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"),
                new Fact("JavaFX", String.valueOf(System.getProperty("javafx.runtime.version", "unknown"))),
                new Fact("System", System.getProperty("os.name") + " " + System.getProperty("os.arch")),
                new Fact("State folder", java.nio.file.Path.of(stateDir).toAbsolutePath().normalize().toString()));
    }
}
