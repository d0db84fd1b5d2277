package io.payops.domain;


/**
 * What the triage may know about a ticket: everything measured or machine-made, and deliberately not the subject or
 * message the merchant wrote. The triage only ever sees tickets through this record, so no text a merchant types
 * (an instruction, JSON, a fake approval) can reach a root cause or a decision: there is no field to read it from.
 */
public record TicketFacts(
        String id,
        long atMillis,
        String merchant,
        TicketCategory category,
        MigrationStage stage,
        String signature,
        TicketSeverity severity,
        int checkoutFailures,
        int affectedCustomers,
        Target paymentTarget) {
}
