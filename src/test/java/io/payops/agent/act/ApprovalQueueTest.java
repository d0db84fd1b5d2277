package io.payops.agent.act;

import io.payops.domain.Action;
import io.payops.domain.ActionStatus;
import io.payops.domain.Approval;
import io.payops.domain.ApprovalMode;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Decider;
import io.payops.domain.Diagnosis;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalQueueTest {
    private static ApprovalRequest request(long id, long at) {
        return new ApprovalRequest(id, Action.openCircuit(Target.gateway("stripe")), Diagnosis.GATEWAY_OUTAGE, "why",
                List.of("high impact"), 0.9, 0.2, 5.0, at, at + 300_000, ActionStatus.PENDING, null, null);
    }

    @Test
    void autoApprovesAfterTheDelayNeverRejectsAtOnceManualExpires() {
        ApprovalQueue auto = new ApprovalQueue(ApprovalMode.parse("auto:60"));
        auto.raise(request(1, 0));
        assertTrue(auto.tick(59_000).isEmpty());
        ApprovalRequest a = auto.tick(60_000).get(0);
        assertEquals(ActionStatus.APPROVED, a.status());
        assertEquals(new Decider.Simulated(ApprovalMode.parse("auto:60")), a.decidedBy());
        assertEquals("operator (auto:60)", a.decidedBy().text());
        assertEquals(Approval.AUTO, a.decidedBy().approval());

        ApprovalQueue never = new ApprovalQueue(ApprovalMode.parse("never"));
        never.raise(request(2, 0));
        assertEquals(ActionStatus.REJECTED, never.tick(0).get(0).status());

        ApprovalQueue manual = new ApprovalQueue(ApprovalMode.MANUAL);
        manual.raise(request(3, 0));
        assertTrue(manual.tick(299_000).isEmpty());
        assertEquals(ActionStatus.EXPIRED, manual.tick(300_000).get(0).status());
        assertTrue(manual.pending().isEmpty());
    }

    @Test
    void aHumanAnswersOnlyPendingRequestsOnce() {
        ApprovalQueue q = new ApprovalQueue(ApprovalMode.MANUAL);
        q.raise(request(7, 0));
        assertEquals(ActionStatus.REJECTED, q.decide(7, false, Decider.named("asha"), 10_000).status());
        assertNull(q.decide(7, true, Decider.named("asha"), 11_000));
        assertNull(q.decide(99, true, Decider.named("asha"), 11_000));
        assertEquals(Decider.named("asha"), q.decided().get(0).decidedBy());
    }

    @Test
    void badApprovalModesAreRefusedWithWhatWasExpected() {
        for (String bad : new String[]{"auto", "auto:-1", "auto:x", "sometimes", ""}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> ApprovalMode.parse(bad));
            assertTrue(e.getMessage().contains("expected auto:SECONDS"), e.getMessage());
        }
    }
}
