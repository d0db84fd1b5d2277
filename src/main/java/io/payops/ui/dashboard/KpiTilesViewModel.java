package io.payops.ui.dashboard;

import io.payops.domain.ApprovalRequest;
import io.payops.domain.Frame;
import io.payops.domain.Incident;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.ui.fx.FrameBatch;
import io.payops.ui.fx.FrameListener;
import io.payops.ui.fx.SessionInfo;

import java.util.List;

/**
 * The six headline numbers of the dashboard, from the newest frame of each batch (they show "now", so older frames
 * of a batch are skipped). Health levels follow fixed rules against the baseline ({@link Baselines}: the agent's
 * references, held still while the trouble lasts), so the same frames always colour the same way.
 */
public final class KpiTilesViewModel implements FrameListener {
    /** Success rate this many points under its baseline reads as degraded, and {@link #DOWN_DROP_POINTS} as down. */
    static final double DEGRADED_DROP_POINTS = 3;
    static final double DOWN_DROP_POINTS = 10;
    /** p95 latency this many times its baseline reads as degraded, and {@link #DOWN_LATENCY_RATIO} as down. */
    static final double DEGRADED_LATENCY_RATIO = 1.4;
    static final double DOWN_LATENCY_RATIO = 2.0;
    static final String WAITING = "waiting for traffic";

    private final Kpi successRate = new Kpi("success-rate", "Success rate", "%", 1,
            "Share of attempts that succeeded in the sliding window, against the baseline: what the agent's "
                    + "detector takes as normal, held still (\"held\") while traffic is in alarm so an incident never "
                    + "becomes the new normal. Amber at 3 points under the baseline, red at 10.");
    private final Kpi paymentsPerSecond = new Kpi("payments-per-second", "Payments / s", "", 1,
            "New payments per second over the sliding window (first attempts only). The caption gives attempts "
                    + "per second and, in brackets, attempts per payment, which rises when retries pile up.");
    private final Kpi p95Latency = new Kpi("p95-latency", "p95 latency", "ms", 0,
            "95th percentile of attempt latency in the sliding window, against the agent's reference (held still "
                    + "while traffic is in alarm). Amber at 1.4 times the baseline, red at 2 times.");
    private final Kpi openIncidents = new Kpi("open-incidents", "Open incidents", "", 0,
            "Incidents the agent has opened and not yet closed; the caption names the newest.");
    private final Kpi pendingApprovals = new Kpi("pending-approvals", "Pending approvals", "", 0,
            "Actions waiting for a human to approve or reject them; the caption says when the oldest expires.");
    private final Kpi preventedFailures = new Kpi("prevented-failures", "Failed payments prevented", "", 0,
            "Expected failed payments avoided so far compared with leaving routing as the session started "
                    + "(the static policy on the same payments and faults). Negative when changes made things worse.");
    private final List<Kpi> all = List.of(successRate, paymentsPerSecond, p95Latency, openIncidents,
            pendingApprovals, preventedFailures);

    public KpiTilesViewModel() {
        reset();
    }

    /** The six KPIs in display order. */
    public List<Kpi> kpis() {
        return all;
    }

    public Kpi successRate() {
        return successRate;
    }

    public Kpi paymentsPerSecond() {
        return paymentsPerSecond;
    }

    public Kpi p95Latency() {
        return p95Latency;
    }

    public Kpi openIncidents() {
        return openIncidents;
    }

    public Kpi pendingApprovals() {
        return pendingApprovals;
    }

    public Kpi preventedFailures() {
        return preventedFailures;
    }

    /** Over an event log nothing was applied, so there is no routing to credit with prevented failures. */
    private boolean openLoop;

    @Override
    public void onSessionStart(SessionInfo session) {
        openLoop = session.openLoop();
        reset();
    }

    @Override
    public void onFrames(FrameBatch batch) {
        Frame f = batch.latest();
        Snapshot s = f.snapshot();
        SegmentStats total = s.total();
        Baselines.Baseline baseline = Baselines.of(f).total();
        boolean traffic = total != null && total.attempts() > 0;
        if (traffic) {
            showSuccessRate(total, baseline);
            showPaymentsPerSecond(total);
            showLatency(total, baseline);
        } else {
            successRate.reset(WAITING);
            paymentsPerSecond.reset(WAITING);
            p95Latency.reset(WAITING);
        }
        showIncidents(f.step().incidents());
        showApprovals(f.step().pendingApprovals(),
                f.tickets() == null ? List.of() : f.tickets().pendingApprovals(), f.simMillis());
        showPrevented(f.totals().preventedFailures());
    }

