package io.payops.domain;


import java.util.Objects;

/**
 * One merchant support ticket. {@code subject} and {@code message} are what the merchant wrote and are data only:
 * shown to people, never read by the triage (see {@link #facts()}). {@code signature} is the fingerprint of the error
 * from the platform's logs ({@link ErrorSignature}); {@code paymentTarget} is the payment segment the ticket mentions
 * (e.g. gateway=stripe), or null when it mentions none.
 */
public record Ticket(
        String id,
        long atMillis,
        String merchant,
        TicketCategory category,
        MigrationStage stage,
        String subject,
        String message,
        String signature,
        TicketSeverity severity,
        int checkoutFailures,
        int affectedCustomers,
        Target paymentTarget) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(severity, "severity");
        subject = subject == null ? "" : subject;
        message = message == null ? "" : message;
        String problem = ErrorSignature.problem(signature, category);
        if (problem != null) {
            throw new IllegalArgumentException("ticket " + id + ": " + problem);
        }
        if (checkoutFailures < 0 || affectedCustomers < 0) {
            throw new IllegalArgumentException("ticket " + id + ": checkoutFailures and affectedCustomers must be "
                    + "0 or more (were " + checkoutFailures + " and " + affectedCustomers + ")");
        }
    }

    /** The ticket without the merchant's words: the only form the triage receives. */
    public TicketFacts facts() {
        return new TicketFacts(id, atMillis, merchant, category, stage, signature, severity, checkoutFailures,
                affectedCustomers, paymentTarget);
    }

    /** The same ticket with other words from the merchant (tests use it to show the words change nothing). */
    public Ticket withText(String newSubject, String newMessage) {
        return new Ticket(id, atMillis, merchant, category, stage, newSubject, newMessage, signature, severity,
                checkoutFailures, affectedCustomers, paymentTarget);
    }
}
