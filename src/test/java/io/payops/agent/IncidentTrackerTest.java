package io.payops.agent;

import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.Hypothesis;
import io.payops.domain.Incident;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentTrackerTest {
    private static final Target STRIPE = Target.gateway("stripe");
    private static final Target STRIPE_ICICI = Target.of(Dimension.GATEWAY, "stripe", Dimension.ISSUER, "ICICI");

    private static Hypothesis h(Diagnosis d, Target t) {
        return new Hypothesis(d, t, 0.9, List.of(), "test");
    }

    @Test
    void theSameTroubleSeenWiderOrNarrowerStaysOneIncident() {
        IncidentTracker tracker = new IncidentTracker(AgentConfig.Incidents.defaults());
        assertEquals(1, tracker.observe(List.of(h(Diagnosis.GATEWAY_OUTAGE, STRIPE_ICICI)), 1_000).size());
        assertTrue(tracker.observe(List.of(h(Diagnosis.GATEWAY_OUTAGE, STRIPE)), 3_000).isEmpty());
        assertEquals(1, tracker.open().size());
    }

    /** An outage on a gateway that starts while one of its issuer paths is slow is not hidden under "latency". */
    @Test
    void aDifferentTroubleOnOverlappingTrafficGetsItsOwnIncident() {
        IncidentTracker tracker = new IncidentTracker(AgentConfig.Incidents.defaults());
        tracker.observe(List.of(h(Diagnosis.LATENCY_SPIKE, STRIPE_ICICI)), 1_000);
        List<Incident> opened = tracker.observe(List.of(h(Diagnosis.GATEWAY_OUTAGE, STRIPE)), 3_000);
        assertEquals(1, opened.size());
        assertEquals(Diagnosis.GATEWAY_OUTAGE, opened.get(0).diagnosis());
        assertEquals(STRIPE, opened.get(0).target());
        assertEquals(2, tracker.open().size());
    }

    /** A broad fault shows failures and slowness on many of its parts at once: one incident, named for the widest. */
    @Test
    void thePartsOfABroadTroubleSeenInOneCycleJoinIt() {
        IncidentTracker tracker = new IncidentTracker(AgentConfig.Incidents.defaults());
        List<Incident> opened = tracker.observe(List.of(h(Diagnosis.LATENCY_SPIKE, STRIPE_ICICI),
                h(Diagnosis.GATEWAY_OUTAGE, Target.ALL), h(Diagnosis.LATENCY_SPIKE, STRIPE)), 1_000);
        assertEquals(1, opened.size(), opened.toString());
        assertEquals(Target.ALL, opened.get(0).target());
        assertTrue(tracker.observe(List.of(h(Diagnosis.GATEWAY_OUTAGE, STRIPE)), 3_000).isEmpty(),
                "a narrower part of the same kind later joins it too");
        assertEquals(1, tracker.open().size());
    }

    /** An outage on one gateway that starts while all traffic is mildly degraded is not hidden under that name. */
    @Test
    void anotherKindOfTroubleStartingLaterOnNarrowerTrafficGetsItsOwnIncident() {
        IncidentTracker tracker = new IncidentTracker(AgentConfig.Incidents.defaults());
        tracker.observe(List.of(h(Diagnosis.NETWORK_ERRORS, Target.ALL)), 1_000);
        List<Incident> opened = tracker.observe(List.of(h(Diagnosis.GATEWAY_OUTAGE, STRIPE)), 150_000);
        assertEquals(1, opened.size());
        assertEquals(STRIPE, opened.get(0).target());
        assertEquals(2, tracker.open().size());
    }

    @Test
    void anIncidentClosesOnceQuietAndNothingMadeForItIsInForce() {
        IncidentTracker tracker = new IncidentTracker(AgentConfig.Incidents.defaults());
        tracker.observe(List.of(h(Diagnosis.GATEWAY_OUTAGE, STRIPE)), 1_000);
        assertTrue(tracker.closeQuiet(70_000, List.of(new IncidentTracker.Change(STRIPE_ICICI, Diagnosis.GATEWAY_OUTAGE)),
                t -> true).isEmpty(), "a circuit still open on a path of it keeps it open");
        assertTrue(tracker.closeQuiet(30_000, List.of(), t -> false).isEmpty(), "30 s quiet, not healed: still open");
        List<Incident> closed = tracker.closeQuiet(70_000, List.of(), t -> false);
        assertEquals(1, closed.size());
        assertEquals(70_000L, closed.get(0).closedAtMillis());
    }

    @Test
    void anIncidentWhoseTargetIsBackWithinItsReferenceClosesWithinSeconds() {
        IncidentTracker tracker = new IncidentTracker(AgentConfig.Incidents.defaults());
        tracker.observe(List.of(h(Diagnosis.GATEWAY_OUTAGE, STRIPE)), 1_000);
        assertTrue(tracker.closeQuiet(4_000, List.of(), t -> true).isEmpty(), "a flicker does not close it");
        List<Incident> closed = tracker.closeQuiet(8_000, List.of(), t -> true);
        assertEquals(1, closed.size(), "healed and quiet for the healed seconds");
        assertEquals(8_000L, closed.get(0).closedAtMillis());
    }

    /**
     * A change made for one trouble does not hold another open because their traffic overlaps: a calmer retry policy
     * on all traffic (for a retry storm) or a shift off a gateway touches every issuer's payments, and kept incidents
     * on other traffic open until it was undone, long after their own trouble ended (noisy foreign logs, seed 104).
     */
    @Test
    void aChangeInForceHoldsOpenOnlyTheTroubleItWasMadeFor() {
        IncidentTracker tracker = new IncidentTracker(AgentConfig.Incidents.defaults());
        Target hdfc = Target.of(Dimension.ISSUER, "HDFC");
        tracker.observe(List.of(h(Diagnosis.RETRY_STORM, Target.ALL)), 1_000);
        tracker.observe(List.of(h(Diagnosis.GATEWAY_OUTAGE, STRIPE_ICICI)), 2_000);
        tracker.observe(List.of(h(Diagnosis.ISSUER_DEGRADATION, hdfc)), 3_000);
        List<IncidentTracker.Change> inForce = List.of(
                new IncidentTracker.Change(Target.ALL, Diagnosis.RETRY_STORM),
                new IncidentTracker.Change(STRIPE, Diagnosis.GATEWAY_OUTAGE));
        List<Incident> closed = tracker.closeQuiet(70_000, inForce, t -> false);
        assertEquals(List.of(hdfc), closed.stream().map(Incident::target).toList(),
                "the issuer's incident closes: neither change was made for it, though both touch its traffic");
        assertEquals(List.of(Target.ALL, STRIPE_ICICI), tracker.open().stream().map(Incident::target).toList(),
                "the retry storm under its retry policy, and the path's outage under the shift off its gateway");
        assertEquals(2, tracker.closeQuiet(70_000, List.of(), t -> false).size(), "and they close once undone");
    }
}
