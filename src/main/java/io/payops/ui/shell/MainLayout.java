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

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the features sit: KPI tiles across the top; on the left, tabs (Overview with the gateway cards and charts,
 * Chaos, Timeline and audit, Learning, Tickets); on the right, approvals above the reasoning pane. Sized for 1366×768 and up.
 */
public final class MainLayout extends VBox {
    private final SplitPane main = new SplitPane();
    private final SplitPane side = new SplitPane();
    private final TabPane tabs = new TabPane();

    /**
     * What the layout shows. The tiles, approvals and reasoning are always on screen, so they come built; each tab's
     * content comes as a builder, called once, when its tab is first selected (see {@link #MainLayout}).
     */
    public record Features(Node tiles, Supplier<Node> gateways, Supplier<Node> charts, Node approvals, Node reasoning,
                           Supplier<Node> chaos, Supplier<Node> audit, Supplier<Node> learning,
                           Supplier<Node> tickets) {
    }

    /** The side pane's narrowest (approvals over reasoning), whatever the divider says. */
    static final double SIDE_MIN_WIDTH = 400;

    /** The content of each tab not yet shown, built when the tab is first selected. */
    private final Map<Tab, Supplier<Node>> unbuilt = new HashMap<>();

    /**
     * Lays the features out with tab {@code selectedTab} selected (the one remembered; out of range, the last).
     * Only that tab's content is built now: a TabPane keeps every tab's content in the scene graph, hidden, and
     * styles and lays it out all the same, so with every tab built the first frame waited for all of them (the
     * start-up figures in docs/BENCHMARKS.md). The others are built when first selected (a click, Ctrl+Tab, Reset
     * layout), once, and kept; their ViewModels follow the engine from the start, so a tab built late shows
     * everything one built early would.
     */
    public MainLayout(Features f, int selectedTab) {
        getStyleClass().add("main-layout");
        tabs.getStyleClass().add("feature-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("Overview", "tab-overview", () -> overview(f), "Gateway health and the live charts"),
                tab("Chaos", "tab-chaos", () -> scroll(f.chaos().get()), "Inject faults into the simulated world"),
                tab("Timeline & audit", "tab-audit", f.audit(), "Every decision, execution, approval and rollback"),
                tab("Learning", "tab-learning", f.learning(), "What the agent learnt about its actions"),
                // last, so the tab index remembered by earlier versions still opens the same tab
                tab("Tickets", "tab-tickets", f.tickets(),
                        "Merchant support tickets: queue, clusters, root causes, decisions and escalations"));
        tabs.getSelectionModel().select(Math.max(0, Math.min(selectedTab, tabs.getTabs().size() - 1)));
        build(tabs.getSelectionModel().getSelectedItem());
        // on the selection itself, so the tab's first pulse already has its content (and a lookup right after a
        // click finds its nodes)
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> build(now));

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

    /** The Overview tab's content: the gateway cards above the charts. */
    private static Node overview(Features f) {
        Node gateways = f.gateways().get();
        Node charts = f.charts().get();
        // the cards scroll sideways when the pane is narrower than four cards (a 1024-pixel window), rather than
        // sliding under the side pane
        ScrollPane cards = new ScrollPane(gateways);
        cards.setFitToWidth(true);
        cards.setFitToHeight(true);
        cards.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        cards.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // never squeezed below the cards' height; the bar only when the cards do not fit (then it is counted in the
        // height, which an as-needed bar is not, so it never covers the cards' last line)
        cards.setMinHeight(Region.USE_PREF_SIZE);
        Runnable fitBar = () -> cards.setHbarPolicy(gateways.minWidth(-1) > cards.getWidth() + 0.5
                ? ScrollPane.ScrollBarPolicy.ALWAYS : ScrollPane.ScrollBarPolicy.NEVER);
        cards.widthProperty().addListener(o -> fitBar.run());
        gateways.layoutBoundsProperty().addListener(o -> fitBar.run());
        cards.getStyleClass().addAll("edge-to-edge", "gateway-cards-scroll");
        cards.setId("gateway-cards-scroll");
        VBox overview = new VBox(cards, charts);
        overview.getStyleClass().add("overview");
        VBox.setVgrow(charts, Priority.ALWAYS);
        return overview;
    }

    /** Gives {@code tab} its content if it has none yet (the first time it is selected). */
    private void build(Tab tab) {
        Supplier<Node> content = tab == null ? null : unbuilt.remove(tab);
        if (content != null) {
            tab.setContent(content.get());
        }
    }

    /** A tab whose content {@link #build} makes when it is first selected. */
    private Tab tab(String title, String id, Supplier<Node> content, String tip) {
        Tab t = tab(title, id, (Node) null, tip);
        unbuilt.put(t, content);
        return t;
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
