package io.payops.ui.tickets;

import io.payops.domain.ActionStatus;
import io.payops.domain.Approval;
import io.payops.domain.TicketAction;

import java.util.List;
import java.util.Locale;

/** How the console words the support-ticket triage (Locale.ROOT): shared by the Tickets tab and the approvals pane. */
public final class TicketWords {
    /** The label on an escalation in the approvals queue. */
    public static final String ESCALATION_KIND = "Support-ticket escalation";
    private static final int MERCHANTS_NAMED = 4;

    private TicketWords() {
    }

    /** A JSON key as words: "escalate_engineering" → "escalate engineering". */
    public static String key(String key) {
        return key.replace('_', ' ');
    }

    /** "escalate engineering for cluster C-3". */
    public static String what(TicketAction a) {
        return key(a.type().key()) + " for cluster " + a.clusterId();
    }

    /** "reaches 2 merchants: acme, zenith", naming at most four. */
    public static String reach(List<String> merchants) {
        return (merchants.size() == 1 ? "reaches 1 merchant: " : "reaches " + merchants.size() + " merchants: ")
                + names(merchants);
    }

    /** The merchants, at most four named, then "+N more". */
    public static String names(List<String> merchants) {
        if (merchants.size() <= MERCHANTS_NAMED) {
            return String.join(", ", merchants);
        }
        return String.join(", ", merchants.subList(0, MERCHANTS_NAMED)) + " +" + (merchants.size() - MERCHANTS_NAMED)
                + " more";
    }

    /** done alone · waiting for approval · approved by operator · rejected by operator · expired. */
    public static String status(TicketAction a) {
        ActionStatus s = a.status();
        return switch (s) {
            case EXECUTED -> a.approval() == Approval.NONE ? "done alone"
                    : "approved" + (a.decidedBy() == null ? "" : " by " + a.decidedBy());
            case PENDING -> "waiting for approval";
            case REJECTED -> "rejected" + (a.decidedBy() == null ? "" : " by " + a.decidedBy());
            case EXPIRED -> "expired";
            default -> s.key();
        };
    }

    /** Simulated time since the start as h:mm:ss. */
    public static String time(long simMillis) {
        long s = Math.max(0, simMillis) / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
