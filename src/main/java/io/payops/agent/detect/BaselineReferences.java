package io.payops.agent.detect;

import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What "normal" looks like when there is no history, only a baseline snapshot (e.g. {@code analyze --baseline}, or
 * a snapshot's own baseline window). A segment is compared against its own baseline once that saw at least
 * {@code establishedAttempts} attempts (AgentConfig.SnapshotTest); rates fall back to all traffic's baseline before that (as the live detector
 * does), while p95 and attempts per payment, which differ between gateways, are then unknown (NaN).
 */
public final class BaselineReferences implements References {
    private final SegmentStats total;
    private final Map<Target, SegmentStats> segments = new HashMap<>();
    /** Attempts a baseline segment needs before it counts as the segment's own normal. */
    private final long establishedAttempts;

    /** @param total all traffic's baseline, or null when there is none */
    public BaselineReferences(SegmentStats total, List<SegmentStats> segments, long establishedAttempts) {
        this.total = total;
        this.establishedAttempts = establishedAttempts;
        for (SegmentStats s : segments) {
            this.segments.put(s.target(), s);
        }
    }

    /** The references of a snapshot's own baseline window. */
    public static BaselineReferences of(Snapshot snapshot, long establishedAttempts) {
        return new BaselineReferences(snapshot.baselineTotal(), snapshot.baselineSegments(), establishedAttempts);
    }

    /** Whether there is any baseline at all to compare with. */
    public boolean present() {
        return total != null && total.attempts() > 0;
    }

    /** The baseline's own stats for a target (all traffic's for the empty target), or null. */
    public SegmentStats baseline(Target target) {
        return target.isAll() ? total : segments.get(target);
    }

    /** The segment's own baseline when it saw enough attempts, else null. */
    private SegmentStats own(Target target) {
        SegmentStats s = baseline(target);
        return s != null && s.attempts() >= establishedAttempts ? s : null;
    }

    @Override
    public boolean established(Target target) {
        SegmentStats s = baseline(target);
        if (s == null) {
            s = total;
        }
        return s != null && s.attempts() >= establishedAttempts;
    }

    @Override
    public double statusRate(Target target, Status status) {
        SegmentStats s = own(target);
        if (s == null) {
            s = total;
        }
        return s == null || s.attempts() == 0 ? Double.NaN : s.share(status);
    }

    @Override
    public double p95(Target target) {
        SegmentStats s = own(target);
        return s == null || s.p95() <= 0 ? Double.NaN : s.p95();
    }

    @Override
    public double attemptsPerPayment(Target target) {
        SegmentStats s = own(target);
        return s == null || s.payments() == 0 ? Double.NaN : s.attemptsPerPayment();
    }
}
