package io.payops.domain;

import java.util.List;

/**
 * Windowed metrics at one moment: all traffic, every segment (per dimension value and per gateway × issuer and
 * gateway × method), the same over the longer baseline window for comparison, and the same for the most recent
 * second alone ({@code recentTotal}, {@code recentSegments}), which sequential tests consume one second at a time.
 */
public record Snapshot(
        long atMillis,
        int windowSeconds,
        int baselineSeconds,
        SegmentStats total,
        List<SegmentStats> segments,
        SegmentStats baselineTotal,
        List<SegmentStats> baselineSegments,
        SegmentStats recentTotal,
        List<SegmentStats> recentSegments) {

    public Snapshot {
        segments = List.copyOf(segments);
        baselineSegments = List.copyOf(baselineSegments);
        recentSegments = recentSegments == null ? List.of() : List.copyOf(recentSegments);
    }

    /** A snapshot with no per-second breakdown (e.g. read from a file that has only windows). */
    public Snapshot(long atMillis, int windowSeconds, int baselineSeconds, SegmentStats total, List<SegmentStats> segments,
                    SegmentStats baselineTotal, List<SegmentStats> baselineSegments) {
        this(atMillis, windowSeconds, baselineSeconds, total, segments, baselineTotal, baselineSegments, null, null);
    }

    /** The window stats of a segment, all traffic for the empty target, or null when the segment saw nothing. */
    public SegmentStats segment(Target target) {
        if (target.isAll()) {
            return total;
        }
        for (SegmentStats s : segments) {
            if (s.target().equals(target)) {
                return s;
            }
        }
        return null;
    }

    /** The baseline stats of a segment, or null when there is no baseline for it yet. */
    public SegmentStats baseline(Target target) {
        if (target.isAll()) {
            return baselineTotal;
        }
        for (SegmentStats s : baselineSegments) {
            if (s.target().equals(target)) {
                return s;
            }
        }
        return null;
    }
}
