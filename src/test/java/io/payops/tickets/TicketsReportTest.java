package io.payops.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;
import io.payops.domain.ApprovalMode;
import io.payops.domain.MigrationStage;
import io.payops.domain.TicketCategory;
import io.payops.domain.TicketSeverity;
import io.payops.domain.TriageStep;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.payops.tickets.TicketFixtures.MERCHANTS;
import static io.payops.tickets.TicketFixtures.wave;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TicketsReportTest {
    @Test
    void theReportCountsTicketsClustersActionsAndApprovals() throws Exception {
        TicketTriage triage = new TicketTriage(TriageSettings.DEFAULT.withApprovalMode(ApprovalMode.MANUAL), MERCHANTS);
        TicketsReportBuilder report = new TicketsReportBuilder();
        TriageStep s1 = triage.onTick(300_000, wave("W-", 0, MERCHANTS, TicketCategory.WEBHOOK_TIMEOUT,
                MigrationStage.STOREFRONT_CUTOVER, "webhook_timeout:order_paid:timeout_10s:b0009", TicketSeverity.MEDIUM,
                4), List.of());
        report.accept(s1);
        TriageStep s2 = triage.onTick(600_000, wave("C-", 400_000, MERCHANTS.subList(0, 3), TicketCategory.CART_SESSION,
                MigrationStage.POST_LAUNCH, "cart_session:cart_token:expired:b0010", TicketSeverity.HIGH, 9), List.of());
        report.accept(s2);
        long escalation = s2.actions().get(0).id();
        assertNull(triage.reject(escalation, "asha", 610_000));
        report.accept(triage.onTick(611_000, List.of(), List.of()));

        TicketsReport r = report.build();
        assertEquals(8, r.tickets());
        assertEquals(8, r.clusteredTickets());
        assertEquals(5, r.byCategory().get("webhook_timeout"));
        assertEquals(3, r.byCategory().get("cart_session"));
        assertEquals(0, r.byCategory().get("payment_gateway"));
        assertEquals(List.of("webhook_configuration", "platform_bug"),
                r.clusters().stream().map(TicketsReport.Cluster::rootCause).toList());
        assertEquals(List.of("executed", "rejected"), r.actions().stream().map(TicketsReport.Action::status).toList());
        assertEquals(1, r.approvalsRequested());
        assertEquals(0, r.approvalsApproved());
        assertEquals(1, r.approvalsRejected());

        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(r));
        assertEquals("send_configuration_guide", json.get("actions").get(0).get("type").asText());
        assertEquals("cart_session:cart_token:expired:b0010", json.get("clusters").get(1).get("signature").asText());
        // the step itself is plain records too: it can go into a frame and the session recording
        JsonNode step = Json.mapper().readTree(Json.mapper().writeValueAsString(s2));
        assertEquals("platform_bug", step.get("clusters").get(0).get("rootCause").asText());
        assertEquals("pending", step.get("actions").get(0).get("status").asText().toLowerCase());
    }
}
