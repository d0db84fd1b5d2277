package io.payops.connect.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.payops.domain.Target;

/**
 * One routing change as the router is told it.
 *
 * @param actionId   the action's id in its session (the console's and the audit's "#12")
 * @param type       {@code shift_traffic}, {@code open_circuit}, {@code close_circuit} or {@code adjust_retry_policy}:
 *                   the action's type; for a rollback, the type of the change undone; for a recovery, the
 *                   undoing itself ({@code close_circuit}) or the change undone (a shift: the weights go back)
 * @param action     the action in words: "open_circuit on gateway=razorpay issuer=SBI"
 * @param status     {@code executed} or {@code rolled_back}
 * @param rollback   the verify step undid the change because it made things worse
 * @param recovery   the agent undid its own earlier change because the trouble is gone
 * @param who        {@code agent} (taken alone, rolled back or recovered) or {@code operator} (approved)
 * @param approval   how it was approved: {@code none}, {@code auto} (a headless run's simulated operator) or
 *                   {@code operator}
 * @param approvedBy who approved it, as the audit says it ("operator (auto:60)", a person's name), or null
 * @param why        one sentence a person reads
 * @param before     the part of the routing it touched, before this tick's changes
 * @param after      the same part after them
 */
public record RoutingChange(long actionId, String type, Target target, String action, String status, boolean rollback,
                            boolean recovery, String who, String approval,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String approvedBy, String why,
                            RoutingPart before, RoutingPart after) {
}
