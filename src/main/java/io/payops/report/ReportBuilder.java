package io.payops.report;

import io.payops.domain.ActionRecord;
import io.payops.domain.ActionStatus;
import io.payops.domain.ActionType;
import io.payops.domain.ActiveFault;
import io.payops.domain.Detection;
import io.payops.domain.FaultSpec;
import io.payops.domain.Frame;
import io.payops.tickets.TicketsReportBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the run report from the frames as they pass, keeping only what the report needs (not the frames).
 */
public final class ReportBuilder {
    private final String scenario;
    private final long seed;
    private final String policy;
    private final String reasoner;
    private final LlmUsage.Tally llm = new LlmUsage.Tally();
    private final Map<String, FaultSpec> faults = new LinkedHashMap<>();
    private final List<Detection> detections = new ArrayList<>();
    private final ActionLog actions = new ActionLog();
    private TicketsReportBuilder tickets;
    private final Map<Long, Boolean> falseAtExecution = new LinkedHashMap<>();
    private Frame last;

    public ReportBuilder(String scenario, long seed, String policy, String reasoner) {
        this.scenario = scenario;
        this.seed = seed;
        this.policy = policy;
        this.reasoner = reasoner;
    }

    public void accept(Frame frame) {
        if (frame.step().cycle() != null && frame.step().cycle().call() != null) {
            llm.add(frame.step().cycle().call());
        }
        last = frame;
        if (frame.tickets() != null) {
            if (tickets == null) {
                tickets = new TicketsReportBuilder();
            }
            tickets.accept(frame.tickets());
        }
        for (ActiveFault f : frame.faults()) {
            faults.putIfAbsent(f.id(), f.spec());
        }
        detections.addAll(frame.step().detections());
        for (ActionRecord r : actions.accept(frame)) {
            falseAtExecution.put(r.id(), isFalseAction(r, frame.faults()));
        }
    }

    /** A change that moves traffic away from a target where no fault is active. */
    private static boolean isFalseAction(ActionRecord r, List<ActiveFault> active) {
        ActionType t = r.action().type();
        if (r.recovery()) {
            return false;
        }
        if (t != ActionType.SHIFT_TRAFFIC && t != ActionType.OPEN_CIRCUIT && t != ActionType.ADJUST_RETRY_POLICY) {
            return false;
        }
        return active.stream().noneMatch(f -> f.spec().target().overlaps(r.action().target()));
    }

    public RunReport build(long wallMillis) {
        if (last == null) {
            throw new IllegalStateException("no frame was seen");
        }
        var totals = last.totals();
        List<IncidentReport> incidents = new ArrayList<>();
        faults.forEach((id, spec) -> incidents.add(incident(id, spec)));
        List<ActionReport> actionReports = actions.reports(ActionStatus::key, null);
        int falseActions = (int) falseAtExecution.values().stream().filter(Boolean::booleanValue).count();
        double rate = totals.successRate();
        double perPayment = totals.payments() == 0 ? 0 : (double) totals.attempts() / totals.payments();
        List<FalseAlarmReport> falseAlarms = FaultAttribution.falseAlarms(List.copyOf(faults.values()), detections)
                .stream().map(a -> new FalseAlarmReport(seconds(a.firstMillis()), seconds(a.lastMillis()), a.diagnosis(),
                        a.target())).toList();
        return new RunReport(scenario, seed, policy, reasoner, Math.round(last.simSeconds()), wallMillis,
                totals.payments(), totals.attempts(), totals.succeeded(), totals.failed(), round(rate, 4),
                round(perPayment, 4), round(totals.excessFailures(), 1), round(totals.faultCausedFailures(), 1), incidents, actionReports, falseActions,
                falseAlarms, actions.rollbacks(), actions.approvalsRequested(), FinalRouting.of(last.routing()), llm.build(),
                tickets == null ? null : tickets.build());
    }

    private IncidentReport incident(String id, FaultSpec spec) {
        long start = Math.round(spec.startSecond() * 1000);
        long end = Math.round(spec.endSecond() * 1000);
        FaultAttribution.Match m = FaultAttribution.match(spec, List.copyOf(faults.values()), detections);
        Long mitigated = actions.firstMitigation(spec.target(), start, end);
        return new IncidentReport(id, spec.type().key(), spec.target(), seconds(start),
                seconds(Math.min(end, last.simMillis())), m.first() == null ? null : seconds(m.first().atMillis()),
                mitigated == null ? null : seconds(mitigated),
                m.settled() == null ? null : m.settled().diagnosis().key(),
                m.settled() == null ? null : m.settled().target(), spec.routable(), m.verdict().key());
    }

    static Number seconds(long millis) {
        if (millis % 1000 == 0) {
            return millis / 1000;
        }
        return Math.round(millis / 100.0) / 10.0;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
