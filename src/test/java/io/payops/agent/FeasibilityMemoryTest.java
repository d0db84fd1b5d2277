package io.payops.agent;

import io.payops.agent.act.ActionsInForce;
import io.payops.agent.act.ApprovalQueue;
import io.payops.domain.Action;
import io.payops.domain.ApprovalMode;
import io.payops.domain.Candidate;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the agent remembers keeps it from repeating itself, for as long as AgentConfig.Memory says, and no longer. */
class FeasibilityMemoryTest {
    private static final AgentConfig.Memory LIMITS = AgentConfig.Memory.defaults();
    private static final Target PATH = Target.of(Dimension.GATEWAY, "razorpay", Dimension.ISSUER, "SBI");
    private final FeasibilityMemory memory = new FeasibilityMemory(LIMITS);
    private final ActionsInForce none = new ActionsInForce();
    private final ApprovalQueue noRequests = new ApprovalQueue(ApprovalMode.MANUAL);

    private static Candidate candidate(Action a) {
        return new Candidate(a, Diagnosis.ISSUER_DEGRADATION, 0.01, 0, 0, 0.01, 0.05, 0.01, null);
    }

    private String whyNot(Action a, long now) {
        return memory.whyNot(candidate(a), now, none, noRequests);
    }

    @Test
    void aBlockedChangeIsNotProposedAgainUntilItIsForgotten() {
        Action open = Action.openCircuit(PATH);
        memory.blocked(open, 10_000);
        String why = whyNot(open, 10_000 + LIMITS.forgetBlockedSeconds() * 1000L - 1);
        assertTrue(why != null && why.startsWith("blocked by the guardrails"), why);
        assertNull(whyNot(open, 10_000 + LIMITS.forgetBlockedSeconds() * 1000L));
        assertNull(whyNot(Action.openCircuit(Target.gateway("razorpay")), 10_001), "another change is not blocked");
    }

    @Test
    void aRefusedRequestIsNotAskedAgainSoSoon() {
        Action open = Action.openCircuit(PATH);
        memory.refused(open, 0);
        String why = whyNot(open, LIMITS.forgetRejectedSeconds() * 1000L - 1);
        assertTrue(why != null && why.startsWith("not approved"), why);
        assertNull(whyNot(open, LIMITS.forgetRejectedSeconds() * 1000L));
    }

    @Test
    void anAlertCoversNarrowerAlertsUntilItMayBeRepeated() {
        memory.alerted(Target.gateway("razorpay"), 0);
        String why = whyNot(Action.alert(PATH), 5_000);
        assertTrue(why != null && why.startsWith("already alerted on gateway=razorpay"), why);
        assertNull(whyNot(Action.alert(Target.gateway("stripe")), 5_000), "another gateway is another alert");
        assertNull(whyNot(Action.alert(Target.ALL), 5_000), "a wider alert is not covered by a narrower one");
        assertNull(whyNot(Action.alert(PATH), LIMITS.realertSeconds() * 1000L));
    }
}
