package io.payops.ui.dashboard;

import io.payops.ui.fx.FxWait;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static io.payops.ui.fx.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A KPI tile's texts keep their sizes whatever its value, caption and health become. A stylesheet with a root font
 * (as the console's has) used to put every text back to 12 px when the health changed: the value "0" as small as
 * its caption.
 */
@ExtendWith(ApplicationExtension.class)
class KpiTileUiTest {
    private KpiTile tile;
    private Kpi kpi;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        kpi = new Kpi("pending", "Pending approvals", "", 0, "help");
        tile = new KpiTile();
        tile.setPrefSize(220, 84);
        tile.bindTo(kpi);
        // the console's stylesheets: a root font every text inherits, and the tile's colours per health
        Scene scene = new Scene(new HBox(tile), 400, 100);
        scene.getStylesheets().addAll(io.payops.ui.fx.FxmlViews.stylesheet("/styles/tokens.css"),
                io.payops.ui.fx.FxmlViews.stylesheet("/styles/dashboard.css"));
        stage.setScene(scene);
        stage.show();
    }

    /** The sizes of the tile's title, caption and value, in that order. */
    private List<Long> sizes() {
        return fx(() -> tile.lookupAll("Text").stream().map(n -> (Text) n).filter(t -> !t.getText().isBlank())
                .map(t -> Math.round(t.getFont().getSize())).toList());
    }

    @Test
    void aValueThatFallsToZeroWithAChangeOfHealthKeepsItsSizes(FxRobot robot) {
        robot.interact(() -> kpi.update(1, "next expires in 5:00", HealthLevel.DEGRADED));
        FxWait.layoutPulses(stage.getScene(), 3);
        List<Long> one = sizes();
        long value = one.get(one.size() - 1);
        assertTrue(value > one.get(0) * 1.5, "the value is larger than the title: " + one);
        robot.interact(() -> kpi.update(0, "none waiting", HealthLevel.NEUTRAL));
        FxWait.layoutPulses(stage.getScene(), 3);
        assertEquals(one, sizes(), "the same sizes after the health changed");
        robot.interact(() -> kpi.update(2, "next expires in 4:00", HealthLevel.DOWN));
        FxWait.layoutPulses(stage.getScene(), 3);
        assertEquals(one, sizes(), "and again");
    }
}
