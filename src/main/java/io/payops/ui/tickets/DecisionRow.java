package io.payops.ui.tickets;

import io.payops.domain.ActionStatus;
import io.payops.domain.TicketAction;

/** One ticket decision in its latest version: what, for which cluster, its status in words, risk and why. */
public record DecisionRow(long id, String time, String clusterId, String type, String status, boolean pending,
                          String risk, String merchants, String why, String note) {

    static DecisionRow of(TicketAction a) {
        return new DecisionRow(a.id(), TicketWords.time(a.atMillis()), a.clusterId(), TicketWords.key(a.type().key()),
                TicketWords.status(a), a.status() == ActionStatus.PENDING, a.risk(), TicketWords.names(a.merchants()),
                a.why(), a.note() == null ? "" : a.note());
    }
}
