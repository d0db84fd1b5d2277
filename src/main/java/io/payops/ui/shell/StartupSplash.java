package io.payops.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * What shows the moment the console is launched, before the views are built and the engine's first frame arrives:
 * a small undecorated window with the name, a progress bar and what is happening. It closes when the first live
 * frame is on screen. Plain nodes only (no stylesheet, no TilesFX), so it opens in a few hundred ms.
 */
public final class StartupSplash {
    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final Label step = new Label("Building the views…");

    public StartupSplash() {
        Label name = new Label("PayOps Console");
        name.setStyle("-fx-font-size: 20px; -fx-font-weight: bold; -fx-text-fill: #e7eaf0;");
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(320);
        step.setStyle("-fx-text-fill: #9aa4b5;");
        step.setId("splash-step");
        VBox box = new VBox(14, name, bar, step);
        box.setAlignment(Pos.CENTER);
        // the splash has no stylesheet of its own: the dark theme's colours, inline, so it shows before any CSS loads
        box.setStyle("-fx-background-color: #12151b; -fx-padding: 28; -fx-border-color: #323a48;");
        stage.setScene(new Scene(box, 420, 170));
        stage.setTitle("PayOps Console");
        var screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX() + (screen.getWidth() - 420) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - 170) / 2);
    }

    public void show() {
        stage.show();
    }

    /** What is happening now, e.g. "Waiting for the first frame…". */
    public void step(String text) {
        step.setText(text);
    }

    public void close() {
        stage.close();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }
}
