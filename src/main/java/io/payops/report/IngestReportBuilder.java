package io.payops.report;

import io.payops.domain.ActionStatus;
import io.payops.domain.Detection;
import io.payops.domain.Incident;
import io.payops.engine.Frame;
import io.payops.ingest.EventLogStats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the ingest report from the frames as they pass (DESIGN §5.3 without the simulator's ground truth). */
public final class IngestReportBuilder {
    private final String policy;
    private final String reasoner;
    private final String world;
    private final LlmUsage.Tally llm = new LlmUsage.Tally();
    private final ActionLog actions = new ActionLog();
    private final List<Detection> detections = new ArrayList<>();
    /** Every incident the agent opened, with its end once it closed (in the order opened). */
    private final Map<Long, Incident> incidents = new LinkedHashMap<>();
    private Frame last;

    public IngestReportBuilder(String policy, String reasoner, String world) {
        this.policy = policy;
        this.reasoner = reasoner;
        this.world = world;
    }

    public void accept(Frame frame) {
        last = frame;
        if (frame.step().cycle() != null && frame.step().cycle().call() != null) {
            llm.add(frame.step().cycle().call());
        }
        detections.addAll(frame.step().detections());
        actions.accept(frame);
        List<Long> open = new ArrayList<>();
        for (Incident i : frame.step().incidents()) {
            incidents.putIfAbsent(i.id(), i);
            open.add(i.id());
        }
        incidents.replaceAll((id, i) -> i.open() && !open.contains(id)
                ? new Incident(i.id(), i.diagnosis(), i.target(), i.openedAtMillis(), frame.simMillis(), i.confidence())
                : i);
    }

    /**
     * @param origin the log time of run time 0
     * @param late   events older than the window when they came
     */
    public IngestReport build(long wallMillis, EventLogStats stats, Instant origin, long outOfOrder, long late,
                              long gapsSkipped) {
        long endMillis = last == null ? 0 : last.simMillis();
        var totals = last == null ? io.payops.domain.SimTotals.ZERO : last.totals();
        List<IngestIncident> found = new ArrayList<>();
        List<Incident> all = new ArrayList<>(incidents.values());
        for (int k = 0; k < all.size(); k++) {
            found.add(incident(all, k, endMillis, origin));
        }
        double rate = totals.payments() == 0 ? 0 : (double) totals.succeeded() / totals.payments();
        double perPayment = totals.payments() == 0 ? 0 : (double) totals.attempts() / totals.payments();
        IngestInput input = new IngestInput(stats.file(), stats.format().key(), stats.lines(), stats.events(),
                stats.blankLines(), stats.badLines(), stats.firstBadLines(), stats.ignoredColumns(), outOfOrder, late,
                gapsSkipped, stats.truncations(), stats.rotations(), origin == null ? null : origin.toString(),
                origin == null || last == null ? null : origin.plusMillis(endMillis).toString());
        return new IngestReport(stats.file(), IngestReport.OPEN_LOOP, IngestReport.NOTE, policy, reasoner, world,
                Math.round(endMillis / 1000.0), wallMillis, input, totals.payments(), totals.attempts(),
                totals.succeeded(), totals.failed(), ReportBuilder.round(rate, 4), ReportBuilder.round(perPayment, 4),
                found, actions.reports(IngestReportBuilder::statusOfRecommendation, false), actions.rollbacks(),
                actions.approvalsRequested(), last == null ? null : FinalRouting.of(last.routing()), llm.build());
    }

    /** Over an event log nothing is executed: what the agent would have done alone is "recommended". */
    static String statusOfRecommendation(ActionStatus s) {
        return s == ActionStatus.EXECUTED ? "recommended" : s.key();
    }

    /**
     * An incident as detected: from the first detection on an overlapping target since the previous incident there
     * closed, to its close; the diagnosis is the one said most often meanwhile (the settled view, as in the run report).
     */
    private IngestIncident incident(List<Incident> all, int k, long endMillis, Instant origin) {
        Incident inc = all.get(k);
        long end = inc.closedAtMillis() == null ? endMillis : inc.closedAtMillis();
        long since = Long.MIN_VALUE;
        for (int j = 0; j < k; j++) {
            Incident before = all.get(j);
            if (before.closedAtMillis() != null && before.target().overlaps(inc.target())) {
                since = Math.max(since, before.closedAtMillis());
            }
        }
        long from = since;
        List<Detection> during = detections.stream()
                .filter(d -> d.diagnosis().isIncident() && d.atMillis() > from && d.atMillis() <= end
                        && d.target().overlaps(inc.target()))
                .toList();
        long detected = during.isEmpty() ? inc.openedAtMillis() : Math.min(inc.openedAtMillis(), during.get(0).atMillis());
        Detection settled = ReportBuilder.mostFrequent(during);
        Long recommended = actions.firstMitigation(inc.target(), detected, end);
        return new IngestIncident(inc.id(),
                settled == null ? inc.diagnosis().key() : settled.diagnosis().key(),
                settled == null ? inc.target() : settled.target(),
                ReportBuilder.seconds(detected),
                origin == null ? null : origin.plusMillis(detected).toString(),
                inc.closedAtMillis() == null ? null : ReportBuilder.seconds(inc.closedAtMillis()),
                recommended == null ? null : ReportBuilder.seconds(recommended),
                ReportBuilder.round(inc.confidence(), 3));
    }
}
