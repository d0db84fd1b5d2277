package io.payops.tickets;

import io.payops.domain.TicketActionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The actions a cluster calls for, from its root cause and measured impact only. The triage takes each type at most
 * once per cluster, so a cluster that grows can add an action (a P0 once the impact gets large) but never repeat one.
 */
final class TicketActionPlanner {
    /** Failed checkouts in one cluster at which a platform bug becomes a P0. */
    static final int P0_CHECKOUT_FAILURES = 500;
    /** Critical tickets in one cluster at which a platform bug becomes a P0. */
    static final int P0_CRITICAL_TICKETS = 3;
    /** Failed checkouts at which a migration issue also goes to engineering. */
    static final int MIGRATION_ESCALATION_FAILURES = 200;

    private TicketActionPlanner() {
    }

    record Planned(TicketActionType type, String why, List<String> approvalReasons) {
    }

    static List<Planned> plan(ClusterState c, long nowMillis, long paymentLinkGraceMillis) {
        List<Planned> out = new ArrayList<>();
        int m = c.merchants.size();
        switch (c.rootCause) {
            case WEBHOOK_CONFIGURATION -> out.add(low(TicketActionType.SEND_CONFIGURATION_GUIDE,
                    "Send the webhook configuration guide (endpoint, timeout, retries) to the " + m + " merchants."));
            case DOCUMENTATION_GAP -> out.add(low(TicketActionType.UPDATE_DOCS,
                    "Update the " + c.category.key() + " docs: " + m + " merchants asked the same thing."));
            case MIGRATION_ISSUE -> {
                out.add(low(TicketActionType.SEND_CONFIGURATION_GUIDE, "Send the " + c.category.key()
                        + " migration checklist to the " + m + " merchants."));
                if (c.checkoutFailures >= MIGRATION_ESCALATION_FAILURES) {
                    out.add(escalation(TicketActionType.ESCALATE_ENGINEERING, "Escalate to engineering: the migration "
                            + "issue already cost " + c.checkoutFailures + " failed checkouts.", c));
                }
            }
            case PLATFORM_BUG -> {
                boolean p0 = c.checkoutFailures >= P0_CHECKOUT_FAILURES || c.criticalTickets >= P0_CRITICAL_TICKETS;
                out.add(p0
                        ? escalation(TicketActionType.P0_ESCALATION, String.format(Locale.ROOT, "Raise a P0: a platform "
                        + "bug hits %d merchants with %d failed checkouts and %d critical tickets.", m,
                        c.checkoutFailures, c.criticalTickets), c)
                        : escalation(TicketActionType.ESCALATE_ENGINEERING, "Escalate to engineering: a platform bug "
                        + "hits " + m + " merchants (" + c.category.key() + ").", c));
            }
            case PAYMENT_INCIDENT -> {
                // a linked cluster is the payment agent's to handle; one nobody on the payment side has seen is not
                if (c.linkedIncident == null && nowMillis - c.formedAtMillis >= paymentLinkGraceMillis) {
                    out.add(escalation(TicketActionType.ESCALATE_ENGINEERING, "Escalate to engineering: " + m
                            + " merchants report payment failures (" + c.signature + ") and for "
                            + SimTimes.minutes(nowMillis - c.formedAtMillis) + " no payment incident covers them.", c));
                }
            }
            default -> throw new IllegalStateException("unknown root cause " + c.rootCause);
        }
        return out;
    }

    private static Planned low(TicketActionType type, String why) {
        return new Planned(type, why, List.of());
    }

    private static Planned escalation(TicketActionType type, String why, ClusterState c) {
        List<String> reasons = new ArrayList<>();
        reasons.add(type == TicketActionType.P0_ESCALATION
                ? "a P0 pages the incident commander and engineering on-call"
                : "an escalation takes an engineering team's time");
        reasons.add(String.format(Locale.ROOT, "root cause %s is a heuristic with confidence %.2f",
                c.rootCause.key(), c.confidence));
        return new Planned(type, why, reasons);
    }
}
