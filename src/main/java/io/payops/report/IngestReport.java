package io.payops.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The report of {@code ingest}: the run report of DESIGN §5.3 without what only the simulator knows (seed, excess
 * failures, faults, false actions), plus how the log read. The agent ran open loop: {@code mode} is "open_loop",
 * every action is marked {@code applied: false}, an action the agent would have taken alone has the status
 * "recommended", and the routing at the end is {@code recommendedRouting}.
 */
@JsonPropertyOrder({"source", "mode", "note", "policy", "reasoner", "world", "simulatedSeconds", "wallMillis", "input",
        "payments", "attempts", "succeeded", "failed", "successRate", "attemptsPerPayment", "incidents",
        "standingConditions", "actions",
        "rollbacks", "approvalsRequested", "recommendedRouting", "llm"})
public record IngestReport(
        String source,
        String mode,
        String note,
        String policy,
        String reasoner,
        String world,
        long simulatedSeconds,
        long wallMillis,
        IngestInput input,
        long payments,
        long attempts,
        long succeeded,
        long failed,
        double successRate,
        double attemptsPerPayment,
        List<IngestIncident> incidents,
        List<IngestStanding> standingConditions,
        List<ActionReport> actions,
        int rollbacks,
        int approvalsRequested,
        FinalRouting recommendedRouting,
        @JsonInclude(JsonInclude.Include.NON_NULL) LlmUsage llm) {

    public static final String OPEN_LOOP = "open_loop";
    public static final String NOTE = "The agent ran open loop over recorded traffic: its actions are recommendations "
            + "and none was applied.";
}
