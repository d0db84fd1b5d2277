package io.payops.ui.whatif;

import io.payops.domain.Frame;
import io.payops.engine.RunSettings;
import io.payops.report.WhatIfSettings;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

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
        }, scenario.world(), WhatIfSettings.defaults(), Runnable::run, Runnable::run);
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
        long differing = vm.rows().stream().filter(WhatIfItem::differs).count();
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
        assertTrue(first.difference().startsWith("same action, different verdict"), first.difference());
        assertTrue(first.detail().contains("was blocked (moves"), first.detail());
        assertTrue(vm.summaryProperty().get().contains("(first at " + at + ")"), vm.summaryProperty().get());

        int all = vm.rows().size();
        vm.differingOnlyProperty().set(true);
        assertEquals(differing, vm.rows().size());
        assertTrue(vm.rows().stream().allMatch(WhatIfItem::differs));
        vm.differingOnlyProperty().set(false);
        assertEquals(all, vm.rows().size());
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
        List<Runnable> background = new ArrayList<>();
        List<Runnable> fx = new ArrayList<>();
        Executor queued = background::add;
        WhatIfViewModel v = new WhatIfViewModel(() -> frames, scenario.world(), WhatIfSettings.defaults(), queued, fx::add);
        assertTrue(v.run());
        assertTrue(v.runningProperty().get());
        assertFalse(v.canRunProperty().get());
        assertEquals(WhatIfViewModel.INDETERMINATE, v.progressProperty().get());
        assertFalse(v.run(), "one run at a time");
        assertEquals(1, background.size());

        background.get(0).run();
        assertEquals(1, fx.size(), "one hand-off to the FX thread for the whole run");
        assertTrue(v.rows().isEmpty(), "nothing shown until the FX thread takes it");
        fx.get(0).run();
        assertFalse(v.runningProperty().get());
        assertFalse(v.rows().isEmpty());
        assertTrue(v.canRunProperty().get());
    }

    @Test
    void aFailingReadIsShownNotThrown() {
        WhatIfViewModel v = new WhatIfViewModel(() -> {
            throw new IllegalStateException("frames.jsonl is truncated at line 12");
        }, scenario.world(), WhatIfSettings.defaults(), Runnable::run, Runnable::run);
        assertTrue(v.run());
        assertFalse(v.runningProperty().get());
        assertEquals("The what-if could not run: frames.jsonl is truncated at line 12", v.summaryProperty().get());
        assertTrue(v.rows().isEmpty());
    }
}
