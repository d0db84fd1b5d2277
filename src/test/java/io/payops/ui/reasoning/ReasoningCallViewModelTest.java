package io.payops.ui.reasoning;

import io.payops.domain.AgentCycle;
import io.payops.domain.Frame;
import io.payops.domain.Hypothesis;
import io.payops.domain.PolicyStep;
import io.payops.domain.ReasonerCall;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.TestFrames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reasoning pane's LLM call line, source badges and running totals, from the real cycles of a Stripe outage
 * run, given the {@link ReasonerCall} an LLM reasoner would have attached (the heuristics attach none).
 */
class ReasoningCallViewModelTest {
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

    /** The same cycle as if {@code provider} had answered (or not): its call attached, its hypotheses' source. */
    static AgentCycle withCall(AgentCycle c, ReasonerCall call, String source) {
        List<Hypothesis> hs = c.hypotheses().stream()
                .map(h -> new Hypothesis(h.diagnosis(), h.target(), h.confidence(), h.evidence(), source)).toList();
        return new AgentCycle(c.atMillis(), c.anomalies(), hs, c.decision(), c.verdict(), c.actionTaken(),
                c.explanation(), c.reasonerNote(), c.cycleNanos(), call);
    }

    /** The frames with each cycle rewritten; frames without a cycle stay as they are. */
    static List<Frame> rewrite(List<Frame> frames, Function<AgentCycle, AgentCycle> f) {
        List<Frame> out = new ArrayList<>();
        for (Frame fr : frames) {
            PolicyStep s = fr.step();
            if (s == null || s.cycle() == null) {
                out.add(fr);
                continue;
            }
            PolicyStep step = new PolicyStep(s.actions(), s.detections(), s.explanation(), f.apply(s.cycle()),
                    s.pendingApprovals(), s.incidents(), s.learning());
            out.add(new Frame(fr.tick(), fr.simMillis(), fr.finished(), fr.snapshot(), fr.routing(), fr.faults(), step,
                    fr.totals(), fr.commands(), fr.commandErrors()));
        }
        return out;
    }

    private static long cycles(List<Frame> frames) {
        return frames.stream().filter(f -> f.step() != null && f.step().cycle() != null).count();
    }

    @Test
    void aUsedCallShowsProviderModelLatencyTokensAndGeminiBadges() {
        ReasoningViewModel vm = started();
        ReasonerCall used = new ReasonerCall("gemini", "gemini-2.5-flash", ReasonerCall.USED, null, 812, 1204, 310);
        List<Frame> frames = rewrite(outage, c -> withCall(c, used, "gemini"));
        vm.onFrames(FrameBatch.of(frames));

        CycleDetail.CallLine call = vm.getDetail().call();
        assertTrue(call.present());
        assertEquals("gemini · gemini-2.5-flash · 812 ms · 1,204 in / 310 out tokens · used", call.text());
        assertEquals("used", call.outcome());
        assertEquals("", call.reason(), "nothing to explain when the model's answer was used");
        CycleDetail.HypothesisLine top = vm.getDetail().hypotheses().get(0);
        assertEquals("gemini", top.source());
        assertTrue(top.llm());

        long n = cycles(frames);
        assertEquals(String.format(java.util.Locale.ROOT,
                "LLM: %,d calls · 0 fallbacks · %,d in / %,d out tokens · mean 812 ms", n, n * 1204, n * 310),
                vm.callTotalsProperty().get());
    }

    @Test
    void aFallbackSaysTheHeuristicsAnsweredAndWhy() {
        ReasoningViewModel vm = started();
        ReasonerCall timeout = new ReasonerCall("openai", "gpt-4o-mini", ReasonerCall.FALLBACK,
                "timeout after 4000 ms", 4000, 0, 0);
        vm.onFrames(FrameBatch.of(rewrite(outage, c -> withCall(c, timeout, "heuristic"))));

        CycleDetail d = vm.getDetail();
        assertEquals("openai · gpt-4o-mini · 4,000 ms · fallback", d.call().text());
        assertEquals("fallback", d.call().outcome());
        assertEquals("heuristics answered: timeout after 4000 ms", d.call().reason());
        assertEquals("heuristic", d.hypotheses().get(0).source());
        assertFalse(d.hypotheses().get(0).llm());
        assertTrue(vm.callTotalsProperty().get().contains(" · " + cycles(outage) + " fallbacks · "),
                vm.callTotalsProperty().get());
        assertTrue(vm.callTotalsProperty().get().endsWith("mean 4,000 ms"), vm.callTotalsProperty().get());
    }

