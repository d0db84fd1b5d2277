package io.payops.policy;

import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActionType;
import io.payops.domain.Approval;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.PolicyStep;
import io.payops.domain.RetryPolicy;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Target;
import io.payops.engine.RunSettings;
import io.payops.report.RunReport;
import io.payops.run.ScenarioRunner;
import io.payops.sim.Routing;
import io.payops.sim.ScenarioLoader;
import io.payops.sim.World;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesPolicyTest {

    // ---- hand-made snapshots ---------------------------------------------------------------------------------

    static SegmentStats stats(Target t, long attempts, long failures) {
        long ok = attempts - failures;
        return new SegmentStats(t, attempts, attempts, ok, attempts == 0 ? 1 : (double) ok / attempts,
                300, 800, 1200, 1.0, attempts / 60.0, Map.of());
    }

    static Target gw(String g) {
        return Target.gateway(g);
    }

    static Target issuer(String i) {
        return Target.of(Dimension.ISSUER, i);
    }

    static Target path(String g, String i) {
        return Target.of(Dimension.GATEWAY, g, Dimension.ISSUER, i);
    }

    static Snapshot snapshot(long at, SegmentStats total, SegmentStats... segments) {
        return new Snapshot(at, 60, 900, total, List.of(segments), total, List.of(segments));
    }

    /** 1000 attempts over four gateways in 40/30/20/10; {@code stripeFailures} on stripe, 5% failures elsewhere. */
    static Snapshot stripeFailing(long at, long stripeFailures) {
        SegmentStats stripe = stats(gw("stripe"), 400, stripeFailures);
        SegmentStats adyen = stats(gw("adyen"), 300, 15);
        SegmentStats razorpay = stats(gw("razorpay"), 200, 10);
        SegmentStats paypal = stats(gw("paypal"), 100, 5);
        long failures = stripeFailures + 30;
        return snapshot(at, stats(Target.ALL, 1000, failures), stripe, adyen, razorpay, paypal);
    }

    private static List<RulesPolicy.Finding> firing(Snapshot s) {
        return RulesPolicy.evaluate(s).stream().filter(RulesPolicy.Finding::fires).toList();
    }

    @Test
    void aGatewayFailingAboveFifteenPercentWithMostFailuresFires() {
        List<RulesPolicy.Finding> f = firing(stripeFailing(60_000, 80)); // 20%, 80 of 110 failures
        assertEquals(1, f.size());
        RulesPolicy.Finding stripe = f.get(0);
        assertEquals(gw("stripe"), stripe.target());
        assertEquals(0.20, stripe.failureRate(), 1e-9);
        assertEquals(80.0 / 110, stripe.failureShare(), 1e-9);
        // confidence = min(0.99, max(share, 1 - rest/f) + 0.3) = min(0.99, max(0.727, 1 - 0.05/0.2) + 0.3)
        assertEquals(Math.min(0.99, Math.max(80.0 / 110, 0.75) + 0.3), stripe.confidence(), 1e-9);
        assertEquals(Diagnosis.GATEWAY_OUTAGE, stripe.diagnosis());
    }

    @Test
    void belowFifteenPercentDoesNotFire() {
        assertTrue(firing(stripeFailing(60_000, 56)).isEmpty()); // 14%
        assertEquals(1, firing(stripeFailing(60_000, 60)).size()); // exactly 15%
    }

    @Test
    void fewerThanFiftyAttemptsDoNotFire() {
        SegmentStats paypal = stats(gw("paypal"), 49, 40);
        SegmentStats stripe = stats(gw("stripe"), 951, 20);
        Snapshot s = snapshot(60_000, stats(Target.ALL, 1000, 60), stripe, paypal);
        assertTrue(firing(s).isEmpty());
        SegmentStats paypal50 = stats(gw("paypal"), 50, 40);
        Snapshot s50 = snapshot(60_000, stats(Target.ALL, 1001, 60), stripe, paypal50);
        assertEquals(gw("paypal"), firing(s50).get(0).target());
    }

    @Test
    void failuresSpreadEvenlyOverEveryGatewayAreNotConcentrated() {
        SegmentStats a = stats(gw("stripe"), 400, 80);
        SegmentStats b = stats(gw("adyen"), 300, 60);
        SegmentStats c = stats(gw("razorpay"), 200, 40);
        SegmentStats d = stats(gw("paypal"), 100, 20);
        Snapshot s = snapshot(60_000, stats(Target.ALL, 1000, 200), a, b, c, d);
        List<RulesPolicy.Finding> all = RulesPolicy.evaluate(s);
        assertEquals(4, all.size(), "every gateway is over 15% ...");
        assertTrue(all.stream().noneMatch(RulesPolicy.Finding::fires), "... but none holds the failures: " + all);
        RulesPolicy.Finding stripe = all.stream().filter(x -> x.target().equals(gw("stripe"))).findFirst().orElseThrow();
        assertEquals(0.4, stripe.failureShare(), 1e-9);
        assertEquals(0.7, stripe.confidence(), 1e-9); // max(0.4, 1 - 0.2/0.2) + 0.3
    }

    @Test
    void aSmallSegmentAtTwiceTheRestsFailureRateFiresThroughTheRatioTest() {
        // paypal: 100 attempts, 30% failures = 30 of 130 failures (share 0.23); rest: 100/900 = 11.1%
        SegmentStats paypal = stats(gw("paypal"), 100, 30);
        SegmentStats stripe = stats(gw("stripe"), 900, 100);
        Snapshot s = snapshot(60_000, stats(Target.ALL, 1000, 130), stripe, paypal);
        RulesPolicy.Finding f = firing(s).get(0);
        assertEquals(gw("paypal"), f.target());
        assertTrue(f.failureShare() < 0.5);
        double ratioTerm = 1 - (100.0 / 900) / 0.30;
        assertEquals(Math.min(0.99, ratioTerm + 0.3), f.confidence(), 1e-9);
        assertTrue(f.confidence() >= 0.8);
    }

    @Test
    void anIssuerFiresAndOnlyGatewayAndIssuerSegmentsAreConsidered() {
        SegmentStats sbi = stats(issuer("SBI"), 200, 60);
        SegmentStats hdfc = stats(issuer("HDFC"), 800, 20);
        SegmentStats path = stats(path("razorpay", "SBI"), 60, 50); // a path segment is never a finding itself
        SegmentStats visa = stats(Target.of(Dimension.NETWORK, "VISA"), 500, 80); // nor a network
        Snapshot s = snapshot(60_000, stats(Target.ALL, 1000, 80), sbi, hdfc, path, visa);
        List<RulesPolicy.Finding> f = firing(s);
        assertEquals(1, f.size());
        assertEquals(issuer("SBI"), f.get(0).target());
        assertEquals(Diagnosis.ISSUER_DEGRADATION, f.get(0).diagnosis());
    }

    // ---- the policy on a real Routing ------------------------------------------------------------------------

    private static PolicyStep tick(RulesPolicy p, Routing r, Snapshot s) {
        return p.onTick(new PolicyContext(s.atMillis(), s, r));
    }

    @Test
    void shiftsThirtyPercentOnceEveryFiveMinutesAndRestoresAfterFiveHealthyMinutes() {
        Routing routing = new Routing(World.defaultWorld(), RetryPolicy.DEFAULT);
        RulesPolicy rules = new RulesPolicy();
        assertSame(PolicyStep.NONE, tick(rules, routing, stripeFailing(50_000, 300)), "nothing before the window is full");

        PolicyStep first = tick(rules, routing, stripeFailing(60_000, 300));
        assertEquals(1, first.actions().size());
        var rec = first.actions().get(0);
        assertEquals(ActionType.SHIFT_TRAFFIC, rec.action().type());
        assertEquals(gw("stripe"), rec.action().target());
        assertEquals(0.3, rec.action().fraction(), 1e-9);
        assertEquals(ActionStatus.EXECUTED, rec.status());
        assertEquals(Approval.NONE, rec.approval());
        assertEquals(ActionOutcome.NOT_APPLICABLE, rec.outcome());
        assertFalse(rec.recovery());
        assertEquals(1, first.detections().size());
        assertEquals(Diagnosis.GATEWAY_OUTAGE, first.detections().get(0).diagnosis());
        assertEquals(gw("stripe"), first.detections().get(0).target());
        assertTrue(first.detections().get(0).confidence() >= 0.8);
        assertNotNull(first.explanation());
        assertEquals(28, routing.state().weights().get("stripe"), 1e-9);

        assertSame(PolicyStep.NONE, tick(rules, routing, stripeFailing(65_000, 300)), "checks every 10 s only");
        PolicyStep cooling = tick(rules, routing, stripeFailing(70_000, 300));
        assertTrue(cooling.actions().isEmpty(), "one action per gateway per 5 minutes");
        assertEquals(1, cooling.detections().size(), "but it still reports what it sees");
        assertEquals(28, routing.state().weights().get("stripe"), 1e-9);

        PolicyStep second = tick(rules, routing, stripeFailing(360_000, 300));
        assertEquals(1, second.actions().size());
        assertEquals(19.6, routing.state().weights().get("stripe"), 1e-9);
        assertEquals(2, second.actions().get(0).id());

        // healthy from 370 s on: restored once it has been healthy for 5 minutes (and 5 minutes after the last shift)
        List<PolicyStep> steps = new ArrayList<>();
        for (long t = 370_000; t < 670_000; t += 10_000) {
            steps.add(tick(rules, routing, stripeFailing(t, 20)));
        }
        assertTrue(steps.stream().allMatch(s -> s.actions().isEmpty()), "not restored before 5 healthy minutes");
        PolicyStep restore = tick(rules, routing, stripeFailing(670_000, 20));
        assertEquals(1, restore.actions().size());
        assertTrue(restore.actions().get(0).recovery());
        assertEquals(routing.initialState().weights(), roundWeights(routing.state().weights()));
    }

    @Test
    void anIssuerFiringShiftsAwayFromTheWorstGatewayOnThatIssuer() {
        Routing routing = new Routing(World.defaultWorld(), RetryPolicy.DEFAULT);
        RulesPolicy rules = new RulesPolicy();
        SegmentStats sbi = stats(issuer("SBI"), 200, 60);
        SegmentStats hdfc = stats(issuer("HDFC"), 800, 20);
        SegmentStats bad = stats(path("razorpay", "SBI"), 40, 35);
        SegmentStats ok = stats(path("stripe", "SBI"), 80, 10);
        SegmentStats tiny = stats(path("paypal", "SBI"), 5, 5); // worse, but too few attempts to judge
        Snapshot s = snapshot(60_000, stats(Target.ALL, 1000, 80), sbi, hdfc, bad, ok, tiny);
        PolicyStep step = tick(rules, routing, s);
        assertEquals(1, step.actions().size());
        assertEquals(gw("razorpay"), step.actions().get(0).action().target());
        assertEquals(Diagnosis.ISSUER_DEGRADATION, step.detections().get(0).diagnosis());
        assertEquals(issuer("SBI"), step.detections().get(0).target());
        assertEquals(14, routing.state().weights().get("razorpay"), 1e-9);
    }

    private static Map<String, Double> roundWeights(Map<String, Double> w) {
        var out = new java.util.TreeMap<String, Double>();
        w.forEach((k, v) -> out.put(k, Math.round(v * 1e6) / 1e6));
        return out;
    }

    // ---- whole scenarios -------------------------------------------------------------------------------------

    @Test
    void onStripeOutageItPreventsPartOfTheLossAndDetectsTheGateway() {
        var scenario = ScenarioLoader.builtIn("stripe-outage").withDuration(900);
        RunReport stat = ScenarioRunner.run(scenario, RunSettings.of("static"));
        RunReport rules = ScenarioRunner.run(scenario, RunSettings.of("rules"));
        assertTrue(rules.excessFailures() < 0.8 * stat.excessFailures(),
                "rules " + rules.excessFailures() + " static " + stat.excessFailures());
        assertNotNull(rules.incidents().get(0).detectedAtSecond());
        assertEquals("gateway_outage", rules.incidents().get(0).diagnosis());
        assertEquals(gw("stripe"), rules.incidents().get(0).diagnosisTarget());
        assertTrue(rules.actions().stream().anyMatch(a -> a.type().equals("shift_traffic")));
    }

    @Test
    void onQuietItChangesNothing() {
        RunReport rules = ScenarioRunner.run(ScenarioLoader.builtIn("quiet"), RunSettings.of("rules"));
        assertTrue(rules.actions().isEmpty(), rules.actions().toString());
        assertEquals(0, rules.falseActions());
        assertEquals(0.0, rules.excessFailures(), 1e-9);
    }
}
