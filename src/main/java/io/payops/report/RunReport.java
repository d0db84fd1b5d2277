package io.payops.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.payops.tickets.TicketsReport;

import java.util.List;

/** The run report of DESIGN §5.3, plus a few extra fields ({@code faultCausedFailures}: the failures the faults caused under the routing in force, without what routing alone gained or cost; {@code falseAlarms}: alarms about traffic no fault touched); {@code llm} only when an LLM reasoner ran, {@code tickets} only when the world had support tickets. Same scenario and seed give the same report bar wallMillis. */
@JsonPropertyOrder({"scenario", "seed", "policy", "reasoner", "simulatedSeconds", "wallMillis", "payments", "attempts",
        "succeeded", "failed", "successRate", "attemptsPerPayment", "excessFailures", "faultCausedFailures", "incidents", "actions",
        "falseActions", "falseAlarms", "rollbacks", "approvalsRequested", "finalRouting", "llm", "tickets"})
public record RunReport(
        String scenario,
        long seed,
        String policy,
        String reasoner,
        long simulatedSeconds,
        long wallMillis,
        long payments,
        long attempts,
        long succeeded,
        long failed,
        double successRate,
        double attemptsPerPayment,
        double excessFailures,
        double faultCausedFailures,
        List<IncidentReport> incidents,
        List<ActionReport> actions,
        int falseActions,
        List<FalseAlarmReport> falseAlarms,
        int rollbacks,
        int approvalsRequested,
        FinalRouting finalRouting,
        @JsonInclude(JsonInclude.Include.NON_NULL) LlmUsage llm,
        @JsonInclude(JsonInclude.Include.NON_NULL) TicketsReport tickets) {
}
