package io.payops.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.domain.Target;

/** One non-no_op decision with its final status. */
@JsonPropertyOrder({"id", "atSecond", "type", "target", "detail", "status", "approval", "outcome", "rolledBack", "note"})
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
        String note) {
}
