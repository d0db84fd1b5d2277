package io.payops.tickets;

import io.payops.domain.ErrorSignature;
import io.payops.domain.Incident;
import io.payops.domain.RootCause;
import io.payops.domain.Target;
import io.payops.domain.TicketCategory;
import io.payops.domain.TicketSeverity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names a cluster's root cause by heuristics on what was measured: category, signature, migration stage, how many
 * merchants and tickets, failed checkouts, and the linked payment incident. The evidence sentences are built from
 * those facts only. In order:
 * <ol>
 *   <li>payment tickets that name a segment (or belong to an open incident) → payment_incident;</li>
 *   <li>no ticket reports a failed checkout and none is worse than medium → documentation_gap (asking, not broken);</li>
 *   <li>webhook timeouts while merchants migrate, or from a minority of merchants → webhook_configuration; from most
 *       merchants after launch, when nobody is changing endpoints → platform_bug;</li>
 *   <li>anything else while merchants migrate → migration_issue; after launch or before it started → platform_bug.</li>
 * </ol>
 */
final class RootCauseClassifier {
    /** Above this share of all merchants, one shared webhook failure after launch points at our dispatcher. */
    static final double PLATFORM_SPREAD = 0.6;

    private RootCauseClassifier() {
    }

    record Verdict(RootCause rootCause, double confidence, List<String> evidence) {
    }

    static Verdict classify(ClusterState c, int merchantsInWorld, Incident linked) {
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "%d merchants (%s) reported error %s in %d tickets between %s and %s.",
                c.merchants.size(), String.join(", ", c.merchants), c.signature, c.tickets,
                SimTimes.hms(c.firstSeenMillis), SimTimes.hms(c.lastSeenMillis)));
        evidence.add(String.format(Locale.ROOT, "%d failed checkouts and %d affected customers reported; worst severity %s.",
                c.checkoutFailures, c.affectedCustomers, c.worstSeverity.key()));
        double spread = merchantsInWorld <= 0 ? 1 : c.merchants.size() / (double) merchantsInWorld;
        double base = 0.55 + 0.07 * (c.merchants.size() - 3) + 0.02 * Math.min(10, c.tickets - c.merchants.size());
        Target segment = ErrorSignature.paymentTarget(c.signature);
        RootCause cause;
        if (c.category == TicketCategory.PAYMENT_GATEWAY && (!segment.isAll() || linked != null)) {
            cause = RootCause.PAYMENT_INCIDENT;
            if (linked != null) {
                evidence.add(String.format(Locale.ROOT, "Open payment incident #%d (%s on %s, since %s) covers %s.",
                        linked.id(), linked.diagnosis().key(), linked.target(), SimTimes.hms(linked.openedAtMillis()),
                        segment));
                base = Math.max(base, 0.9);
            } else {
                evidence.add("The tickets name payment segment " + segment + "; no open payment incident covers it yet.");
                base = Math.min(base, 0.6);
            }
        } else if (c.checkoutFailures == 0 && c.worstSeverity.compareTo(TicketSeverity.MEDIUM) <= 0) {
            cause = RootCause.DOCUMENTATION_GAP;
            evidence.add("None of the " + c.tickets + " tickets reports a failed checkout: merchants are asking how, "
                    + "not reporting breakage.");
        } else if (c.category == TicketCategory.WEBHOOK_TIMEOUT) {
            if (c.stage.migrating() || spread < PLATFORM_SPREAD) {
                cause = RootCause.WEBHOOK_CONFIGURATION;
                evidence.add(c.stage.migrating()
                        ? "Stage " + c.stage.key() + ": merchants are re-pointing their webhook endpoints now."
                        : percent(spread) + " of merchants affected: too few for a platform-wide webhook failure.");
            } else {
                cause = RootCause.PLATFORM_BUG;
                evidence.add(percent(spread) + " of merchants time out at stage " + c.stage.key()
                        + ", when nobody is changing endpoints: the webhook dispatcher is what they share.");
            }
        } else if (c.stage.migrating()) {
            cause = RootCause.MIGRATION_ISSUE;
            evidence.add("Stage " + c.stage.key() + ": " + c.category.key()
                    + " errors shared by merchants in the middle of their move.");
        } else {
            cause = RootCause.PLATFORM_BUG;
            evidence.add("Stage " + c.stage.key() + ": merchants are not changing their setup, yet "
                    + percent(spread) + " of them hit the same " + c.category.key() + " error.");
        }
        return new Verdict(cause, Math.min(0.95, Math.max(0.3, base)), evidence);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
