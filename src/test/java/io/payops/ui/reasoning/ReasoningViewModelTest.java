package io.payops.ui.reasoning;

import io.payops.domain.AgentCycle;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.Frame;
import io.payops.domain.Hypothesis;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.TestFrames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReasoningViewModelTest {
    /** The Stripe outage starts at 300 s; by 330 s the agent has seen it for half a minute. */
    private static List<Frame> outage;

    @BeforeAll
    static void run() {
        outage = TestFrames.run("stripe-outage", 7, 330);
    }

    private static ReasoningViewModel started() {
        ReasoningViewModel vm = new ReasoningViewModel();
        vm.onSessionStart(TestFrames.session("stripe-outage", 7));
        return vm;
    }

    /** Feeds frames the way the pump does at speed: a few per batch. */
    private static void feed(ReasoningViewModel vm, List<Frame> frames, int perBatch) {
        for (int i = 0; i < frames.size(); i += perBatch) {
            vm.onFrames(FrameBatch.of(frames.subList(i, Math.min(frames.size(), i + perBatch))));
        }
    }

    private static long cyclesIn(List<Frame> frames) {
        return frames.stream().filter(f -> f.step().cycle() != null).count();
    }

    @Test
    void followsTheNewestCycleWhichNamesTheStripeOutage() {
        ReasoningViewModel vm = started();
        feed(vm, outage, 5);

        assertTrue(vm.isFollowing());
        AgentCycle latest = vm.getSelectedCycle();
        assertNotNull(latest);
        AgentCycle newestInFrames = outage.stream().map(f -> f.step().cycle()).filter(c -> c != null)
                .reduce((a, b) -> b).orElseThrow();
        assertSame(newestInFrames, latest, "the pane shows the newest cycle of the last batch");
        Hypothesis top = latest.hypotheses().get(0);
        assertEquals(Diagnosis.GATEWAY_OUTAGE, top.diagnosis());
        assertEquals("stripe", top.target().get(Dimension.GATEWAY));

        CycleDetail d = vm.getDetail();
        assertTrue(d.present());
        assertEquals(CycleText.time(latest.atMillis()), d.time());
        assertTrue(d.hypotheses().get(0).title().startsWith("gateway_outage · gateway=stripe"), d.hypotheses().get(0).title());
        assertTrue(d.hypotheses().get(0).confidenceText().endsWith("%"));
        assertEquals("heuristic", d.hypotheses().get(0).source());
        assertFalse(d.hypotheses().get(0).llm());
        assertFalse(d.call().present(), "no LLM configured: no call line");
        assertFalse(d.anomalies().isEmpty());
        assertTrue(d.anomalies().size() <= CycleText.MAX_ANOMALIES_SHOWN);
        assertTrue(d.anomalies().get(0).numbers().contains("% of attempts in the last 60 s vs"),
                d.anomalies().get(0).numbers());
        assertNotNull(d.verdict());
        assertFalse(d.explanation().isEmpty());
        assertTrue(d.cycleTime().endsWith("µs"));
        assertEquals("following the newest cycle", vm.modeProperty().get());
    }

    @Test
    void collectsACycleFromEveryFrameOfABatchNewestFirst() {
        ReasoningViewModel vm = started();
        vm.onFrames(FrameBatch.of(outage));

        assertEquals(cyclesIn(outage), vm.history().size());
        for (int i = 1; i < vm.history().size(); i++) {
            assertTrue(vm.history().get(i - 1).atMillis() > vm.history().get(i).atMillis(), "newest first");
        }
        // the outage's first cycles are there, not only the last of the batch
        assertTrue(vm.history().stream().anyMatch(e -> e.atMillis() == 302_000 && !e.quiet()));
    }

    @Test
    void historyIsBounded() {
        List<Frame> long_ = TestFrames.run("stripe-outage", 7, 1_200);
        assertTrue(cyclesIn(long_) > ReasoningViewModel.MAX_HISTORY, "the run has more cycles than the bound");
        ReasoningViewModel vm = started();
        feed(vm, long_, 7);

        assertEquals(ReasoningViewModel.MAX_HISTORY, vm.history().size());
        AgentCycle newest = long_.stream().map(f -> f.step().cycle()).filter(c -> c != null)
                .reduce((a, b) -> b).orElseThrow();
        assertSame(newest, vm.history().get(0).cycle(), "the oldest are dropped, not the newest");
    }

    @Test
    void aSelectedOlderCycleStaysPinnedWhileNewFramesArriveUntilLatest() {
        ReasoningViewModel vm = started();
        feed(vm, outage.subList(0, 310), 5);
        CycleEntry older = vm.history().stream().filter(e -> e.atMillis() == 302_000).findFirst().orElseThrow();

        vm.select(older);
        assertFalse(vm.isFollowing());
        assertSame(older.cycle(), vm.getSelectedCycle());
        assertEquals("t=302 s", vm.getDetail().time());

        int before = vm.history().size();
        feed(vm, outage.subList(310, 330), 5);
        assertTrue(vm.history().size() > before, "new cycles still go into the history");
        assertSame(older.cycle(), vm.getSelectedCycle(), "pinned: new frames do not move the pane");
        assertEquals("t=302 s", vm.getDetail().time());
        assertTrue(vm.modeProperty().get().startsWith("pinned to t=302 s"), vm.modeProperty().get());

        vm.followLatest();
        assertTrue(vm.isFollowing());
        assertSame(vm.history().get(0).cycle(), vm.getSelectedCycle());
        List<Frame> more = TestFrames.step(engineAt(330), 10);
        feed(vm, more, 5);
        assertSame(vm.history().get(0).cycle(), vm.getSelectedCycle(), "following again: the newest is shown");
    }

    @Test
    void aPinnedCycleDroppedByTheBoundStaysShownAndPinned() {
        ReasoningViewModel vm = started();
        vm.setMaxHistory(10);
        feed(vm, outage.subList(0, 302), 5);
        CycleEntry pinned = vm.history().get(4);
        vm.select(pinned);

        feed(vm, outage.subList(302, 330), 3);
        assertFalse(vm.history().contains(pinned), "dropped by the bound of 10");
        assertEquals(10, vm.history().size());
        assertFalse(vm.isFollowing());
        assertSame(pinned, vm.selectedEntryProperty().get());
        assertEquals(pinned.time(), vm.getDetail().time());
        assertEquals("pinned to " + pinned.time() + " · older than the 10 cycles kept", vm.modeProperty().get());
    }

    @Test
    void theEmptyListSaysWhyWithHideQuietOn() {
        ReasoningViewModel vm = started();
        assertTrue(vm.emptyListTextProperty().get().startsWith("No cycles yet"), vm.emptyListTextProperty().get());
        feed(vm, outage.subList(0, 200), 5);
        vm.hideQuietProperty().set(true);
        assertTrue(vm.shownHistory().isEmpty(), "nothing but quiet cycles before the outage");
        assertEquals("No cycles with anomalies or actions yet — untick Hide quiet to see all " + vm.history().size()
                + " cycles.", vm.emptyListTextProperty().get());
    }

    @Test
    void selectCycleAtPinsTheNewestCycleAtOrBeforeThatMoment() {
        ReasoningViewModel vm = started();
        feed(vm, outage, 5);

        assertTrue(vm.selectCycleAt(305_500));
        assertFalse(vm.isFollowing());
        AgentCycle shown = vm.getSelectedCycle();
        assertTrue(shown.atMillis() <= 305_500);
        assertTrue(vm.history().stream().noneMatch(e -> e.atMillis() > shown.atMillis() && e.atMillis() <= 305_500));

        assertFalse(vm.selectCycleAt(-1), "no cycle that early");
        assertNull(vm.getSelectedCycle());
        assertFalse(vm.getDetail().present());
    }

    @Test
    void hidingQuietCyclesFiltersTheListNotTheHistory() {
        ReasoningViewModel vm = started();
        feed(vm, outage, 5);
        int all = vm.history().size();
        assertEquals(all, vm.shownHistory().size());

        vm.hideQuietProperty().set(true);
        assertEquals(all, vm.history().size());
        assertTrue(vm.shownHistory().size() < all);
        assertFalse(vm.shownHistory().isEmpty());
        assertTrue(vm.shownHistory().stream().noneMatch(CycleEntry::quiet));
        // before the outage every cycle is quiet: normal variance, no anomaly, nothing done
        assertTrue(vm.history().stream().filter(e -> e.atMillis() < 300_000).allMatch(CycleEntry::quiet));
        assertTrue(vm.historySummaryProperty().get().contains("quiet hidden"), vm.historySummaryProperty().get());
    }

    @Test
    void aNewSessionForgetsEverything() {
        ReasoningViewModel vm = started();
        feed(vm, outage, 5);
        vm.select(vm.history().get(3));

        vm.onSessionStart(TestFrames.session("quiet", 7));
        assertTrue(vm.history().isEmpty());
        assertNull(vm.getSelectedCycle());
        assertTrue(vm.isFollowing());
        assertSame(CycleDetail.EMPTY, vm.getDetail());

        List<Frame> quiet = TestFrames.run("quiet", 7, 20);
        feed(vm, quiet, 5);
        assertEquals(cyclesIn(quiet), vm.history().size());
        assertSame(vm.history().get(0).cycle(), vm.getSelectedCycle());
    }

    /** An engine on the same scenario and seed stepped to {@code seconds}, for frames that follow {@link #outage}. */
    private static io.payops.engine.Engine engineAt(int seconds) {
        io.payops.engine.Engine e = TestFrames.engine("stripe-outage", 7);
        TestFrames.step(e, seconds);
        return e;
    }
}
