package io.payops.ui.whatif;

import io.payops.domain.Frame;
import io.payops.engine.RunSettings;
import io.payops.report.WhatIfRow;
import io.payops.report.WhatIfSettings;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import io.payops.ui.fx.QueuedExecutor;
import io.payops.ui.fx.SameThreadExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No stage, no FX thread: the run and its hand-off are synchronous, so a run is complete when run() returns. */
class WhatIfViewModelTest {
    private static Scenario scenario;
    private static List<Frame> frames;

    private WhatIfViewModel vm;
    private int reads;

    @BeforeAll
    static void record() {
        scenario = ScenarioLoader.builtIn("stripe-outage").withSeed(7).withDuration(600);
        frames = new ArrayList<>();
        ScenarioRunner.run(scenario, RunSettings.of("agent"), null, frames::add);
    }

    @BeforeEach
    void create() {
        reads = 0;
        vm = new WhatIfViewModel(() -> {
            reads++;
            return frames;
        }, scenario.world(), WhatIfSettings.defaults(), SameThreadExecutor.INSTANCE);
    }

    @Test
    void startsAtTheSessionsSettingsAndIdle() {
        assertEquals("0.8", vm.field("minConfidenceToAct").get());
        assertEquals("0.5", vm.field("maxTrafficShift").get());
        assertEquals("auto:60", vm.field("approval").get());
        assertNull(vm.errorProperty().get());
        assertTrue(vm.canRunProperty().get());
        assertEquals(0, vm.progressProperty().get());
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void unchangedSettingsGiveNoDifference() {
        assertTrue(vm.run());
        assertEquals(1, reads);
        assertFalse(vm.runningProperty().get());
        assertEquals(1, vm.progressProperty().get());
        long cycles = frames.stream().filter(f -> f.step().cycle() != null).count();
        assertTrue(vm.rows().isEmpty(), "only differing cycles are listed at first, and none differs");
        vm.differingOnlyProperty().set(false);
        assertEquals(cycles, vm.rows().size());
        assertTrue(vm.rows().stream().noneMatch(WhatIfItem::differs));
        assertTrue(vm.summaryProperty().get().startsWith(cycles + " cycles compared over 600 frames, 0 differ;"),
                vm.summaryProperty().get());
    }

    @Test
    void aStricterShiftLimitShowsTheDifferingRows() {
        vm.field("maxTrafficShift").set("0.05");
        assertTrue(vm.run());
        var report = vm.reportProperty().get();
        assertNotNull(report);
        assertEquals(0.05, report.settings().maxTrafficShift());
        assertTrue(vm.differingOnlyProperty().get(), "differences only, by default");
        assertTrue(vm.rows().stream().allMatch(WhatIfItem::differs));
        long differing = vm.rows().size();
        assertEquals(report.summary().differing(), differing);
        assertTrue(differing > 0);
        WhatIfItem first = vm.rows().stream().filter(WhatIfItem::differs).findFirst().orElseThrow();
        // the first difference is the agent's first routing decision, within seconds of the outage at 300 s
        String at = report.summary().firstDifferenceMillis() / 1000 + " s";
        assertTrue(report.summary().firstDifferenceMillis() > 300_000
                && report.summary().firstDifferenceMillis() < 310_000, at);
        assertEquals(at, first.time());
        assertEquals("needs approval", first.recordedVerdict());
        assertEquals("block", first.whatIfVerdict());
        assertTrue(first.recordedAction().startsWith("* "), "the recorded agent acted: " + first.recordedAction());
        assertEquals("same action, different verdict", first.difference(), "the verdict columns show which");
        assertTrue(first.detail().contains("same action, different verdict (needs_approval → block)"), first.detail());
        assertTrue(first.detail().contains("was blocked (moves"), first.detail());
        assertTrue(vm.summaryProperty().get().contains("(first at " + at + ")"), vm.summaryProperty().get());

        vm.differingOnlyProperty().set(false);
        assertEquals(report.rows().size(), vm.rows().size(), "the toggle lists every cycle compared");
        assertTrue(vm.rows().size() > differing);
        vm.differingOnlyProperty().set(true);
        assertEquals(differing, vm.rows().size());
    }

    /** A row click moves the replay to the row's simulated moment; without a replay it does nothing. */
    @Test
    void aRowSeeksTheReplayToItsMoment() {
        vm.field("maxTrafficShift").set("0.05");
        vm.seekTo(null);
        assertTrue(vm.run());
        WhatIfItem first = vm.rows().get(0);
        vm.seekTo(first); // no replay attached: nothing to move, nothing thrown
        assertEquals("", vm.seekNoteProperty().get());

        List<Long> seeks = new ArrayList<>();
        vm.setSeek(seeks::add);
        vm.seekTo(first);
        assertEquals(List.of(vm.reportProperty().get().summary().firstDifferenceMillis()), seeks);
        assertEquals("Replay moved to " + first.time() + ": the other panes show that moment.",
                vm.seekNoteProperty().get());
    }

    /** A moment where one agent ran a cycle and neither acted is not a difference, and its detail says why. */
    @Test
    void anAlignedOneSidedMomentSaysWhyItIsNotADifference() {
        WhatIfRow.Choice nothing = new WhatIfRow.Choice("do nothing", "no_op", null, 0, "allow", "nothing", false);
        String why = "no action on either side: the recorded agent ran no cycle here (its last cycle, at 304 s: do nothing)";
        WhatIfItem item = WhatIfViewModel.item(new WhatIfRow(305_000, null, nothing, false, why));
        assertFalse(item.differs());
        assertEquals("", item.difference());
        assertEquals("(no cycle)", item.recordedAction());
        assertEquals(305_000, item.atMillis());
        assertTrue(item.detail().endsWith("\n" + why), item.detail());
        WhatIfItem same = WhatIfViewModel.item(new WhatIfRow(306_000, nothing, nothing, false, "same"));
        assertFalse(same.detail().contains("same"), "an ordinary identical cycle needs no word: " + same.detail());
    }

    /** The approval is a choice; auto takes its seconds from a field of its own, checked like the others. */
    @Test
    void theApprovalIsAChoiceWithSecondsForAuto() {
        assertEquals("auto", vm.approvalModeProperty().get());
        assertEquals("60", vm.approvalSecondsProperty().get());
        assertEquals(List.of("auto", "never", "manual"), WhatIfViewModel.APPROVAL_MODES);

        vm.approvalModeProperty().set("never");
        assertEquals("never", vm.field("approval").get());
        assertNull(vm.errorProperty().get());
        vm.approvalModeProperty().set("manual");
        assertEquals("manual", vm.field("approval").get());
        vm.approvalModeProperty().set("auto");
        assertEquals("auto:60", vm.field("approval").get(), "the seconds are kept across a switch");

        vm.approvalSecondsProperty().set("soon");
        assertEquals("approval", vm.invalidFieldProperty().get());
        assertEquals("Approval: auto approves after a whole number of seconds from 0 to 86400; 'soon' is not one",
                vm.errorProperty().get());
        assertFalse(vm.run());
        vm.approvalSecondsProperty().set("90000");
        assertFalse(vm.canRunProperty().get(), "more than a day");
        vm.approvalSecondsProperty().set("30");
        assertNull(vm.errorProperty().get());
        assertEquals("auto:30", vm.field("approval").get());

        vm.approvalModeProperty().set("never");
        assertTrue(vm.run());
        assertEquals("never", vm.reportProperty().get().settings().approval().toString());

        vm.reset();
        assertEquals("auto", vm.approvalModeProperty().get());
        assertEquals("60", vm.approvalSecondsProperty().get());
    }

    @Test
    void aBadFieldNamesItselfAndTheRangeAndBlocksTheRun() {
        vm.field("maxTrafficShift").set("1.5");
        assertEquals("Max traffic shift (maxTrafficShift): 1.5 is out of range (expected a number from 0 to 1)",
                vm.errorProperty().get());
        assertEquals("maxTrafficShift", vm.invalidFieldProperty().get());
        assertFalse(vm.canRunProperty().get());
        assertFalse(vm.run());
        assertEquals(0, reads, "nothing ran");

        vm.field("maxTrafficShift").set("0.3");
        vm.field("cooldownSeconds").set("soon");
        assertEquals("Cooldown seconds (cooldownSeconds): 'soon' is not a whole number (expected a whole number of "
                + "seconds from 0 to 86400)", vm.errorProperty().get());
        vm.field("cooldownSeconds").set("60");
        assertNull(vm.errorProperty().get());
        assertNull(vm.invalidFieldProperty().get());
        assertTrue(vm.canRunProperty().get());

        vm.reset();
        assertEquals("0.5", vm.field("maxTrafficShift").get());
        assertEquals("120", vm.field("cooldownSeconds").get());
    }

    @Test
    void theResultArrivesOnceThroughTheFxHandOff() {
        QueuedExecutor queued = QueuedExecutor.bothQueued();
        WhatIfViewModel v = new WhatIfViewModel(() -> frames, scenario.world(), WhatIfSettings.defaults(), queued);
        v.differingOnlyProperty().set(false); // nothing differs: list every cycle, to see them arrive
        assertTrue(v.run());
        assertTrue(v.runningProperty().get());
        assertFalse(v.canRunProperty().get());
        assertEquals(WhatIfViewModel.INDETERMINATE, v.progressProperty().get());
        assertFalse(v.run(), "one run at a time");
        assertEquals(1, queued.backgroundQueued());

        queued.runBackground();
        assertEquals(1, queued.fxCount(), "one hand-off to the FX thread for the whole run");
        assertTrue(v.rows().isEmpty(), "nothing shown until the FX thread takes it");
        queued.runFx();
        assertFalse(v.runningProperty().get());
        assertFalse(v.rows().isEmpty());
        assertTrue(v.canRunProperty().get());
    }

    /** A reader of its own, as the replay gives each run: counts the frames served and whether it was closed. */
    private static final class OwnReader implements Iterator<Frame>, Closeable {
        final Runnable atFrame100;
        int served;
        boolean closed;

        OwnReader(Runnable atFrame100) {
            this.atFrame100 = atFrame100;
        }

        @Override
        public boolean hasNext() {
            return served < frames.size();
        }

        @Override
        public Frame next() {
            if (++served == 100) {
                atFrame100.run();
            }
            return frames.get(served - 1);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aCancelledRunStopsAtItsNextFrameClosesItsReaderAndShowsNothing() {
        QueuedExecutor queued = QueuedExecutor.fxQueued();
        AtomicReference<WhatIfViewModel> v = new AtomicReference<>();
        OwnReader reader = new OwnReader(() -> v.get().cancel()); // the pane goes while the run is at frame 100
        v.set(new WhatIfViewModel(() -> () -> reader, scenario.world(), WhatIfSettings.defaults(), queued));

        assertTrue(v.get().run());
        assertEquals(100, reader.served, "stopped at the frame after the cancel, not at the end of " + frames.size());
        assertTrue(reader.closed);
        assertEquals(0, queued.fxCount(), "a cancelled run sends nothing to the FX thread");
        assertFalse(v.get().runningProperty().get());
        assertTrue(v.get().canRunProperty().get());
        assertTrue(v.get().rows().isEmpty());
        assertNull(v.get().reportProperty().get());
        assertEquals("The what-if was stopped before it finished.", v.get().summaryProperty().get());
    }

    @Test
    void aFailingReadIsShownNotThrown() {
        WhatIfViewModel v = new WhatIfViewModel(() -> {
            throw new IllegalStateException("frames.jsonl is truncated at line 12");
        }, scenario.world(), WhatIfSettings.defaults(), SameThreadExecutor.INSTANCE);
        assertTrue(v.run());
        assertFalse(v.runningProperty().get());
        assertEquals("The what-if could not run: frames.jsonl is truncated at line 12", v.summaryProperty().get());
        assertTrue(v.rows().isEmpty());
    }
}
