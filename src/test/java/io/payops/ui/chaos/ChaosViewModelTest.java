package io.payops.ui.chaos;

import io.payops.ui.fx.RecordingSink;

import io.payops.domain.ActiveFault;
import io.payops.domain.Command;
import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Frame;
import io.payops.domain.Target;
import io.payops.engine.Engine;
import io.payops.sim.ScenarioLoader;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.TestFrames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chaos panel's model against a real engine on the quiet scenario: what it sends and what it then shows. */
class ChaosViewModelTest {
    private static final String SCENARIO = "quiet";
    private Engine engine;
    private RecordingSink sink;
    private ChaosViewModel vm;
    private int duration;

    @BeforeEach
    void setUp() {
        engine = TestFrames.engine(SCENARIO, 7);
        duration = engine.scenario().durationSeconds();
        sink = new RecordingSink(engine);
        vm = new ChaosViewModel(sink);
        vm.onSessionStart(TestFrames.session(SCENARIO, 7));
        step(10);
    }

    private Frame step(int n) {
        List<Frame> frames = TestFrames.step(engine, n);
        vm.onFrames(FrameBatch.of(frames));
        return frames.get(frames.size() - 1);
    }

    private static ActiveFault fault(Frame f, String id) {
        return f.faults().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    private Command last() {
        return sink.sent.get(sink.sent.size() - 1);
    }

    @Test
    void offersEveryDimensionValueAndGatewayIssuerPaths() {
        List<Target> targets = vm.targets();
        assertTrue(targets.contains(Target.gateway("stripe")));
        assertTrue(targets.contains(Target.of(Dimension.ISSUER, "SBI")));
        assertTrue(targets.contains(Target.of(Dimension.MERCHANT, "shopkart")));
        assertTrue(targets.contains(Target.of(Dimension.GATEWAY, "razorpay", Dimension.ISSUER, "SBI")));
        assertEquals("gateway=razorpay issuer=SBI",
                vm.targetConverter().toString(Target.of(Dimension.GATEWAY, "razorpay", Dimension.ISSUER, "SBI")));
        assertEquals(4 + 5 + 4 + 4 + 5 + 4 * 5, targets.size());
        // each fault starts where the built-in scenarios put its kind: gateway faults on a gateway, an issuer's on an
        // issuer, network errors on a network, customer declines on a merchant
        assertEquals(Target.gateway("stripe"), vm.row(FaultType.GATEWAY_OUTAGE).targetProperty().get());
        assertEquals(Target.gateway("stripe"), vm.row(FaultType.LATENCY_SPIKE).targetProperty().get());
        assertEquals(Target.gateway("stripe"), vm.row(FaultType.RETRY_STORM).targetProperty().get());
        assertEquals(Target.of(Dimension.ISSUER, "HDFC"), vm.row(FaultType.ISSUER_DEGRADATION).targetProperty().get());
        assertTrue(vm.row(FaultType.NETWORK_ERRORS).targetProperty().get().has(Dimension.NETWORK));
        assertTrue(vm.row(FaultType.USER_DECLINES).targetProperty().get().has(Dimension.MERCHANT));
        assertEquals(FaultType.values().length, vm.rows().size());
    }

    @Test
    void onAddsTheFaultUnderTheRowsIdAndTheNextFrameShowsIt() {
        FaultRowViewModel row = vm.row(FaultType.GATEWAY_OUTAGE);
        row.setValue(0.4);
        assertTrue(sink.sent.isEmpty(), "a slider move while off sends nothing");
        row.setOn(true);

        Command.AddFault add = assertInstanceOf(Command.AddFault.class, last());
        assertEquals("ui-gateway_outage", add.faultId());
        assertTrue(add.startNow());
        assertEquals(FaultType.GATEWAY_OUTAGE, add.spec().type());
        assertEquals(Target.gateway("stripe"), add.spec().target());
        assertEquals(0.4, add.spec().severity(), 1e-9);
        assertEquals(duration - 10, add.spec().durationSeconds(), 1e-9, "lasts the rest of the scenario");
        assertEquals("starting…", row.stateTextProperty().get());

        Frame f = step(1);
        ActiveFault active = fault(f, "ui-gateway_outage");
        assertNotNull(active);
        assertEquals(10.0, active.spec().startSecond(), 1e-9, "starts at the tick it was applied");
        assertTrue(row.activeProperty().get());
        assertEquals("on · 100%", row.stateTextProperty().get());
        assertTrue(vm.activeFaults().stream().anyMatch(i -> i.id().equals("ui-gateway_outage")));
        assertEquals("1 active", vm.activeSummaryProperty().get());
    }

    @Test
    void sliderMovesUpdateTheFaultKeepingItsStartAndDoNotFlood() {
        FaultRowViewModel row = vm.row(FaultType.GATEWAY_OUTAGE);
        row.setOn(true);
        step(3);
        int before = sink.sent.size();

        row.setValue(0.7);
        Command.UpdateFault upd = assertInstanceOf(Command.UpdateFault.class, last());
        assertEquals("ui-gateway_outage", upd.faultId());
        assertEquals(0.7, upd.spec().severity(), 1e-9);
        assertEquals(10.0, upd.spec().startSecond(), 1e-9, "the start stays as first applied");
        assertEquals(duration - 10, upd.spec().durationSeconds(), 1e-9);
        row.setValue(0.7004);
        assertEquals(before + 1, sink.sent.size(), "a change below one point of severity sends nothing");

        Frame f = step(1);
        assertEquals(0.7, fault(f, "ui-gateway_outage").spec().severity(), 1e-9);
        assertEquals("70%", row.valueTextProperty().get());

        // a drag across ten points sends at most one command per point
        int beforeDrag = sink.sent.size();
        for (double v = 0.70; v <= 0.80; v += 0.001) {
            row.setValue(v);
        }
        int drag = sink.sent.size() - beforeDrag;
        assertTrue(drag >= 9 && drag <= 11, drag + " updates");
        f = step(1);
        assertEquals(row.rounded(), fault(f, "ui-gateway_outage").spec().severity(), 1e-9);

        Target path = Target.of(Dimension.GATEWAY, "razorpay", Dimension.ISSUER, "SBI");
        row.setTarget(path);
        assertEquals(path, assertInstanceOf(Command.UpdateFault.class, last()).spec().target());
        f = step(1);
        assertEquals(path, fault(f, "ui-gateway_outage").spec().target());
        assertEquals(10.0, fault(f, "ui-gateway_outage").spec().startSecond(), 1e-9);
    }

    @Test
    void changesMadeBeforeTheAddIsAppliedAreSentOnceItIs() {
        FaultRowViewModel row = vm.row(FaultType.NETWORK_ERRORS);
        row.setOn(true);
        row.setValue(0.9);
        assertEquals(1, sink.sent.size(), "held while the add is on its way");
        step(1);
        Command.UpdateFault upd = assertInstanceOf(Command.UpdateFault.class, last());
        assertEquals(0.9, upd.spec().severity(), 1e-9);
        Frame f = step(1);
        assertEquals(0.9, fault(f, "ui-network_errors").spec().severity(), 1e-9);
    }

    @Test
    void offRemovesAndTheNextOnUsesANewId() {
        FaultRowViewModel row = vm.row(FaultType.GATEWAY_OUTAGE);
        row.setOn(true);
        step(1);
        row.setOn(false);
        assertEquals(new Command.RemoveFault("ui-gateway_outage"), last());
        assertEquals("stopping…", row.stateTextProperty().get());
        Frame f = step(1);
        assertNull(fault(f, "ui-gateway_outage"));
        assertFalse(row.activeProperty().get());
        assertEquals("off", row.stateTextProperty().get());
        assertTrue(vm.activeFaults().isEmpty());

        row.setOn(true);
        assertEquals("ui-gateway_outage-2", assertInstanceOf(Command.AddFault.class, last()).faultId());
        f = step(1);
        assertNotNull(fault(f, "ui-gateway_outage-2"));
        assertTrue(f.commandErrors().isEmpty(), f.commandErrors().toString());
    }

    @Test
    void removingFromTheActiveListTurnsTheRowsSwitchOff() {
        FaultRowViewModel row = vm.row(FaultType.ISSUER_DEGRADATION);
        row.setOn(true);
        step(1);
        vm.removeFault("ui-issuer_degradation");
        assertEquals(new Command.RemoveFault("ui-issuer_degradation"), last());
        step(1);
        assertFalse(row.onProperty().get(), "the switch follows the engine");
        assertFalse(row.activeProperty().get());
    }

    @Test
    void latencySpikeSendsAMultiplier() {
        FaultRowViewModel row = vm.row(FaultType.LATENCY_SPIKE);
        assertTrue(row.isMultiplier());
        row.setValue(6.04);
        assertEquals("×6.0", row.valueTextProperty().get());
        row.setOn(true);
        FaultSpec spec = assertInstanceOf(Command.AddFault.class, last()).spec();
        assertEquals(6.0, spec.multiplier(), 1e-9);
        assertEquals(0.0, spec.severity(), 1e-9);
        Frame f = step(1);
        assertEquals(6.0, fault(f, "ui-latency_spike").spec().multiplier(), 1e-9);
    }

    @Test
    void aRefusedAddTurnsTheSwitchBackOffAndSaysWhy() {
        // someone else takes the row's id in the same tick, just before it: FaultBook refuses the duplicate
        FaultRowViewModel row = vm.row(FaultType.RETRY_STORM);
        engine.submit(new Command.AddFault(row.spec(10), true, "ui-retry_storm"));
        row.setOn(true);
        assertEquals("ui-retry_storm", assertInstanceOf(Command.AddFault.class, last()).faultId());
        step(1);
        assertFalse(row.onProperty().get());
        assertFalse(row.activeProperty().get(), "the fault under that id is not the row's");
        assertEquals("off", row.stateTextProperty().get());
        assertTrue(vm.messageProperty().get().contains("exists already"), vm.messageProperty().get());
    }

    @Test
    void aRowSkipsAnIdAlreadyActive() {
        FaultRowViewModel row = vm.row(FaultType.RETRY_STORM);
        // a fault of another type under the row's id (one of the same type would show on the row itself)
        engine.submit(new Command.AddFault(vm.row(FaultType.GATEWAY_OUTAGE).spec(10), true, "ui-retry_storm"));
        step(1);
        row.setOn(true);
        assertEquals("ui-retry_storm-2", assertInstanceOf(Command.AddFault.class, last()).faultId());
        step(1);
        assertTrue(row.activeProperty().get());
    }

    @Test
    void whilePausedASwitchSaysItsFaultStartsOnPlay() {
        FaultRowViewModel row = vm.row(FaultType.GATEWAY_OUTAGE);
        vm.setPaused(true);
        row.setOn(true);
        assertEquals("starts on Play", row.stateTextProperty().get());
        assertTrue(row.stateHintProperty().get().contains("when you press Play"), row.stateHintProperty().get());
        vm.setPaused(false);
        assertEquals("starting…", row.stateTextProperty().get());
        step(1);
        assertTrue(row.stateTextProperty().get().startsWith("on · "), row.stateTextProperty().get());
    }

    @Test
    void theScenariosOwnFaultShowsOnItsRowAndTheRowActsOnIt() {
        Engine outage = TestFrames.engine("stripe-outage", 7);
        RecordingSink outageSink = new RecordingSink(outage);
        ChaosViewModel chaos = new ChaosViewModel(outageSink);
        chaos.onSessionStart(TestFrames.session("stripe-outage", 7));
        chaos.onFrames(FrameBatch.of(TestFrames.step(outage, 310)));
        FaultRowViewModel row = chaos.row(FaultType.GATEWAY_OUTAGE);
        ActiveFault f1 = outage.lastFrame().faults().get(0);
        assertTrue(row.onProperty().get(), "the scenario's outage is on");
        assertTrue(row.activeProperty().get());
        assertEquals(Target.gateway("stripe"), row.targetProperty().get());
        assertEquals("80%", row.valueTextProperty().get());
        assertTrue(row.stateTextProperty().get().startsWith("on · "), row.stateTextProperty().get());
        assertTrue(row.stateHintProperty().get().startsWith("The scenario's fault " + f1.id()));
        assertFalse(chaos.row(FaultType.ISSUER_DEGRADATION).onProperty().get(), "other rows stay off");

        // a change keeps the scenario's start and length; off removes it
        row.setValue(0.6);
        Command.UpdateFault upd = assertInstanceOf(Command.UpdateFault.class,
                outageSink.sent.get(outageSink.sent.size() - 1));
        assertEquals(f1.id(), upd.faultId());
        assertEquals(f1.spec().startSecond(), upd.spec().startSecond(), 1e-9);
        assertEquals(f1.spec().durationSeconds(), upd.spec().durationSeconds(), 1e-9);
        row.setOn(false);
        assertEquals(new Command.RemoveFault(f1.id()), outageSink.sent.get(outageSink.sent.size() - 1));
        chaos.onFrames(FrameBatch.of(TestFrames.step(outage, 2)));
        assertFalse(row.onProperty().get());
        assertTrue(outage.lastFrame().faults().isEmpty());
    }

    @Test
    void injectingAScenarioAddsAllItsFaultsStartingNow() {
        int expected = ScenarioLoader.builtIn("overlapping-faults").faults().size();
        vm.selectedScenarioProperty().set("overlapping-faults");
        assertEquals(expected, vm.injectSelectedScenario());
        assertEquals(expected, sink.sent.size());
        for (Command c : sink.sent) {
            Command.AddFault add = assertInstanceOf(Command.AddFault.class, c);
            assertTrue(add.startNow());
            assertNull(add.faultId(), "the engine names them chaos-N");
        }
        Frame f = step(1);
        assertTrue(f.commandErrors().isEmpty(), f.commandErrors().toString());
        for (int i = 1; i <= expected; i++) {
            ActiveFault a = fault(f, "chaos-" + i);
            assertNotNull(a, "chaos-" + i);
            assertEquals(10.0, a.spec().startSecond(), 1e-9, "starts now");
        }
        assertEquals(expected, vm.activeFaults().size());
        assertTrue(vm.activeFaults().get(0).detailProperty().get().startsWith("chaos-1 · severity 70%"),
                vm.activeFaults().get(0).detailProperty().get());
    }

    @Test
    void aNewSessionForgetsTheRowsFaults() {
        FaultRowViewModel row = vm.row(FaultType.GATEWAY_OUTAGE);
        row.setOn(true);
        step(1);
        vm.onSessionStart(TestFrames.session(SCENARIO, 8));
        assertFalse(row.onProperty().get());
        assertTrue(vm.activeFaults().isEmpty());
        int sent = sink.sent.size();
        row.setOn(true);
        assertEquals(sent + 1, sink.sent.size());
        assertEquals("ui-gateway_outage", assertInstanceOf(Command.AddFault.class, last()).faultId());
    }
}
