package io.payops.ui;

import io.payops.ui.approvals.ApprovalsView;
import io.payops.ui.approvals.ApprovalsViewModel;
import io.payops.ui.chaos.ChaosView;
import io.payops.ui.chaos.ChaosViewModel;
import io.payops.ui.dashboard.ChartsView;
import io.payops.ui.dashboard.ChartsViewModel;
import io.payops.ui.dashboard.KpiTilesView;
import io.payops.ui.dashboard.KpiTilesViewModel;
import io.payops.ui.fx.CommandSink;
import io.payops.ui.fx.FramePump;
import io.payops.ui.gateways.GatewaysView;
import io.payops.ui.gateways.GatewaysViewModel;
import io.payops.ui.gateways.RoutingNoteView;
import io.payops.ui.learning.LearningView;
import io.payops.ui.learning.LearningViewModel;
import io.payops.ui.reasoning.ReasoningView;
import io.payops.ui.reasoning.ReasoningViewModel;
import io.payops.ui.shell.MainLayout;
import io.payops.ui.tickets.TicketsView;
import io.payops.ui.tickets.TicketsViewModel;
import io.payops.ui.timeline.AuditView;
import io.payops.ui.timeline.AuditViewModel;

/**
 * Every feature's ViewModel and view, built once per window (a tab's view when the tab is first shown); the
 * ViewModels follow the engine through the pump and send the user's commands to {@code commands}.
 */
public final class ConsoleFeatures {
    private final KpiTilesViewModel tiles = new KpiTilesViewModel();
    private final ChartsViewModel charts = new ChartsViewModel();
    private final GatewaysViewModel gateways = new GatewaysViewModel();
    private final ApprovalsViewModel approvals;
    private final ReasoningViewModel reasoning = new ReasoningViewModel();
    private final ChaosViewModel chaos;
    private final AuditViewModel audit = new AuditViewModel();
    private final LearningViewModel learning = new LearningViewModel();
    private final TicketsViewModel tickets;
    private final ApprovalsView approvalsView;
    private final MainLayout.Features views;

    /**
     * The ViewModels are made and fed from the start, whatever is shown. The views always on screen (tiles,
     * approvals, reasoning) are built here; the tabs' views are built by {@link MainLayout} when their tab is first
     * shown. The charts get "Save as PNG…", written on {@code export} and reported to {@code report}.
     */
    public ConsoleFeatures(FramePump pump, CommandSink commands, io.payops.ui.fx.UiExecutor export,
                           java.util.function.Consumer<String> report) {
        approvals = new ApprovalsViewModel(commands);
        chaos = new ChaosViewModel(commands);
        tickets = new TicketsViewModel(commands);
        for (var vm : new io.payops.ui.fx.FrameListener[] {tiles, charts, gateways, approvals, reasoning, chaos, audit,
                learning, tickets}) {
            pump.addListener(vm);
        }
        approvalsView = new ApprovalsView(approvals);
        views = new MainLayout.Features(new KpiTilesView(tiles), this::gatewaysPane, () -> {
            ChartsView view = new ChartsView(charts);
            view.enablePngExport(export, report);
            return view;
        }, approvalsView, new ReasoningView(reasoning), () -> new ChaosView(chaos), () -> new AuditView(audit),
                () -> new LearningView(learning), () -> new TicketsView(tickets));
    }

    private javafx.scene.Node gatewaysPane() {
        javafx.scene.layout.VBox pane = new javafx.scene.layout.VBox(4, new RoutingNoteView(gateways),
                new GatewaysView(gateways));
        pane.getStylesheets().add(io.payops.ui.fx.FxmlViews.stylesheet("/styles/gateways.css"));
        return pane;
    }

    public MainLayout.Features views() {
        return views;
    }

    public ApprovalsView approvalsView() {
        return approvalsView;
    }

    public KpiTilesViewModel tiles() {
        return tiles;
    }

    public ChartsViewModel charts() {
        return charts;
    }

    public GatewaysViewModel gateways() {
        return gateways;
    }

    public ApprovalsViewModel approvals() {
        return approvals;
    }

    public ReasoningViewModel reasoning() {
        return reasoning;
    }

    public ChaosViewModel chaos() {
        return chaos;
    }

    public AuditViewModel audit() {
        return audit;
    }

    public LearningViewModel learning() {
        return learning;
    }

    public TicketsViewModel tickets() {
        return tickets;
    }
}
