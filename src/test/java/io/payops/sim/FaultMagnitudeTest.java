package io.payops.sim;

import io.payops.domain.Attempt;
import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.RetryPolicy;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults do what their specs say, measured on the attempts the simulator emits under static routing. */
class FaultMagnitudeTest {

    private static List<Attempt> simulate(int tps, int seconds, FaultSpec... faults) {
        Scenario s = new Scenario("t", "", 42, seconds, tps, TrafficShape.FLAT, 3600, List.of(faults), World.defaultWorld());
        List<Attempt> out = new ArrayList<>();
        Simulator sim = new Simulator(s, new Routing(s.world(), RetryPolicy.DEFAULT), out::add);
        for (int t = 1; t <= seconds; t++) {
            sim.advanceTo(t * 1000L);
        }
        return out;
    }

    private static double successRate(List<Attempt> all, Predicate<Attempt> p) {
        long n = all.stream().filter(p).count();
        long ok = all.stream().filter(p).filter(a -> a.status().success()).count();
        return (double) ok / n;
    }

    private static Predicate<Attempt> between(int fromSecond, int toSecond) {
        return a -> a.tsMillis() >= fromSecond * 1000L && a.tsMillis() < toSecond * 1000L;
    }

    @Test
    void issuerDegradationOnAGatewayPathTakesItsSeverityOffThatPathOnly() {
        Target path = Target.of(Dimension.GATEWAY, "razorpay", Dimension.ISSUER, "SBI");
        List<Attempt> all = simulate(400, 900, new FaultSpec(FaultType.ISSUER_DEGRADATION, path, 300, 600, 0.35, 1, 0));
        Predicate<Attempt> onPath = a -> a.gateway().equals("razorpay") && a.issuer().equals("SBI");
        double before = successRate(all, onPath.and(between(0, 300)));
        double during = successRate(all, onPath.and(between(300, 900)));
        assertEquals(before - 0.35, during, 0.02, "path success before " + before + " during " + during);
        Predicate<Attempt> otherSbi = a -> !a.gateway().equals("razorpay") && a.issuer().equals("SBI");
        assertEquals(successRate(all, otherSbi.and(between(0, 300))), successRate(all, otherSbi.and(between(300, 900))), 0.01);
    }

    @Test
    void retryStormRaisesAttemptsPerPayment() {
        List<Attempt> all = simulate(200, 600,
                new FaultSpec(FaultType.RETRY_STORM, Target.gateway("adyen"), 300, 300, 0.5, 1, 0));
        double before = perPayment(all, between(0, 300));
        double during = perPayment(all, between(320, 600));
        assertTrue(before < 1.1, "before " + before);
        assertTrue(during > before + 0.12, "attempts per payment before " + before + " during " + during);
    }

    private static double perPayment(List<Attempt> all, Predicate<Attempt> p) {
        long attempts = all.stream().filter(p).count();
        long payments = all.stream().filter(p).filter(Attempt::firstAttempt).count();
        return (double) attempts / payments;
    }

    @Test
    void latencySpikeMovesP95ByAboutItsMultiplier() {
        List<Attempt> all = simulate(200, 600,
                new FaultSpec(FaultType.LATENCY_SPIKE, Target.gateway("paypal"), 300, 300, 0, 4, 0));
        Predicate<Attempt> paypal = a -> a.gateway().equals("paypal");
        double before = p95(all, paypal.and(between(0, 300)));
        double during = p95(all, paypal.and(between(300, 600)));
        assertEquals(4.0, during / before, 0.4, "p95 before " + before + " during " + during);
    }

    private static double p95(List<Attempt> all, Predicate<Attempt> p) {
        int[] lat = all.stream().filter(p).mapToInt(Attempt::latencyMs).sorted().toArray();
        return lat[(int) Math.ceil(0.95 * lat.length) - 1];
    }

    @Test
    void gatewayOutageFailsItsSeverityOfAttemptsWithGatewayError() {
        List<Attempt> all = simulate(200, 600,
                new FaultSpec(FaultType.GATEWAY_OUTAGE, Target.gateway("stripe"), 300, 300, 0.8, 1, 0));
        Predicate<Attempt> stripeDuring = a -> a.gateway().equals("stripe") && a.tsMillis() >= 300_000;
        double before = successRate(all, a -> a.gateway().equals("stripe") && a.tsMillis() < 300_000);
        double during = successRate(all, stripeDuring);
        assertEquals(before * 0.2, during, 0.02);
    }

    @Test
    void rampedFaultGrowsGradually() {
        Target path = Target.of(Dimension.GATEWAY, "adyen", Dimension.ISSUER, "HDFC");
        List<Attempt> all = simulate(400, 900, new FaultSpec(FaultType.ISSUER_DEGRADATION, path, 300, 600, 0.4, 1, 240));
        Predicate<Attempt> onPath = a -> a.gateway().equals("adyen") && a.issuer().equals("HDFC");
        double base = successRate(all, onPath.and(between(0, 300)));
        double early = successRate(all, onPath.and(between(300, 360)));
        double full = successRate(all, onPath.and(between(600, 900)));
        assertEquals(base - 0.05, early, 0.04); // mean intensity over the first minute is 1/8 of 0.4
        assertEquals(base - 0.40, full, 0.025);
    }

    @Test
    void sameSeedGivesTheSameAttempts() {
        FaultSpec f = new FaultSpec(FaultType.NETWORK_ERRORS, Target.ALL, 10, 20, 0.3, 1, 0);
        List<Attempt> a = simulate(100, 60, f);
        List<Attempt> b = simulate(100, 60, f);
        assertEquals(a, b);
        assertTrue(Arrays.stream(new int[]{a.size()}).sum() > 5000);
    }
}
