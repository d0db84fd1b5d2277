package io.payops.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.payops.domain.Target;

/**
 * One fault of the run as an incident: when it was, when the policy detected and mitigated it (null when never)
 * and what it said it was. {@code attribution} says how the detections were matched to it (see
 * {@link FaultAttribution}): {@code diagnosed} (a detection named its type and exact target; detected at the first
 * such), {@code misdiagnosed} (what was said of its traffic named something else: {@code diagnosis} and
 * {@code diagnosisTarget} say what it was taken for) or {@code missed}.
 */
@JsonPropertyOrder({"faultId", "fault", "target", "startSecond", "endSecond", "detectedAtSecond", "mitigatedAtSecond",
        "diagnosis", "diagnosisTarget", "routable", "attribution"})
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
        boolean routable,
        String attribution) {

    public boolean diagnosedRight() {
        return "diagnosed".equals(attribution);
    }
}
