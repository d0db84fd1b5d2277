package io.payops.engine;

import io.payops.domain.Dimension;
import io.payops.domain.Frame;
import io.payops.domain.SegmentReference;
import io.payops.domain.Target;
import io.payops.sim.Scenario;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's baseline is the detector's reference, carried in each frame: through a Stripe outage (80% failing
 * from t = 300 s for eight minutes) it stays where it was before the outage, all traffic's and each issuer's, and
 * after the recovery it still reads the success rate of before.
 */
class BaselineHeldTest {
    private static Optional<SegmentReference> ref(Frame f, Target t) {
        return f.references().stream().filter(r -> r.target().equals(t)).findFirst();
    }

    @Test
    void theReferenceHoldsThroughAnOutageAndReadsTheOldNormalAfterIt() {
        Scenario s = ScenarioLoader.builtIn("stripe-outage").withDuration(1000);
        Engine e = new Engine(s, PolicyFactory.create("agent", RunSettings.of("agent"), s.world()));
        Target hdfc = Target.of(Dimension.ISSUER, s.world().names(Dimension.ISSUER).get(0));
        double before = Double.NaN;
        double issuerBefore = Double.NaN;
        double lowest = 1;
        double issuerLowest = 1;
        boolean held = false;
        while (!e.finished()) {
            Frame f = e.step();
            double t = f.simSeconds();
            if (t >= 295 && t < 300) {
                before = ref(f, Target.ALL).orElseThrow().successRate();
                issuerBefore = ref(f, hdfc).orElseThrow().successRate();
            }
            if (t >= 300 && t < 1000) {
                lowest = Math.min(lowest, ref(f, Target.ALL).orElseThrow().successRate());
                issuerLowest = Math.min(issuerLowest, ref(f, hdfc).orElseThrow().successRate());
                held |= ref(f, Target.ALL).orElseThrow().held();
            }
        }
        assertTrue(held, "all traffic's reference was held during the outage");
        assertTrue(before - lowest < 0.01, "all traffic's baseline stays within a point: " + before + " → " + lowest);
        assertTrue(issuerBefore - issuerLowest < 0.015, "the issuer's baseline stays: " + issuerBefore + " → " + issuerLowest);
    }
}