    private void showSuccessRate(SegmentStats total, Baselines.Baseline baseline) {
        double rate = total.successRate();
        if (baseline == null) {
            successRate.update(rate * 100, "no baseline yet", HealthLevel.NEUTRAL);
            return;
        }
        double deltaPoints = (rate - baseline.successRate()) * 100;
        HealthLevel level = -deltaPoints >= DOWN_DROP_POINTS ? HealthLevel.DOWN
                : -deltaPoints >= DEGRADED_DROP_POINTS ? HealthLevel.DEGRADED : HealthLevel.HEALTHY;
        // "held": the agent's reference stands still while the trouble lasts, so the gap is the incident's size
        successRate.update(rate * 100, (baseline.held() ? "held " : "baseline ")
                + DashboardFormat.percent(baseline.successRate()) + " \u00b7 " + DashboardFormat.points(deltaPoints), level);
    }

    private void showPaymentsPerSecond(SegmentStats total) {
        // attemptsPerSecond divides by the seconds the window actually covers, so this does not read low while
        // the window is still filling at the start of a session (payments / windowSeconds would).
        double paymentsRate = total.payments() * total.attemptsPerSecond() / total.attempts();
        // kept short: a caption wider than the tile makes TilesFX shrink its font in 0.1 px steps on every redraw
        paymentsPerSecond.update(paymentsRate, DashboardFormat.oneDecimal(total.attemptsPerSecond())
                + " attempts/s (\u00d7" + DashboardFormat.twoDecimals(total.attemptsPerPayment()) + ")",
                HealthLevel.NEUTRAL);
    }

    private void showLatency(SegmentStats total, Baselines.Baseline baseline) {
        if (baseline == null || !(baseline.p95Ms() > 0)) {
            p95Latency.update(total.p95(), "no baseline yet", HealthLevel.NEUTRAL);
            return;
        }
        double ratio = total.p95() / baseline.p95Ms();
        HealthLevel level = ratio >= DOWN_LATENCY_RATIO ? HealthLevel.DOWN
                : ratio >= DEGRADED_LATENCY_RATIO ? HealthLevel.DEGRADED : HealthLevel.HEALTHY;
        p95Latency.update(total.p95(), (baseline.held() ? "held " : "baseline ") + DashboardFormat.millis(baseline.p95Ms()),
                level);
    }

    private void showIncidents(List<Incident> open) {
        if (open.isEmpty()) {
            openIncidents.update(0, "none open", HealthLevel.HEALTHY);
            return;
        }
        Incident newest = open.get(0);
        for (Incident i : open) {
            if (i.openedAtMillis() > newest.openedAtMillis()) {
                newest = i;
            }
        }
        String caption = newest.diagnosis().key() + " \u00b7 " + newest.target()
                + (open.size() > 1 ? " +" + (open.size() - 1) + " more" : "");
        openIncidents.update(open.size(), caption, HealthLevel.DOWN);
    }

    /** Payment requests and support-ticket escalations wait in the same approvals queue, so the tile counts both. */
    private void showApprovals(List<ApprovalRequest> pending, List<io.payops.domain.TicketAction> tickets,
                               long nowMillis) {
        if (pending.isEmpty() && tickets.isEmpty()) {
            pendingApprovals.update(0, "none waiting", HealthLevel.NEUTRAL);
            return;
        }
        long firstExpiry = Long.MAX_VALUE;
        for (ApprovalRequest r : pending) {
            firstExpiry = Math.min(firstExpiry, r.expiresAtMillis());
        }
        for (io.payops.domain.TicketAction a : tickets) {
            if (a.expiresAtMillis() != null) {
                firstExpiry = Math.min(firstExpiry, a.expiresAtMillis());
            }
        }
        pendingApprovals.update(pending.size() + tickets.size(),
                "next expires in " + DashboardFormat.clock((firstExpiry - nowMillis) / 1000.0), HealthLevel.DEGRADED);
    }

    private void showPrevented(double prevented) {
        if (openLoop) {
            preventedFailures.reset(OPEN_LOOP);
            return;
        }
        long rounded = Math.round(prevented);
        HealthLevel level = rounded > 0 ? HealthLevel.HEALTHY : rounded < 0 ? HealthLevel.DOWN : HealthLevel.NEUTRAL;
        preventedFailures.update(rounded, "vs. routing left unchanged", level);
    }

    private void reset() {
        successRate.reset(WAITING);
        paymentsPerSecond.reset(WAITING);
        p95Latency.reset(WAITING);
        openIncidents.update(0, "none open", HealthLevel.NEUTRAL);
        pendingApprovals.update(0, "none waiting", HealthLevel.NEUTRAL);
        if (openLoop) {
            preventedFailures.reset(OPEN_LOOP);
        } else {
            preventedFailures.update(0, "vs. routing left unchanged", HealthLevel.NEUTRAL);
        }
    }

    static final String OPEN_LOOP = "n/a: an event log, nothing applied";
}
