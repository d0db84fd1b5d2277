package io.payops.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.domain.Target;

/**
 * One non-no_op decision with its final status; {@code recovery} marks the undoing of an earlier change once its
 * trouble was gone (closing a circuit, restoring weights), which answers no new problem. {@code applied} is absent for a simulated run; over an
 * event log it is false (a recommendation nothing applied) unless the real router acknowledged the change
 * ({@code --routing-webhook}).
 */
@JsonPropertyOrder({"id", "atSecond", "type", "target", "detail", "status", "approval", "outcome", "rolledBack", "recovery",
        "note", "applied"})
public record ActionReport(
        long id,
        Number atSecond,
        String type,
        Target target,
        String detail,
        String status,
        String approval,
        String outcome,
        boolean rolledBack,
        boolean recovery,
        String note,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean applied) {
}
