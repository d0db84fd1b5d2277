package io.payops.ui.tickets;

import io.payops.domain.Ticket;

/**
 * One ticket in the queue. {@code subject} and {@code message} are what the merchant wrote: shown as plain text, never
 * read by anything. {@code clusterId} is empty until the ticket joins a cluster.
 */
public record TicketRow(String id, long atMillis, String time, String merchant, String category, String severity,
                        String subject, String message, int checkoutFailures, String clusterId) {

    static TicketRow of(Ticket t) {
        return new TicketRow(t.id(), t.atMillis(), TicketWords.time(t.atMillis()), t.merchant(),
                TicketWords.key(t.category().key()), t.severity().key(), t.subject(), t.message(), t.checkoutFailures(),
                "");
    }

    TicketRow inCluster(String cluster) {
        return new TicketRow(id, atMillis, time, merchant, category, severity, subject, message, checkoutFailures,
                cluster);
    }
}
