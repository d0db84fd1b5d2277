package io.payops.report;

import io.payops.domain.ActionStatus;
import io.payops.domain.Detection;
import io.payops.domain.Diagnosis;
import io.payops.domain.Frame;
import io.payops.domain.Incident;
import io.payops.ingest.EventLogStats;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes the ingest report from the frames as they pass (DESIGN §5.3 without the simulator's ground truth). */
public final class IngestReportBuilder {
    /** Detections are kept this long for an incident that opens after them (they may come a little earlier). */
    private static final long RECENT_MILLIS = 15 * 60_000L;

    private final String policy;
    private final String reasoner;
    private final String world;
    private final LlmUsage.Tally llm = new LlmUsage.Tally();
    private final ActionLog actions = new ActionLog();
    /** Detections of the last minutes only, so a log of any length takes the same memory. */
    private final ArrayDeque<Detection> recent = new ArrayDeque<>();
    /** Every incident the agent opened, in the order opened, with what was detected on it. */
    private final Map<Long, IncidentTally> incidents = new LinkedHashMap<>();
    private Frame last;
    /** Standing conditions by target: the latest seen, and when first and last seen. */
    private final Map<io.payops.domain.Target, long[]> standingSeen = new LinkedHashMap<>();
    private final Map<io.payops.domain.Target, io.payops.domain.StandingCondition> standingLatest = new LinkedHashMap<>();

    /** One incident: the agent's record, when it closed, and the detections on its target while it lasted. */
    private static final class IncidentTally {
        Incident incident;
        Long closedAt;
        final long since;
        Detection first;
        final Map<Diagnosis, Integer> counts = new LinkedHashMap<>();
        final Map<Diagnosis, Detection> firstOfKind = new LinkedHashMap<>();

        IncidentTally(Incident incident, long since) {
            this.incident = incident;
            this.since = since;
        }

        void add(Detection d) {
            if (d.atMillis() <= since || !d.diagnosis().isIncident() || !d.target().equals(incident.target())) {
                // only what was said of the incident's own traffic names it: a detection on wider traffic (all
                // traffic, say) overlaps every incident and would name each one after itself
                return;
            }
            if (first == null || d.atMillis() < first.atMillis()) {
                first = d;
            }
            counts.merge(d.diagnosis(), 1, Integer::sum);
            firstOfKind.putIfAbsent(d.diagnosis(), d);
        }

        /** The diagnosis said most often of the incident's target: the settled view, as in the run report. */
        Diagnosis settled() {
            return counts.entrySet().stream()
                    .max(Comparator.<Map.Entry<Diagnosis, Integer>>comparingInt(Map.Entry::getValue)
                            .thenComparing(e -> -firstOfKind.get(e.getKey()).atMillis()))
                    .map(Map.Entry::getKey).orElse(incident.diagnosis());
        }
    }

    public IngestReportBuilder(String policy, String reasoner, String world) {
        this.policy = policy;
        this.reasoner = reasoner;
        this.world = world;
    }

    public void accept(Frame frame) {
        last = frame;
        long now = frame.simMillis();
        if (frame.step().cycle() != null && frame.step().cycle().call() != null) {
            llm.add(frame.step().cycle().call());
        }
        actions.accept(frame);
        for (io.payops.domain.StandingCondition c : frame.step().standing()) {
            standingSeen.computeIfAbsent(c.target(), k -> new long[] {c.sinceMillis(), now})[1] = now;
            standingLatest.put(c.target(), c);
        }
        for (Detection d : frame.step().detections()) {
            recent.addLast(d);
            for (IncidentTally t : incidents.values()) {
                if (t.closedAt == null) {
                    t.add(d);
                }
            }
        }
        while (!recent.isEmpty() && recent.peekFirst().atMillis() < now - RECENT_MILLIS) {
            recent.pollFirst();
        }
        Set<Long> open = new HashSet<>();
        for (Incident i : frame.step().incidents()) {
            open.add(i.id());
            IncidentTally t = incidents.get(i.id());
            if (t == null) {
                t = new IncidentTally(i, closedBefore(i));
                recent.forEach(t::add);
                incidents.put(i.id(), t);
            }
            t.incident = i;
        }
        for (IncidentTally t : incidents.values()) {
            if (t.closedAt == null && !open.contains(t.incident.id())) {
                t.closedAt = now;
            }
        }
    }

    /** When the last earlier incident on an overlapping target closed: detections before it were that one's. */
    private long closedBefore(Incident i) {
        long since = Long.MIN_VALUE;
        for (IncidentTally t : incidents.values()) {
            if (t.closedAt != null && t.incident.target().overlaps(i.target())) {
                since = Math.max(since, t.closedAt);
            }
        }
        return since;
    }

    /**
     * @param origin the log time of run time 0
     * @param late   events older than the window when they came
     */
    public IngestReport build(long wallMillis, EventLogStats stats, Instant origin, long outOfOrder, long late,
                              long gapsSkipped, long valuesFolded) {
        long endMillis = last == null ? 0 : last.simMillis();
        var totals = last == null ? io.payops.domain.SimTotals.ZERO : last.totals();
        List<IngestIncident> found = new ArrayList<>();
        for (IncidentTally t : incidents.values()) {
            found.add(incident(t, endMillis, origin));
        }
        double rate = totals.payments() == 0 ? 0 : (double) totals.succeeded() / totals.payments();
        double perPayment = totals.payments() == 0 ? 0 : (double) totals.attempts() / totals.payments();
        IngestInput input = new IngestInput(stats.file(), stats.format().key(), stats.lines(), stats.events(),
                stats.blankLines(), stats.badLines(), stats.firstBadLines(), stats.fields(), stats.ignoredColumns(),
                stats.unmappedStatuses(), outOfOrder, late,
                gapsSkipped, valuesFolded, stats.valuesTruncated(), stats.truncations(), stats.rotations(),
                origin == null ? null : origin.toString(),
                origin == null || last == null ? null : origin.plusMillis(endMillis).toString());
        return new IngestReport(stats.file(), IngestReport.OPEN_LOOP, IngestReport.NOTE, policy, reasoner, world,
                Math.round(endMillis / 1000.0), wallMillis, input, totals.payments(), totals.attempts(),
                totals.succeeded(), totals.failed(), ReportBuilder.round(rate, 4), ReportBuilder.round(perPayment, 4),
                found, standing(endMillis), actions.reports(IngestReportBuilder::statusOfRecommendation, false), actions.rollbacks(),
                actions.approvalsRequested(), last == null ? null : FinalRouting.of(last.routing()), llm.build());
    }

    private List<IngestStanding> standing(long endMillis) {
        List<IngestStanding> out = new ArrayList<>();
        standingSeen.forEach((t, seen) -> {
            io.payops.domain.StandingCondition c = standingLatest.get(t);
            // still held at the end when it was seen in the last cycle (cycles run every few seconds)
            boolean held = last != null && last.step().standing().stream().anyMatch(s -> s.target().equals(t))
                    || endMillis - seen[1] <= 10_000;
            out.add(new IngestStanding(t, c.technicalRate(), c.siblingsRate(), c.attempts(),
                    ReportBuilder.seconds(seen[0]), held ? null : ReportBuilder.seconds(seen[1])));
        });
        return out;
    }

    /** Over an event log nothing is executed: what the agent would have done alone is "recommended". */
    static String statusOfRecommendation(ActionStatus s) {
        return s == ActionStatus.EXECUTED ? "recommended" : s.key();
    }

    private IngestIncident incident(IncidentTally t, long endMillis, Instant origin) {
        Incident inc = t.incident;
        long end = t.closedAt == null ? endMillis : t.closedAt;
        long detected = t.first == null ? inc.openedAtMillis() : Math.min(inc.openedAtMillis(), t.first.atMillis());
        // only a change aimed at the incident's own traffic (or a part of it) answers it
        Long recommended = actions.firstMitigationWithin(inc.target(), detected, end);
        return new IngestIncident(inc.id(), t.settled().key(), inc.target(),
                ReportBuilder.seconds(detected),
                origin == null ? null : origin.plusMillis(detected).toString(),
                t.closedAt == null ? null : ReportBuilder.seconds(t.closedAt),
                recommended == null ? null : ReportBuilder.seconds(recommended),
                ReportBuilder.round(inc.confidence(), 3));
    }
}
