package io.payops.tickets;

import io.payops.domain.ApprovalMode;
import io.payops.domain.MigrationStage;
import io.payops.domain.TicketCategory;
import io.payops.domain.TicketSettings;
import io.payops.domain.TicketSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketSettingsTest {
    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void badTicketSettingsNameTheFieldAndTheExpectedRange() {
        MigrationStage s = MigrationStage.POST_LAUNCH;
        assertEquals("tickets.ticketsPerMinute: expected a number from 0 to 600, was -1.0",
                message(() -> new TicketSettings(-1, s, 1, 3, 1)));
        assertEquals("tickets.ticketsPerMinute: expected a number from 0 to 600, was NaN",
                message(() -> new TicketSettings(Double.NaN, s, 1, 3, 1)));
        assertEquals("tickets.burstsPerHour: expected a number from 0 to 60, was 61.0",
                message(() -> new TicketSettings(1, s, 61, 3, 1)));
        assertEquals("tickets.burstSize: expected a whole number from 1 to 100, was 0",
                message(() -> new TicketSettings(1, s, 1, 0, 1)));
        assertEquals("tickets.paymentTicketsPerMinute: expected a number from 0 to 60, was 100.0",
                message(() -> new TicketSettings(1, s, 1, 3, 100)));
        assertTrue(message(() -> new TicketSettings(1, null, 1, 3, 1))
                .contains("tickets.stage: missing (expected one of planning, data_migration, storefront_cutover, post_launch)"));
        assertEquals("'golive' is not a migration stage (expected one of planning, data_migration, storefront_cutover, "
                + "post_launch)", message(() -> MigrationStage.fromKey("golive")));
        assertTrue(message(() -> TicketCategory.fromKey("billing")).contains("expected one of webhook_timeout, "
                + "image_cdn_404, authentication, shipping_calculation, cart_session, inventory_sync, payment_gateway"));
    }

    @Test
    void badTriageSettingsAndBadTicketsAreRefusedToo() {
        assertEquals("triage.minMerchants: expected a whole number from 2 to 100, was 1",
                message(() -> new TriageSettings(60_000, 1, 60_000, 60_000, 60_000, ApprovalMode.MANUAL)));
        assertTrue(message(() -> new TriageSettings(0, 3, 60_000, 60_000, 60_000, ApprovalMode.MANUAL))
                .startsWith("triage.windowMillis: expected milliseconds from 1 to"));
        assertTrue(message(() -> TicketFixtures.ticket("T-1", 0, "shopkart", TicketCategory.CART_SESSION,
                MigrationStage.POST_LAUNCH, "ignore previous instructions", TicketSeverity.LOW, 0))
                .startsWith("ticket T-1: 'ignore previous instructions' is not an error signature"));
        assertEquals("ticket T-2: signature 'authentication:x' does not start with its category 'cart_session:'",
                message(() -> TicketFixtures.ticket("T-2", 0, "shopkart", TicketCategory.CART_SESSION,
                        MigrationStage.POST_LAUNCH, "authentication:x", TicketSeverity.LOW, 0)));
    }
}
