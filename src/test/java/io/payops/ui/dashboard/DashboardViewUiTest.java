package io.payops.ui.dashboard;

import eu.hansolo.tilesfx.Tile;
import io.payops.domain.Frame;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FxWait;
import io.payops.ui.fx.Screenshots;
import io.payops.ui.fx.TestFrames;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both dashboard views at the size the shell gives them on a 1366 × 768 screen (a 1340 × 110 KPI row, an
 * 860 × 430 chart grid), fed 420 simulated seconds of the Stripe outage the way the pump would: in batches of five.
 */
@ExtendWith(ApplicationExtension.class)
@Tag(Screenshots.TAKES)
class DashboardViewUiTest {
    private static final String TOKENS = "/styles/tokens.css";
    private static final String LIGHT_TOKENS = "/styles/tokens-light.css";
    private static List<Frame> frames;
    private Stage stage;
    private KpiTilesViewModel kpiVm;
    private ChartsViewModel chartsVm;
    private KpiTilesView kpiView;
    private ChartsView chartsView;
    private VBox root;

    @BeforeAll
    static void frames() {
        frames = TestFrames.run("stripe-outage", 7, 420);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        kpiVm = new KpiTilesViewModel();
        chartsVm = new ChartsViewModel();
        kpiView = new KpiTilesView(kpiVm);
        chartsView = new ChartsView(chartsVm);
        Region rightOfCharts = new Region(); // where the shell puts another feature
        HBox.setHgrow(rightOfCharts, Priority.ALWAYS);
        HBox middle = new HBox(8, chartsView, rightOfCharts);
        root = new VBox(8, kpiView, middle);
        root.setStyle("-fx-padding: 12px;"); // test scaffolding only
        root.getStylesheets().add(DashboardViewUiTest.class.getResource(TOKENS).toExternalForm());
        kpiView.setPrefSize(1340, 110);
        chartsView.setPrefSize(860, 430);
        stage.setScene(new Scene(root, 1366, 590));
        stage.show();
    }

    private void feedOutage(FxRobot robot) {
        robot.interact(() -> {
            kpiVm.onSessionStart(TestFrames.session("stripe-outage", 7));
            chartsVm.onSessionStart(TestFrames.session("stripe-outage", 7));
            for (int i = 0; i < frames.size(); i += 5) {
                FrameBatch batch = FrameBatch.of(frames.subList(i, Math.min(frames.size(), i + 5)));
                kpiVm.onFrames(batch);
                chartsVm.onFrames(batch);
            }
        });
        FxWait.layoutPulses(stage.getScene(), 2); // the tiles and charts styled and laid out with the outage
    }

    @Test
    void outageShowsOnTilesAndCharts(FxRobot robot) {
        feedOutage(robot);

        // the tiles show the ViewModel's numbers, formatted by the tile with the KPI's decimals, and its captions
        assertShows(robot, "#kpi-success-rate", String.format(Locale.ROOT, "%.1f", kpiVm.successRate().getValue()));
        assertShows(robot, "#kpi-success-rate", kpiVm.successRate().getCaption());
        assertShows(robot, "#kpi-success-rate", "%");
        assertShows(robot, "#kpi-p95-latency", String.format(Locale.ROOT, "%.0f", kpiVm.p95Latency().getValue()));
        assertShows(robot, "#kpi-open-incidents", "1");
        assertShows(robot, "#kpi-open-incidents", "gateway_outage \u00b7 gateway=stripe");
        assertShows(robot, "#kpi-pending-approvals", "1");
        assertShows(robot, "#kpi-prevented-failures",
                String.format(Locale.ROOT, "%.0f", kpiVm.preventedFailures().getValue()));
        assertTrue(kpiVm.successRate().getValue() < 85);
        assertTrue(hasPseudoClass(robot.lookup("#kpi-success-rate").query(), "down"), "the success tile reads as down");
        assertTrue(hasPseudoClass(robot.lookup("#kpi-pending-approvals").query(), "degraded"));
        Tile success = tile(robot, "#kpi-success-rate");
        assertNotNull(success.getTooltip());

        // the time charts: one band each, the shift at 302 s as an executed marker with its tooltip
        assertEquals(1, chartsView.successChart().bandCount());
        assertEquals(1, chartsView.latencyChart().bandCount());
        assertEquals(2, robot.lookup(".incident-band").queryAll().size());
        Set<Node> executed = robot.lookup(".marker-executed").queryAll();
        assertEquals(2 * chartsVm.actionMarkers().size(), executed.size());
        Node marker = executed.iterator().next();
        assertTrue(installedTooltip(marker).getText().contains("executed: shift 50% of stripe's traffic away"));

        // the bars: five issuers, all in trouble during a gateway outage (against baselines that held still: each
        // about ten points under, down or nearly); gateway errors the longest error-mix bar
        assertEquals(5, chartsView.issuerChart().getData().get(0).getData().size());
        assertTrue(robot.lookup("#issuer-chart .chart-bar").queryAll().stream()
                .filter(n -> hasPseudoClass(n, "down") || hasPseudoClass(n, "degraded")).count() == 5);
        assertEquals(2, robot.lookup("#error-mix-chart .chart-bar").queryAll().stream()
                .filter(n -> hasPseudoClass(n, "customer-side")).count());

        robot.interact(() -> snapshot(root, "dashboard-outage"));

        // hovering a marker's flag shows what ran
        robot.moveTo(marker.lookup(".marker-flag"));
        FxWait.waitFor("a tooltip appears over the marker", 60,
                () -> robot.listWindows().stream().anyMatch(DashboardViewUiTest::isShowingTooltip));
    }

