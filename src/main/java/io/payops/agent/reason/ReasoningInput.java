package io.payops.agent.reason;

import io.payops.agent.detect.References;
import io.payops.domain.Anomaly;
import io.payops.domain.Lesson;
import io.payops.domain.Snapshot;

import java.util.List;

/** What a reasoner gets: the snapshot, the anomalies the detector reports, what normal looks like, recent lessons. */
public record ReasoningInput(Snapshot snapshot, List<Anomaly> anomalies, References references, List<Lesson> lessons,
                             double significance) {
    public ReasoningInput {
        anomalies = List.copyOf(anomalies);
        lessons = List.copyOf(lessons);
    }
}
