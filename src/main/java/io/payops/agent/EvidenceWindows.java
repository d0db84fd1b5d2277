package io.payops.agent;

import io.payops.agent.act.RecentHistory;
import io.payops.agent.reason.Evidence;
import io.payops.domain.Anomaly;
import io.payops.domain.AnomalyKind;
import io.payops.domain.Snapshot;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The seconds of recent history the reasoner localizes on, chosen from when the sequential tests say trouble began. */
final class EvidenceWindows {
    private EvidenceWindows() {
    }

    /**
     * The counts the reasoner localizes on, per kind of anomaly: the seconds since the newest and since the earliest
     * onset the sequential tests estimate for that kind (a few seconds before, for margin), each at least
     * {@code minEvidenceSeconds} and at most {@code maxEvidenceSeconds} back; the 60 s window when no test says
     * when the trouble began.
     */
    static Evidence of(RecentHistory history, AgentConfig.Localization limits, Snapshot snapshot, List<Anomaly> anomalies,
                       long now) {
        Map<AnomalyKind, List<Snapshot>> windows = new EnumMap<>(AnomalyKind.class);
        Map<Long, Snapshot> sums = new HashMap<>();
        long margin = limits.onsetMarginSeconds() * 1000L;
        long minBack = limits.minEvidenceSeconds() * 1000L;
        long maxBack = limits.maxEvidenceSeconds() * 1000L;
        for (AnomalyKind kind : AnomalyKind.values()) {
            long earliest = Long.MAX_VALUE;
            long newest = Long.MIN_VALUE;
            for (Anomaly a : anomalies) {
                if (a.kind() == kind && a.sinceMillis() > 0) {
                    earliest = Math.min(earliest, a.sinceMillis());
                    newest = Math.max(newest, a.sinceMillis());
                }
            }
            if (earliest == Long.MAX_VALUE) {
                windows.put(kind, List.of(snapshot));
                continue;
            }
            List<Snapshot> list = new ArrayList<>(2);
            for (long onset : newest - earliest > margin ? new long[] {newest, earliest} : new long[] {earliest}) {
                long from = Math.max(now - maxBack, Math.min(now - minBack, onset - margin));
                list.add(sums.computeIfAbsent(from, f -> history.evidence(f, now, snapshot.windowSeconds(),
                        snapshot.baselineSeconds())));
            }
            windows.put(kind, List.copyOf(list));
        }
        Snapshot recent = history.evidence(now - limits.recentSeconds() * 1000L, now,
                snapshot.windowSeconds(), snapshot.baselineSeconds());
        return new Evidence() {
            @Override
            public List<Snapshot> windows(AnomalyKind kind) {
                return windows.get(kind);
            }

            @Override
            public Snapshot recent() {
                return recent;
            }
        };
    }
}
