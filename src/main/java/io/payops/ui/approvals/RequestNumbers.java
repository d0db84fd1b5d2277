package io.payops.ui.approvals;

import io.payops.domain.Action;
import io.payops.domain.ActionType;
import io.payops.domain.ApprovalRequest;
import io.payops.domain.Diagnosis;
import io.payops.domain.Dimension;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.util.Locale;

/**
 * A pending request's numbers as they stand in one frame, from that frame's window for the request's target: the
 * evidence (the target's rate now against its baseline), what the change would gain now and how much traffic it
 * would move now. The agent's own estimate is made once, when it asks; an incident moves on while the request waits,
 * so the card shows these next to the numbers "as raised".
 *
 * <p>The gain is the plain one, per attempt: the moved share of all traffic times how much better the same slice of
 * traffic does on the other gateways (all other traffic, for a target without a gateway) than on the target. It is
 * an estimate to compare with the agent's, not the agent's test.
 *
 * @param evidence "now (last 10 s): GATEWAY_ERROR is 78.1% of attempts on gateway=stripe against 0.4% normally;
 *                 success 21.0%": the window says why it may differ from the agent's evidence, which is counted since
 *                 the trouble began
 * @param effect   "now ≈ +6.21 pts success" (points of all traffic), or "" when the change moves no traffic (a retry
 *                 policy)
 * @param share    "moves 20% of traffic now" (of all traffic), or ""
 */
public record RequestNumbers(String evidence, String effect, String share) {
    static RequestNumbers of(ApprovalRequest r, Snapshot s) {
        Action a = r.action();
        Target t = a.target();
        SegmentStats now = s.segment(t);
        if (now == null || now.attempts() == 0) {
            return new RequestNumbers(String.format(Locale.ROOT, "now (last %2$d s): no attempts on %1$s (its traffic "
                    + "goes elsewhere)", t, s.windowSeconds()), moves(a) > 0 ? "now ≈ +0.00 pts success" : "",
                    moves(a) > 0 ? "moves 0% of traffic now" : "");
        }
        String evidence = "now (last " + s.windowSeconds() + " s): " + evidence(r.diagnosis(), now, s.baseline(t));
        double moved = moves(a) * share(now, s.total());
        if (moves(a) == 0) {
            return new RequestNumbers(evidence, "", "");
        }
        double better = alternativeSuccess(t, now, s) - now.successRate();
        double gain = Double.isNaN(better) ? 0 : moved * better * 100;
        return new RequestNumbers(evidence, String.format(Locale.ROOT, "now ≈ %+.2f pts success", gain),
                String.format(Locale.ROOT, "moves %.0f%% of traffic now", moved * 100));
    }

    /** The share of the target's traffic the change takes away: all of it for a circuit, the fraction for a shift. */
    private static double moves(Action a) {
        return a.type() == ActionType.OPEN_CIRCUIT ? 1 : a.type() == ActionType.SHIFT_TRAFFIC ? a.fraction() : 0;
    }

    private static double share(SegmentStats seg, SegmentStats total) {
        return total.attempts() == 0 ? 0 : (double) seg.attempts() / total.attempts();
    }

    /** Success of the same slice of traffic on the other gateways (all other traffic when there is no gateway), or NaN. */
    private static double alternativeSuccess(Target t, SegmentStats seg, Snapshot s) {
        SegmentStats slice = t.has(Dimension.GATEWAY) ? s.segment(t.without(Dimension.GATEWAY)) : s.total();
        if (slice == null || slice.attempts() <= seg.attempts()) {
            slice = s.total();
        }
        long attempts = slice.attempts() - seg.attempts();
        return attempts <= 0 ? Double.NaN : (double) (slice.successes() - seg.successes()) / attempts;
    }

    /** The measure the diagnosis is about, now against the baseline window (after the "now (last N s): "). */
    private static String evidence(Diagnosis d, SegmentStats now, SegmentStats base) {
        Target t = now.target();
        String success = String.format(Locale.ROOT, "success %.1f%%", now.successRate() * 100);
        if (d == Diagnosis.LATENCY_SPIKE) {
            return base == null ? String.format(Locale.ROOT, "p95 latency on %s is %.0f ms; %s", t, now.p95(), success)
                    : String.format(Locale.ROOT, "p95 latency on %s is %.0f ms against %.0f ms normally; %s", t,
                    now.p95(), base.p95(), success);
        }
        if (d == Diagnosis.RETRY_STORM) {
            return base == null ? String.format(Locale.ROOT, "%.2f attempts per payment on %s; %s",
                    now.attemptsPerPayment(), t, success)
                    : String.format(Locale.ROOT, "%.2f attempts per payment on %s against %.2f normally; %s",
                    now.attemptsPerPayment(), t, base.attemptsPerPayment(), success);
        }
        Status worst = risenMost(d == Diagnosis.USER_DECLINES, now, base);
        if (worst == null) {
            return base == null ? success + " on " + t
                    : String.format(Locale.ROOT, "success on %s is %.1f%% against %.1f%% normally", t,
                    now.successRate() * 100, base.successRate() * 100);
        }
        return base == null
                ? String.format(Locale.ROOT, "%s is %.1f%% of attempts on %s; %s", worst, now.share(worst) * 100, t, success)
                : String.format(Locale.ROOT, "%s is %.1f%% of attempts on %s against %.1f%% normally; %s", worst,
                now.share(worst) * 100, t, base.share(worst) * 100, success);
    }

    /** The failure status (technical, or the customer's for declines) whose share rose most, or null when none did. */
    private static Status risenMost(boolean customer, SegmentStats now, SegmentStats base) {
        Status best = null;
        double rise = 0;
        for (Status st : Status.values()) {
            if (st.success() || st.customerSide() != customer) {
                continue;
            }
            double r = now.share(st) - (base == null ? 0 : base.share(st));
            if (r > rise) {
                rise = r;
                best = st;
            }
        }
        return best;
    }
}
