package io.payops.agent.reason;

import io.payops.agent.AgentConfig;
import io.payops.agent.detect.References;
import io.payops.domain.Anomaly;
import io.payops.domain.Lesson;
import io.payops.domain.Snapshot;

import java.util.List;

/**
 * What a reasoner gets: the snapshot, the anomalies the detector reports, what normal looks like, recent lessons,
 * and the {@code evidence} to localize on: every segment's counts over the trouble's own seconds (since the sequential
 * tests' onsets), or the snapshot's window when there is no history (a single snapshot given to {@code analyze}),
 * and the {@code limits} of the agent's configuration to localize with.
 */
public record ReasoningInput(Snapshot snapshot, List<Anomaly> anomalies, References references, List<Lesson> lessons,
                             double significance, Evidence evidence, AgentConfig.Localization limits) {
    public ReasoningInput {
        anomalies = List.copyOf(anomalies);
        lessons = List.copyOf(lessons);
        evidence = evidence == null ? Evidence.of(snapshot) : evidence;
        java.util.Objects.requireNonNull(limits, "limits");
    }

    public ReasoningInput(Snapshot snapshot, List<Anomaly> anomalies, References references, List<Lesson> lessons,
                          double significance, AgentConfig.Localization limits) {
        this(snapshot, anomalies, references, lessons, significance, null, limits);
    }
}
