package io.payops.ui.shell;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Where the features sit: KPI tiles across the top; on the left, tabs (Overview with the gateway cards and charts,
 * Chaos, Timeline and audit, Learning, Tickets); on the right, approvals above the reasoning pane. Sized for 1366×768 and up.
 */
public final class MainLayout extends VBox {
    private final SplitPane main = new SplitPane();
    private final SplitPane side = new SplitPane();
    private final TabPane tabs = new TabPane();

    public record Features(Node tiles, Node gateways, Node charts, Node approvals, Node reasoning, Node chaos,
                           Node audit, Node learning, Node tickets) {
    }

    /** The side pane's narrowest (approvals over reasoning), whatever the divider says. */
    static final double SIDE_MIN_WIDTH = 400;

    public MainLayout(Features f) {
        getStyleClass().add("main-layout");
        // the cards scroll sideways when the pane is narrower than four cards (a 1024-pixel window), rather than
        // sliding under the side pane
        ScrollPane cards = new ScrollPane(f.gateways());
        cards.setFitToWidth(true);
        cards.setFitToHeight(true);
        cards.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        cards.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // never squeezed below the cards' height; the bar only when the cards do not fit (then it is counted in the
        // height, which an as-needed bar is not, so it never covers the cards' last line)
        cards.setMinHeight(Region.USE_PREF_SIZE);
        Runnable fitBar = () -> cards.setHbarPolicy(f.gateways().minWidth(-1) > cards.getWidth() + 0.5
                ? ScrollPane.ScrollBarPolicy.ALWAYS : ScrollPane.ScrollBarPolicy.NEVER);
        cards.widthProperty().addListener(o -> fitBar.run());
        f.gateways().layoutBoundsProperty().addListener(o -> fitBar.run());
        cards.getStyleClass().addAll("edge-to-edge", "gateway-cards-scroll");
        cards.setId("gateway-cards-scroll");
        VBox overview = new VBox(cards, f.charts());
        overview.getStyleClass().add("overview");
        VBox.setVgrow(f.charts(), Priority.ALWAYS);

        tabs.getStyleClass().add("feature-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("Overview", "tab-overview", overview, "Gateway health and the live charts"),
                tab("Chaos", "tab-chaos", scroll(f.chaos()), "Inject faults into the simulated world"),
                tab("Timeline & audit", "tab-audit", f.audit(), "Every decision, execution, approval and rollback"),
                tab("Learning", "tab-learning", f.learning(), "What the agent learnt about its actions"),
                // last, so the tab index remembered by earlier versions still opens the same tab
                tab("Tickets", "tab-tickets", f.tickets(),
                        "Merchant support tickets: queue, clusters, root causes, decisions and escalations"));

        side.getStyleClass().add("side-split");
        side.setOrientation(Orientation.VERTICAL);
        side.getItems().addAll(f.approvals(), f.reasoning());

        // the approvals and reasoning need about 400 px to read a request in a line or two; below that a 1024 px
        // window gave them a third and broke "open_circuit on gateway=stripe" over four lines
        side.setMinWidth(SIDE_MIN_WIDTH);
        main.getStyleClass().add("main-split");
        main.getItems().addAll(tabs, side);
        SplitPane.setResizableWithParent(side, false);

        getChildren().addAll(f.tiles(), main);
        VBox.setVgrow(main, Priority.ALWAYS);
    }

    private static Tab tab(String title, String id, Node content, String tip) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.getStyleClass().add("edge-to-edge");
        return s;
    }

    /** The tab that exists only in replay mode: what a different agent would have done over the recording. */
    public static final String WHAT_IF_TAB = "tab-whatif";
    private Tab whatIf;

    /** Replay mode: adds (or replaces) the What-if tab, after the others. */
    public void showWhatIf(Node content) {
        hideWhatIf();
        whatIf = tab("What-if", WHAT_IF_TAB, content,
                "Run the agent (or other guardrail settings) over this recording and see where it would decide differently");
        tabs.getTabs().add(whatIf);
    }

    /** Back to live: the What-if tab goes. */
    public void hideWhatIf() {
        if (whatIf != null) {
            tabs.getTabs().remove(whatIf);
            whatIf = null;
        }
    }

    public TabPane tabs() {
        return tabs;
    }

    public double mainDivider() {
        return main.getDividerPositions()[0];
    }

    public double sideDivider() {
        return side.getDividerPositions()[0];
    }

    public void setDividers(double mainPosition, double sidePosition) {
        main.setDividerPositions(mainPosition);
        side.setDividerPositions(sidePosition);
    }
}