    @Test
    void pendingAndSkippedCallsSayWhatHappenedAndAreNotCountedAsCalls() {
        ReasoningViewModel vm = started();
        List<Frame> frames = rewrite(outage, c -> withCall(c, c.atMillis() % 4000 == 0
                ? new ReasonerCall("gemini", "gemini-2.5-flash", ReasonerCall.PENDING, null, 0, 0, 0)
                : new ReasonerCall("gemini", "gemini-2.5-flash", ReasonerCall.SKIPPED, "paused after 3 failures", 0, 0, 0),
                "heuristic"));
        vm.onFrames(FrameBatch.of(frames));
        CycleEntry pending = vm.history().stream().filter(e -> e.cycle().call().outcome().equals("pending"))
                .findFirst().orElseThrow();
        CycleEntry skipped = vm.history().stream().filter(e -> e.cycle().call().outcome().equals("skipped"))
                .findFirst().orElseThrow();

        vm.select(pending);
        assertEquals("gemini · gemini-2.5-flash · pending", vm.getDetail().call().text());
        assertTrue(vm.getDetail().call().reason().startsWith("heuristics answered this cycle"));
        vm.select(skipped);
        assertEquals("model not asked: paused after 3 failures", vm.getDetail().call().reason());
        assertTrue(vm.callTotalsProperty().get().startsWith("LLM: 0 calls · 0 fallbacks"), vm.callTotalsProperty().get());
        assertTrue(vm.callTotalsProperty().get().contains("skipped"));
    }

    @Test
    void withTheHeuristicsThereIsNoCallLineAndNoTotals() {
        ReasoningViewModel vm = started();
        vm.onFrames(FrameBatch.of(outage));
        assertFalse(vm.getDetail().call().present());
        assertEquals(CycleDetail.CallLine.NONE, vm.getDetail().call());
        assertEquals("", vm.callTotalsProperty().get());
        assertEquals("heuristic", vm.getDetail().hypotheses().get(0).source());
    }

    @Test
    void totalsStartAgainWithANewSessionAndCountEveryCycleOfABatch() {
        ReasoningViewModel vm = started();
        ReasonerCall used = new ReasonerCall("gemini", "gemini-2.5-flash", ReasonerCall.USED, null, 100, 10, 5);
        ReasonerCall failed = new ReasonerCall("gemini", "gemini-2.5-flash", ReasonerCall.FALLBACK, "HTTP 429", 300, 0, 0);
        // alternate: used, 429, used, 429 … in batches of 7 frames, as the pump delivers them at speed
        int[] i = {0};
        List<Frame> frames = rewrite(outage, c -> withCall(c, i[0]++ % 2 == 0 ? used : failed, "gemini"));
        for (int k = 0; k < frames.size(); k += 7) {
            vm.onFrames(FrameBatch.of(frames.subList(k, Math.min(frames.size(), k + 7))));
        }
        long n = i[0];
        long fallbacks = n / 2;
        long ok = n - fallbacks;
        assertEquals(String.format(java.util.Locale.ROOT,
                "LLM: %,d calls · %,d fallbacks · %,d in / %,d out tokens · mean %,d ms", n, fallbacks, ok * 10, ok * 5,
                Math.round((ok * 100.0 + fallbacks * 300.0) / n)), vm.callTotalsProperty().get());

        vm.onSessionStart(TestFrames.session("stripe-outage", 7));
        assertEquals("", vm.callTotalsProperty().get());
    }
}
