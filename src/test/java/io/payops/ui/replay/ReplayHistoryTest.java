package io.payops.ui.replay;

import io.payops.domain.ApprovalMode;
import io.payops.domain.Frame;
import io.payops.engine.Engine;
import io.payops.engine.EngineOptions;
import io.payops.engine.PolicyFactory;
import io.payops.engine.RunSettings;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.store.SessionMeta;
import io.payops.store.SessionRecorder;
import io.payops.ui.dashboard.ChartsViewModel;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.FramePump;
import io.payops.ui.fx.SameThreadExecutor;
import io.payops.ui.fx.SessionInfo;
import io.payops.ui.gateways.GatewaysViewModel;
import io.payops.ui.learning.LearningViewModel;
import io.payops.ui.reasoning.CycleEntry;
import io.payops.ui.reasoning.ReasoningViewModel;
import io.payops.ui.tickets.TicketsViewModel;
import io.payops.ui.timeline.AuditViewModel;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seek's history, made from the session summary, leaves every pane that keeps history as a replay played from the
 * start would: live-demo (tickets, three incidents) for 15 minutes, sought to near its end, against the same panes
 * handed every recorded frame.
 */
class ReplayHistoryTest {
    @TempDir
    static Path state;
    static Path session;
    static List<Frame> frames;

    @BeforeAll
    static void record() throws IOException {
        Scenario scenario = ScenarioLoader.builtIn("live-demo").withSeed(7).withDuration(900);
        Engine engine = new Engine(scenario, PolicyFactory.create("agent",
                new RunSettings("agent", ApprovalMode.parse("auto:30"), "heuristic"), scenario.world()),
                EngineOptions.DEFAULT, null);
        session = state.resolve("sessions").resolve("demo");
        SessionMeta meta = new SessionMeta(SessionMeta.FORMAT, "demo", "2026-11-21T10:00:00Z", null, scenario, "agent",
                "auto:30", "heuristic", EngineOptions.DEFAULT.tickMillis(), false, List.of(), 0, 0, 0,
                SessionMeta.RECORDING, null);
        frames = new ArrayList<>();
        try (SessionRecorder rec = new SessionRecorder(session, meta, RecordedSession.CLOCK)) {
            while (!engine.finished()) {
                Frame f = engine.step();
                frames.add(f);
                rec.write(f);
            }
            rec.finish(SessionMeta.COMPLETE, null);
        }
    }

    /** The panes that keep history. */
    record Panes(ChartsViewModel charts, GatewaysViewModel gateways, ReasoningViewModel reasoning,
                 AuditViewModel audit, TicketsViewModel tickets, LearningViewModel learning) {
        Panes() {
            this(new ChartsViewModel(), new GatewaysViewModel(), new ReasoningViewModel(), new AuditViewModel(),
                    new TicketsViewModel(c -> { }), new LearningViewModel());
        }

        List<FrameListener> all() {
            return List.of(charts, gateways, reasoning, audit, tickets, learning);
        }
    }

    private static List<List<Double>> points(List<XYChart.Data<Number, Number>> series) {
        return series.stream().map(d -> List.of(d.getXValue().doubleValue(), d.getYValue().doubleValue())).toList();
    }

    @Test
    void aSeekLeavesThePanesAsPlayingFromTheStartWould() {
        int target = frames.size() - 20;
        Panes replayed = new Panes();
        FramePump pump = new FramePump();
        replayed.all().forEach(pump::addListener);
        ReplayViewModel vm = new ReplayViewModel(pump, replayed.reasoning(), SameThreadExecutor.INSTANCE,
                new ReplayViewModelTest.FakeClock(), () -> { });
        pump.addListener(vm);
        vm.open(session);
        vm.seek(target);
        vm.seek(target - 300); // back: every pane starts again
        vm.seek(target); // forward: they keep what they hold
        assertEquals(frames.get(target), pump.lastApplied());

        Panes played = new Panes();
        SessionInfo info = vm.session();
        for (FrameListener l : played.all()) {
            l.onSessionStart(info);
            l.onFrames(FrameBatch.of(frames.subList(0, target + 1)));
        }

        assertTrue(played.tickets().queue().size() > 10, "the recording has tickets: " + played.tickets().queue().size());
        assertFalse(played.charts().incidentBands().isEmpty(), "the recording has incidents");
        assertFalse(played.charts().actionMarkers().isEmpty(), "the recording has routing changes");

        assertEquals(points(played.charts().successPoints()), points(replayed.charts().successPoints()));
        assertEquals(points(played.charts().latencyPoints()), points(replayed.charts().latencyPoints()));
        assertEquals(points(played.charts().successBaselinePoints()),
                points(replayed.charts().successBaselinePoints()));
        assertEquals(List.copyOf(played.charts().incidentBands()), List.copyOf(replayed.charts().incidentBands()));
        assertEquals(List.copyOf(played.charts().actionMarkers()), List.copyOf(replayed.charts().actionMarkers()));
        assertEquals(List.copyOf(played.gateways().card("stripe").sparkline()),
                List.copyOf(replayed.gateways().card("stripe").sparkline()));
        assertEquals(played.reasoning().history().stream().map(CycleEntry::cycle).toList(),
                replayed.reasoning().history().stream().map(CycleEntry::cycle).toList());
        assertEquals(List.copyOf(played.audit().rows()), List.copyOf(replayed.audit().rows()));
        assertEquals(List.copyOf(played.tickets().queue()), List.copyOf(replayed.tickets().queue()));
        assertEquals(List.copyOf(played.tickets().clusters()), List.copyOf(replayed.tickets().clusters()));
        assertEquals(List.copyOf(played.tickets().decisions()), List.copyOf(replayed.tickets().decisions()));
        assertEquals(played.tickets().summaryProperty().get(), replayed.tickets().summaryProperty().get());
        assertEquals(played.tickets().categoryCountsProperty().get(),
                replayed.tickets().categoryCountsProperty().get());
        assertTrue(played.learning().totalProperty().get() > 0, "the agent learnt");
        assertEquals(List.copyOf(played.learning().lessons()), List.copyOf(replayed.learning().lessons()));
        assertEquals(played.learning().summaryProperty().get(), replayed.learning().summaryProperty().get());
    }
}
