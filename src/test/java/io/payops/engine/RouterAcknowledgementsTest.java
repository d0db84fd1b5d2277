package io.payops.engine;

import io.payops.common.Json;
import io.payops.domain.Action;
import io.payops.domain.ActionOutcome;
import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.Approval;
import io.payops.domain.Command;
import io.payops.domain.PolicyStep;
import io.payops.domain.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's side of closing the loop: an acknowledgement marks the change applied, and only that change. */
class RouterAcknowledgementsTest {
    static final ActionRecord OPEN = new ActionRecord(3, 1_000, Action.openCircuit(Target.gateway("stripe")),
            ActionStatus.EXECUTED, Approval.NONE, ActionOutcome.PENDING, false, 1_000, "gateway_outage", false);
    static final ActionRecord ALERT = new ActionRecord(4, 1_000, Action.alert(Target.gateway("stripe")),
            ActionStatus.EXECUTED, Approval.NONE, ActionOutcome.NOT_APPLICABLE, false, 1_000, "alert", false);

    static Command.RoutingDelivered ack(long id, String status) {
        return new Command.RoutingDelivered(id, status, "s/1/" + id + "/" + status);
    }

    @Test
    void withoutAcknowledgementsEveryStepIsLeftAsItIs() {
        RouterAcknowledgements acks = new RouterAcknowledgements();
        PolicyStep step = PolicyStep.ofActions(List.of(OPEN, ALERT));
        assertSame(step, acks.stamp(step, 1_000), "runs without a routing webhook are untouched");
        assertSame(PolicyStep.NONE, acks.stamp(PolicyStep.NONE, 2_000));
    }

    @Test
    void anAcknowledgedChangeIsPublishedAgainAppliedAndStaysSoUntilItsStatusChanges() {
        RouterAcknowledgements acks = new RouterAcknowledgements();
        acks.stamp(PolicyStep.ofActions(List.of(OPEN)), 1_000);
        assertNull(acks.acknowledge(ack(3, "executed"), false));
        List<ActionRecord> republished = acks.stamp(PolicyStep.NONE, 2_000).actions();
        assertEquals(1, republished.size());
        assertTrue(republished.get(0).applied());
        assertEquals(2_000, republished.get(0).updatedAtMillis());
        assertNull(acks.acknowledge(ack(3, "executed"), false), "a repeat is taken, and changes nothing");
        assertEquals(List.of(), acks.stamp(PolicyStep.NONE, 3_000).actions());

        // the policy publishes its own later version (its outcome): still the same change, still applied
        ActionRecord helped = OPEN.withOutcome(ActionOutcome.HELPED, 4_000);
        assertTrue(acks.stamp(PolicyStep.ofActions(List.of(helped)), 4_000).actions().get(0).applied());
        // rolled back: a new change, not applied until the router says so
        ActionRecord rolledBack = helped.withStatus(ActionStatus.ROLLED_BACK, 5_000, "rolled back");
        assertFalse(acks.stamp(PolicyStep.ofActions(List.of(rolledBack)), 5_000).actions().get(0).applied());
        String late = acks.acknowledge(ack(3, "executed"), false);
        assertTrue(late.startsWith("RoutingDelivered refused: routing change #3 is rolled_back now"), late);
        assertNull(acks.acknowledge(ack(3, "rolled_back"), false));
        assertTrue(acks.stamp(PolicyStep.NONE, 6_000).actions().get(0).applied());
    }

    @Test
    void theSimulatorAndUnknownChangesRefuseIt() {
        RouterAcknowledgements acks = new RouterAcknowledgements();
        acks.stamp(PolicyStep.ofActions(List.of(OPEN, ALERT)), 1_000);
        assertTrue(acks.acknowledge(ack(3, "executed"), true).contains("the simulator applies routing itself"));
        assertTrue(acks.acknowledge(ack(4, "executed"), false).contains("no routing change #4"),
                "an alert changes no routing");
        assertTrue(acks.acknowledge(ack(99, "executed"), false).contains("no routing change #99"));
    }

    @Test
    void appliedIsWrittenOnlyWhenTrueAndReadBack() throws Exception {
        String plain = Json.mapper().writeValueAsString(OPEN);
        assertFalse(plain.contains("applied"), "frames without acknowledgements are written as before: " + plain);
        String applied = Json.mapper().writeValueAsString(OPEN.withApplied(2_000));
        assertTrue(applied.contains("\"applied\":true"), applied);
        assertEquals(OPEN.withApplied(2_000), Json.mapper().readValue(applied, ActionRecord.class));
        assertEquals(OPEN, Json.mapper().readValue(plain, ActionRecord.class));
        String command = Json.mapper().writeValueAsString(ack(3, "executed"));
        assertTrue(command.contains("\"command\":\"routing_delivered\""), command);
        assertEquals(ack(3, "executed"), Json.mapper().readValue(command, Command.class));
    }
}
