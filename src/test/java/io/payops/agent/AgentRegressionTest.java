package io.payops.agent;

import io.payops.domain.Dimension;
import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.Target;
import io.payops.report.ActionReport;
import io.payops.report.IncidentReport;
import io.payops.sim.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.payops.agent.RegressionRun.fault;
import static io.payops.agent.RegressionRun.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression tests for the failure classes of issue #14: each is a small world built in code (the default cast,
 * flat traffic, the fault starting at 300 s once the agent has learnt normal, at most 1380 s) run in the closed loop
 * with the agent at several fixed seeds, since one seed could pass by luck. Each test is named for what it protects;
 * every message names the scenario and seed and shows the incidents, what the agent said and every action it took
 * (see {@link RegressionRun#explain()}).
 */
class AgentRegressionTest {
    private static final double START = 300;
    /** After the last fault ends, as in the random worlds: long enough to see its recovery and its echo. */
    private static final int TAIL = 180;
    /** Fault length and world length where the fault's traffic is busy enough to be seen quickly… */
    private static final double FAULT_SECONDS = 600;
    private static final int WORLD_SECONDS = (int) (START + FAULT_SECONDS) + TAIL;
    /** …and where it is a trickle (a few attempts a second or less), so that the agent has time to be sure. */
    private static final double LONG_FAULT_SECONDS = 900;
    private static final int LONG_WORLD_SECONDS = (int) (START + LONG_FAULT_SECONDS) + TAIL;

    private static final Target ALL = Target.ALL;

    /** Asserts the fault's incident was diagnosed: its type on its exact target (and that is what it was taken for). */
    private static IncidentReport assertDiagnosed(RegressionRun run, FaultType type, Target target) {
        IncidentReport i = run.incident(type, target);
        assertEquals("diagnosed", i.attribution(), () -> type.key() + " on {" + target + "} was not diagnosed\n"
                + run.explain());
        assertEquals(type.key(), i.diagnosis(), () -> "diagnosis of " + type.key() + " on {" + target + "}\n"
                + run.explain());
        assertEquals(target, i.diagnosisTarget(), () -> "diagnosis target of " + type.key() + " on {" + target + "}\n"
                + run.explain());
        return i;
    }

    private static void assertMovesNoTraffic(RegressionRun run, String why) {
        List<ActionReport> moves = run.moves();
        assertTrue(moves.isEmpty(), () -> why + ": the agent moved traffic " + moves + "\n" + run.explain());
    }

    // ---- 1. network errors on one gateway's path to a card network ------------------------------------------------

    /**
     * Network errors on stripe's path to RUPAY are that path's trouble: the agent must say so (not "RUPAY
     * everywhere", which would make it alert and leave a routable fault alone) and move traffic only off that path.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1401, 1402, 1403})
    void networkErrorsOnOneGatewaysPathToANetworkAreLocalizedOnThatPathAndRoutedOnIt(long seed) {
        Target path = Target.of(Dimension.GATEWAY, "stripe", Dimension.NETWORK, "RUPAY");
        RegressionRun run = RegressionRun.of(world("stripe-rupay-network-errors", seed, WORLD_SECONDS, 40,
                fault(FaultType.NETWORK_ERRORS, path, START, FAULT_SECONDS, 0.5)));

        assertDiagnosed(run, FaultType.NETWORK_ERRORS, path);
        List<ActionReport> networkWide = run.report().actions().stream()
                .filter(a -> !a.recovery() && !a.target().has(Dimension.GATEWAY) && a.target().overlaps(path))
                .toList();
        assertTrue(networkWide.isEmpty(), () -> "acted on the network (or more) everywhere: " + networkWide + "\n"
                + run.explain());
        List<ActionReport> elsewhere = run.moves().stream().filter(a -> !a.target().within(path)).toList();
        assertTrue(elsewhere.isEmpty(), () -> "moved traffic that is not on {" + path + "}: " + elsewhere + "\n"
                + run.explain());
    }

    // ---- 2. a gateway outage ---------------------------------------------------------------------------------------

    /**
     * An outage of a whole gateway is the gateway's: not one of its issuer (or other) paths, nor all traffic; at
     * 8 payments/s too, where razorpay sees under two attempts a second.
     * <p>
     * With the agent as of commit 34ce09b, 8 payments/s seed 1411 failed: the agent opened razorpay's circuit at 310 s and says gateway_outage on gateway=razorpay 47 times (310–1139 s),
     * but from 851 s, on the trickle razorpay still carries, it narrows the outage to razorpay's paths: method=CARD
     * (36×, 851–921 s), network=MASTERCARD (13×) and network=VISA (50×, 1021–1233 s), with alerts on the CARD and VISA
     * paths; its settled view was gateway_outage on gateway=razorpay network=VISA, so the incident was misdiagnosed.
     * (What is seen inside a circuit opened on exactly the trouble's target now stays that target's trouble.)
     */
    @ParameterizedTest(name = "{0} payments/s, seed {1}")
    @CsvSource({"40, 1411", "40, 1412", "40, 1413", "8, 1411", "8, 1412", "8, 1413"})
    void aGatewayOutageIsDiagnosedOnTheGatewayNotOnAPathNorOnAllTraffic(double tps, long seed) {
        Target razorpay = Target.gateway("razorpay");
        int seconds = tps < 20 ? LONG_WORLD_SECONDS : WORLD_SECONDS;
        double duration = tps < 20 ? LONG_FAULT_SECONDS : FAULT_SECONDS;
        RegressionRun run = RegressionRun.of(world("razorpay-outage", seed, seconds, tps,
                fault(FaultType.GATEWAY_OUTAGE, razorpay, START, duration, 0.3)));

        assertDiagnosed(run, FaultType.GATEWAY_OUTAGE, razorpay);
    }

    // ---- 3. a low-volume issuer path degradation -------------------------------------------------------------------

    /**
     * PayPal's path to KOTAK at 10 payments/s carries about one attempt every nine seconds; losing half its approvals
     * is an issuer degradation on that path, not "broad degradation".
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1421, 1422, 1423})
    void aLowVolumeIssuerPathDegradationIsDiagnosedAsIssuerDegradationOnThatPath(long seed) {
        Target path = Target.of(Dimension.GATEWAY, "paypal", Dimension.ISSUER, "KOTAK");
        RegressionRun run = RegressionRun.of(world("paypal-kotak-low-volume", seed, LONG_WORLD_SECONDS, 10,
                fault(FaultType.ISSUER_DEGRADATION, path, START, LONG_FAULT_SECONDS, 0.5)));

        assertDiagnosed(run, FaultType.ISSUER_DEGRADATION, path);
    }

    // ---- 4. a retry storm on all traffic ---------------------------------------------------------------------------

    /**
     * A retry storm on all traffic is a retry storm (its timeouts are not a latency spike), and no gateway can take
     * the traffic away from it: no traffic is moved; a calmer retry policy is allowed.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1431, 1432, 1433})
    void aRetryStormOnAllTrafficIsDiagnosedAsARetryStormAndMovesNoTraffic(long seed) {
        RegressionRun run = RegressionRun.of(world("retry-storm-everywhere", seed, WORLD_SECONDS, 40,
                fault(FaultType.RETRY_STORM, ALL, START, FAULT_SECONDS, 0.3)));

        assertDiagnosed(run, FaultType.RETRY_STORM, ALL);
        assertMovesNoTraffic(run, "a retry storm on all traffic");
    }

    // ---- 5. a low-volume ramped latency spike on one issuer everywhere ---------------------------------------------

    /**
     * Latency on SBI tripling over four minutes at 6 payments/s (about 1.3 SBI attempts a second) is detected and
     * said to be a latency spike on issuer=SBI.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1441, 1442, 1443})
    void aRampedLatencySpikeOnOneIssuerAtLowVolumeIsDetectedAndDiagnosedOnTheIssuer(long seed) {
        Target sbi = Target.of(Dimension.ISSUER, "SBI");
        RegressionRun run = RegressionRun.of(world("sbi-latency-ramp", seed, WORLD_SECONDS, 6,
                new FaultSpec(FaultType.LATENCY_SPIKE, sbi, START, FAULT_SECONDS, 0, 3, 240)));

        IncidentReport i = run.incident(FaultType.LATENCY_SPIKE, sbi);
        assertNotNull(i.detectedAtSecond(), () -> "latency spike on SBI never detected\n" + run.explain());
        assertDiagnosed(run, FaultType.LATENCY_SPIKE, sbi);
    }

    // ---- 6. trouble on every gateway alike -------------------------------------------------------------------------

    /** Three seeds at 5 payments/s, where noise looked like unevenness, and one each at 20 and 60. */
    static Stream<Arguments> troubleOnEveryGateway() {
        List<Arguments> out = new ArrayList<>();
        FaultType[] types = {FaultType.ISSUER_DEGRADATION, FaultType.GATEWAY_OUTAGE};
        Target[] targets = {Target.of(Dimension.ISSUER, "ICICI"), Target.of(Dimension.METHOD, "UPI")};
        double[] severities = {0.4, 0.3};
        double[] tps = {5, 5, 5, 20, 60};
        long[] seeds = {1451, 1452, 1453, 1454, 1455};
        for (int k = 0; k < types.length; k++) {
            for (int j = 0; j < tps.length; j++) {
                boolean low = tps[j] < 20;
                FaultSpec f = fault(types[k], targets[k], START, low ? LONG_FAULT_SECONDS : FAULT_SECONDS, severities[k]);
                out.add(Arguments.of(types[k].key() + " on {" + targets[k] + "}", f, tps[j], seeds[j],
                        low ? LONG_WORLD_SECONDS : WORLD_SECONDS));
            }
        }
        return out.stream();
    }

    /**
     * An issuer failing on every gateway (or a method failing on every gateway) cannot be routed around: the agent
     * alerts on it and moves no traffic, at 5, 20 and 60 payments/s (at low volume, noise once looked like the
     * trouble being uneven across gateways and opened circuits).
     */
    @ParameterizedTest(name = "{0} at {2} payments/s, seed {3}")
    @MethodSource("troubleOnEveryGateway")
    void troubleOnEveryGatewayGetsAnAlertAndMovesNoTraffic(String what, FaultSpec f, double tps, long seed,
                                                           int seconds) {
        RegressionRun run = RegressionRun.of(world("everywhere-" + f.type().key() + "-" + f.target(), seed,
                seconds, tps, f));

        assertMovesNoTraffic(run, what + " (every gateway alike)");
        assertTrue(run.report().actions().stream().anyMatch(a -> a.type().equals("alert")
                        && a.target().equals(f.target())),
                () -> "no alert on {" + f.target() + "}\n" + run.explain());
    }

    // ---- 7.–9. retry storms and network errors that follow the traffic everywhere ---------------------------------

    /**
     * A retry storm on HDFC, which every gateway carries, gets no path circuit (HDFC's path on a gateway) or shift;
     * at 40 payments/s and at 10, where noise can make the storm look uneven across gateways (so for 8 and 9).
     */
    @ParameterizedTest(name = "{0} payments/s, seed {1}")
    @CsvSource({"40, 1461", "40, 1462", "10, 1463"})
    void aRetryStormOnOneIssuerEverywhereGetsNoPathCircuitAndMovesNoTraffic(double tps, long seed) {
        RegressionRun run = RegressionRun.of(world("hdfc-retry-storm", seed, WORLD_SECONDS, tps,
                fault(FaultType.RETRY_STORM, Target.of(Dimension.ISSUER, "HDFC"), START, FAULT_SECONDS, 0.4)));

        assertMovesNoTraffic(run, "a retry storm on HDFC everywhere");
    }

    /** A retry storm on CARD payments, which every gateway carries, moves no traffic. */
    @ParameterizedTest(name = "{0} payments/s, seed {1}")
    @CsvSource({"40, 1471", "40, 1472", "10, 1473"})
    void aRetryStormOnOneMethodEverywhereMovesNoTraffic(double tps, long seed) {
        RegressionRun run = RegressionRun.of(world("card-retry-storm", seed, WORLD_SECONDS, tps,
                fault(FaultType.RETRY_STORM, Target.of(Dimension.METHOD, "CARD"), START, FAULT_SECONDS, 0.4)));

        assertMovesNoTraffic(run, "a retry storm on CARD everywhere");
    }

    /** Network errors on all traffic move no traffic: no gateway × method (or any other) circuit, no shift. */
    @ParameterizedTest(name = "{0} payments/s, seed {1}")
    @CsvSource({"40, 1481", "40, 1482", "10, 1483"})
    void networkErrorsOnAllTrafficMoveNoTraffic(double tps, long seed) {
        RegressionRun run = RegressionRun.of(world("network-errors-everywhere", seed, WORLD_SECONDS, tps,
                fault(FaultType.NETWORK_ERRORS, ALL, START, FAULT_SECONDS, 0.3)));

        assertMovesNoTraffic(run, "network errors on all traffic");
    }

    // ---- 10. a routable fault under a fault on all traffic ---------------------------------------------------------

    /**
     * An adyen outage that begins while all traffic has network errors is still adyen's: diagnosed on gateway=adyen,
     * and a routing change on adyen (its circuit or a shift away from it) is put in force while both faults are on.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1491, 1492, 1493})
    void aGatewayOutageUnderNetworkErrorsOnAllTrafficIsStillDiagnosedAndRoutedAround(long seed) {
        Target adyen = Target.gateway("adyen");
        FaultSpec broad = fault(FaultType.NETWORK_ERRORS, ALL, START, 900, 0.2);
        FaultSpec outage = fault(FaultType.GATEWAY_OUTAGE, adyen, 500, 600, 0.8);
        double bothFrom = Math.max(broad.startSecond(), outage.startSecond());
        double bothUntil = Math.min(broad.endSecond(), outage.endSecond());
        RegressionRun run = RegressionRun.of(world("adyen-outage-under-network-errors", seed, LONG_WORLD_SECONDS, 40,
                broad, outage));

        assertDiagnosed(run, FaultType.GATEWAY_OUTAGE, adyen);
        assertTrue(run.moves().stream().anyMatch(a -> a.target().equals(adyen)
                        && a.atSecond().doubleValue() >= bothFrom && a.atSecond().doubleValue() < bothUntil),
                () -> "no routing change on adyen executed between " + bothFrom + " and " + bothUntil + " s\n"
                        + run.explain());
    }

    // ---- 11. trouble on every gateway, but measurably less on one ------------------------------------------------

    /**
     * HDFC fails 60% of the time on stripe, adyen and paypal but only 20% on razorpay: routing can help, by closing
     * HDFC's paths to the worse gateways so its payments converge on razorpay. The agent must do that (path circuits,
     * never a whole gateway and never razorpay's HDFC path), and end with fewer failed payments than doing nothing.
     * The counterpart of {@link #troubleOnEveryGatewayGetsAnAlertAndMovesNoTraffic}: unevenness that is real.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1461, 1462, 1463})
    void troubleMeasurablyLessOnOneGatewayMovesThePaymentsTowardsIt(long seed) {
        Target hdfc = Target.of(Dimension.ISSUER, "HDFC");
        List<FaultSpec> faults = new ArrayList<>();
        for (String g : List.of("stripe", "adyen", "paypal", "razorpay")) {
            faults.add(fault(FaultType.ISSUER_DEGRADATION, hdfc.with(Dimension.GATEWAY, g), START, FAULT_SECONDS,
                    g.equals("razorpay") ? 0.2 : 0.6));
        }
        var scenario = world("hdfc-uneven", seed, WORLD_SECONDS, 40, faults.toArray(FaultSpec[]::new));
        RegressionRun run = RegressionRun.of(scenario);
        double staticExcess = io.payops.run.ScenarioRunner.run(scenario,
                io.payops.engine.RunSettings.of("static"), null, f -> { }).excessFailures();

        List<ActionReport> moves = run.moves();
        assertTrue(moves.stream().anyMatch(a -> a.type().equals("open_circuit") && a.target().within(hdfc)
                        && !a.target().get(Dimension.GATEWAY).equals("razorpay")),
                () -> "no HDFC path closed on a worse gateway\n" + run.explain());
        assertTrue(moves.stream().noneMatch(a -> a.target().equals(hdfc.with(Dimension.GATEWAY, "razorpay"))
                        || a.target().size() == 1 && a.target().has(Dimension.GATEWAY)),
                () -> "moved razorpay's HDFC path or a whole gateway\n" + run.explain());
        assertTrue(run.report().excessFailures() < staticExcess - 100,
                () -> "excess " + run.report().excessFailures() + " against static " + staticExcess + "\n"
                        + run.explain());
    }

    /** The names the scenarios above use are in the default world (a typo in a target would make a test vacuous). */
    @Test
    void theNamesUsedAboveAreInTheDefaultWorld() {
        World w = World.defaultWorld();
        for (String v : List.of("stripe", "razorpay", "paypal", "adyen")) {
            assertTrue(w.knows(Dimension.GATEWAY, v), v);
        }
        assertTrue(w.knows(Dimension.NETWORK, "RUPAY"), "RUPAY");
        for (String v : List.of("KOTAK", "SBI", "ICICI", "HDFC")) {
            assertTrue(w.knows(Dimension.ISSUER, v), v);
        }
        for (String v : List.of("UPI", "CARD")) {
            assertTrue(w.knows(Dimension.METHOD, v), v);
        }
    }
}
