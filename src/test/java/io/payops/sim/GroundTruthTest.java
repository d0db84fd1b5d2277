package io.payops.sim;

import io.payops.domain.FaultSpec;
import io.payops.domain.FaultType;
import io.payops.domain.RetryPolicy;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The oracle's view of the world: this and the next tick's faults, and expected success that agrees with the excess ledger. */
class GroundTruthTest {
    private static final FaultSpec STRIPE_HALF_DOWN =
            new FaultSpec(FaultType.GATEWAY_OUTAGE, Target.gateway("stripe"), 100, 400, 0.5, 1, 0);

    private static Simulator simulator(FaultSpec... faults) {
        Scenario s = new Scenario("t", "", 11, 500, 60, TrafficShape.FLAT, 3600, List.of(faults), World.defaultWorld());
        return new Simulator(s, new Routing(s.world(), RetryPolicy.DEFAULT), a -> { });
    }

    @Test
    void seesTheFaultsOfTheNextTickAndVersionsThem() {
        Simulator sim = simulator(STRIPE_HALF_DOWN);
        GroundTruth truth = sim.groundTruth();
        sim.advanceTo(99_000);
        long quiet = truth.version();
        assertTrue(truth.nextTickFaults().isEmpty());
        sim.advanceTo(100_000);
        // the tick just run (99..100 s) had no fault; the next one (100..101 s) will
        assertTrue(truth.activeFaults().isEmpty());
        assertEquals(1, truth.nextTickFaults().size());
        assertNotEquals(quiet, truth.version());
        long starting = truth.version();
        sim.advanceTo(101_000);
        assertEquals(1, truth.activeFaults().size());
        assertNotEquals(starting, truth.version(), "the fault now acts in the tick just run too");
        long on = truth.version();
        sim.advanceTo(102_000);
        assertEquals(on, truth.version(), "nothing changed for the tick after");
        sim.advanceTo(500_000);
        assertTrue(truth.nextTickFaults().isEmpty(), "the fault ends at 500 s");
        assertEquals(1, truth.activeFaults().size());
    }

    @Test
    void agreesWithTheExcessLedgerOverTheDrawnPayments() {
        Simulator sim = simulator(STRIPE_HALF_DOWN);
        GroundTruth truth = sim.groundTruth();
        double healthy = truth.expectedSuccess();
        sim.advanceTo(100_000);
        double faulty = truth.expectedSuccess();
        long before = sim.totals().payments();
        sim.advanceTo(500_000);
        double payments = sim.totals().payments() - before;
        double perPayment = sim.totals().excessFailures() / payments;
        assertEquals(healthy - faulty, perPayment, 0.02 * (healthy - faulty),
                "expected loss per payment " + (healthy - faulty) + ", ledger " + perPayment);
    }

    @Test
    void weighsCircuitsAndKnowsWhichWouldStrand() {
        Simulator sim = simulator(STRIPE_HALF_DOWN);
        GroundTruth truth = sim.groundTruth();
        sim.advanceTo(100_000);
        Target stripe = Target.gateway("stripe");
        assertTrue(truth.expectedSuccess(List.of(stripe)) > truth.expectedSuccess() + 0.01);
        sim.routing().openCircuit(stripe);
        assertEquals(truth.expectedSuccess(List.of(stripe)), truth.expectedSuccess(), 0);
        List<Target> everyGateway = World.defaultWorld().gateways().stream().map(g -> Target.gateway(g.name())).toList();
        assertTrue(truth.strands(everyGateway));
        assertFalse(truth.strands(List.of(stripe)));
    }

    @Test
    void noneKnowsNothing() {
        assertFalse(GroundTruth.NONE.known());
        assertTrue(GroundTruth.NONE.nextTickFaults().isEmpty());
        assertTrue(GroundTruth.NONE.activeFaults().isEmpty());
        assertThrows(IllegalStateException.class, () -> GroundTruth.NONE.expectedSuccess(List.of()));
    }
}
