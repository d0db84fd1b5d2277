package io.payops.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.domain.Target;

/**
 * One fault of the run as an incident: when it was, when the policy detected and mitigated it (null when never)
 * and what it said it was.
 */
@JsonPropertyOrder({"faultId", "fault", "target", "startSecond", "endSecond", "detectedAtSecond", "mitigatedAtSecond",
        "diagnosis", "diagnosisTarget", "routable"})
public record IncidentReport(
        String faultId,
        String fault,
        Target target,
        Number startSecond,
        Number endSecond,
        Number detectedAtSecond,
        Number mitigatedAtSecond,
        String diagnosis,
        Target diagnosisTarget,
        boolean routable) {
}