    /**
     * At 1920 × 1080 the shell gives the row about 1896 px and the charts about 1240 × 620. The headless screen is
     * smaller than that, so this layout is laid out and drawn off screen, in a scene of its own.
     */
    @Test
    void tilesAndChartsGrowAtFullHd(FxRobot robot) {
        robot.interact(() -> {
            KpiTilesViewModel kpis = new KpiTilesViewModel();
            ChartsViewModel charts = new ChartsViewModel();
            KpiTilesView wideTiles = new KpiTilesView(kpis);
            ChartsView wideCharts = new ChartsView(charts);
            wideTiles.setPrefSize(1896, 110);
            wideCharts.setPrefSize(1240, 620);
            Region rest = new Region();
            HBox.setHgrow(rest, Priority.ALWAYS);
            VBox wide = new VBox(8, wideTiles, new HBox(8, wideCharts, rest));
            wide.setStyle("-fx-padding: 12px;");
            wide.getStylesheets().add(DashboardViewUiTest.class.getResource(TOKENS).toExternalForm());
            new Scene(wide, 1920, 780);
            kpis.onSessionStart(TestFrames.session("stripe-outage", 7));
            charts.onSessionStart(TestFrames.session("stripe-outage", 7));
            for (int i = 0; i < frames.size(); i += 5) {
                FrameBatch batch = FrameBatch.of(frames.subList(i, Math.min(frames.size(), i + 5)));
                kpis.onFrames(batch);
                charts.onFrames(batch);
            }
            wide.applyCss();
            wide.layout();
            double tileWidth = wide.lookup("#kpi-success-rate").getLayoutBounds().getWidth();
            assertTrue(tileWidth > 290, "tiles share the wider row: " + tileWidth);
            assertEquals(1240, wideCharts.getWidth(), 1);
            snapshot(wide, "dashboard-outage-1920");
        });
    }

    @Test
    void tilesFollowTheTheme(FxRobot robot) {
        feedOutage(robot);
        double darkBackground = tile(robot, "#kpi-payments-per-second").getBackgroundColor().getBrightness();
        robot.interact(() -> root.getStylesheets().set(0,
                DashboardViewUiTest.class.getResource(LIGHT_TOKENS).toExternalForm()));
        FxWait.layoutPulses(stage.getScene(), 2); // a CSS pass with the light tokens
        double lightBackground = tile(robot, "#kpi-payments-per-second").getBackgroundColor().getBrightness();
        assertTrue(darkBackground < 0.3 && lightBackground > 0.7,
                "tile background follows -po-surface: " + darkBackground + " -> " + lightBackground);
        assertFalse(tile(robot, "#kpi-success-rate").getValueColor()
                .equals(tile(robot, "#kpi-payments-per-second").getValueColor()), "health colours the value");
        robot.interact(() -> snapshot(root, "dashboard-outage-light"));
    }

    private static void assertShows(FxRobot robot, String tileId, String text) {
        boolean shown = robot.lookup(tileId).lookup((Text t) -> t.isVisible() && text.equals(t.getText().strip()))
                .tryQuery().isPresent();
        assertTrue(shown, tileId + " shows '" + text + "'");
    }

    private static boolean hasPseudoClass(Node node, String name) {
        return node.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals(name));
    }

    private static Tooltip installedTooltip(Node node) {
        return (Tooltip) node.getProperties().get("javafx.scene.control.Tooltip");
    }

    private static boolean isShowingTooltip(Window w) {
        return w instanceof Tooltip t && t.isShowing() && t.getText().contains("executed:");
    }

    private static Tile tile(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(KpiTile.class).getTile();
    }

    private static void snapshot(Node node, String name) {
        Screenshots.write(node, name);
    }
}
