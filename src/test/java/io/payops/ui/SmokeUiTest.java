package io.payops.ui;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(ApplicationExtension.class)
class SmokeUiTest {
    private int clicks;

    @Start
    void start(Stage stage) {
        Tile t = TileBuilder.create().skinType(Tile.SkinType.NUMBER).title("x").value(3).build();
        Button b = new Button("go");
        b.setId("go");
        b.setOnAction(e -> clicks++);
        stage.setScene(new Scene(new VBox(t, b), 400, 400));
        stage.show();
    }

    @Test
    void clicks(FxRobot robot) {
        robot.clickOn("#go");
        assertEquals(1, clicks);
    }
}
