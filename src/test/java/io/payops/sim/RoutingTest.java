package io.payops.sim;

import io.payops.domain.Dimension;
import io.payops.domain.RetryPolicy;
import io.payops.domain.RoutingState;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingTest {
    private final World world = World.defaultWorld();

    @Test
    void shiftAwayMovesWeightProportionallyAndReportsTheMovedShare() {
        Routing r = new Routing(world, RetryPolicy.DEFAULT);
        double moved = r.shiftAway("razorpay", 0.5);
        assertEquals(0.10, moved, 1e-9);
        RoutingState s = r.state();
        assertEquals(10, s.weights().get("razorpay"), 1e-9);
        assertEquals(100, s.totalWeight(), 1e-9);
        // the 10 points went to stripe/adyen/paypal in proportion 40:30:10
        assertEquals(45, s.weights().get("stripe"), 1e-9);
        assertEquals(33.75, s.weights().get("adyen"), 1e-9);
    }

    @Test
    void refusesAChangeThatLeavesSomePathWithoutARouteAndKeepsRoutingAsItWas() {
        Routing r = new Routing(world, RetryPolicy.DEFAULT);
        r.openCircuit(Target.gateway("stripe"));
        r.openCircuit(Target.gateway("adyen"));
        r.openCircuit(Target.gateway("razorpay"));
        RoutingState before = r.state();
        RoutingRefusedException e = assertThrows(RoutingRefusedException.class, () -> r.openCircuit(Target.gateway("paypal")));
        assertTrue(e.getMessage().contains("no open route"), e.getMessage());
        assertEquals(before, r.state());
        // a path circuit on the last gateway strands exactly that path
        assertThrows(RoutingRefusedException.class,
                () -> r.openCircuit(Target.of(Dimension.GATEWAY, "paypal", Dimension.ISSUER, "SBI")));
        assertThrows(RoutingRefusedException.class, () -> r.setWeights(Map.of("paypal", 0.0)));
        assertEquals(before, r.state());
    }

    @Test
    void pathCircuitRoutesOnlyThatPathElsewhere() {
        Routing r = new Routing(world, RetryPolicy.DEFAULT);
        r.openCircuit(Target.of(Dimension.GATEWAY, "razorpay", Dimension.ISSUER, "SBI"));
        int sbi = world.names(Dimension.ISSUER).indexOf("SBI");
        int hdfc = world.names(Dimension.ISSUER).indexOf("HDFC");
        int razorpay = world.names(Dimension.GATEWAY).indexOf("razorpay");
        assertEquals(0, r.routeProbabilities(sbi, 0, 0, 0)[razorpay], 1e-12);
        assertEquals(0.2, r.routeProbabilities(hdfc, 0, 0, 0)[razorpay], 1e-12);
    }

    @Test
    void halfOpenLetsAProbeShareThroughAndRestoreIsExact() {
        Routing r = new Routing(world, RetryPolicy.DEFAULT);
        RoutingState initial = r.state();
        Target stripe = Target.gateway("stripe");
        r.openCircuit(stripe);
        r.halfOpen(stripe);
        double p = r.routeProbabilities(0, 0, 0, 0)[0];
        assertEquals(4.0 / 64.0, p, 1e-12); // 40 × 0.1 against 4 + 30 + 20 + 10
        r.setRetryPolicy(new RetryPolicy(1, 2000));
        r.restore(initial);
        assertEquals(initial, r.state());
    }

    @Test
    void rejectsBadValues() {
        Routing r = new Routing(world, RetryPolicy.DEFAULT);
        assertThrows(RoutingRefusedException.class, () -> r.setWeights(Map.of("stripe", -1.0)));
        assertThrows(RoutingRefusedException.class, () -> r.setWeights(Map.of("nope", 1.0)));
        assertThrows(RoutingRefusedException.class, () -> r.openCircuit(Target.of(Dimension.ISSUER, "SBI")));
        assertThrows(RoutingRefusedException.class, () -> r.shiftAway("stripe", 1.5));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(11, 0));
    }
}
