package io.payops.observe;

import io.payops.domain.Attempt;
import io.payops.domain.LatencyLadder;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Time-bucketed sliding windows over attempts (DESIGN §3): the current window and, behind it, the baseline, for
 * all traffic, every dimension value, and every gateway × issuer, gateway × method and gateway × network path.
 *
 * <p>Time is in one-second buckets chosen by each attempt's own timestamp. The window at head second h holds the
 * seconds [h − window + 1, h], where h is the second of the latest attempt or of {@code now − 1 ms}, whichever is
 * later; so for {@code now} on a second boundary it is exactly [now − window, now). The baseline holds
 * {@code baselineSeconds} of what left the window, in coarse slots (at most 30 of them): it covers
 * [e − baseline, e) where e is the window start rounded down to a whole slot. The gap of up to one slot, and the
 * slot granularity, keep an incident in the window out of the baseline for a while and keep the baseline cheap: it
 * only changes when a slot completes, so its stats are computed then and reused until the next one.
 *
 * <p>Every segment's stats carry {@link io.payops.domain.SegmentStats#slowCounts()}: per rung of the
 * {@link LatencyLadder}, the attempts slower than it, counted exactly (from the raw latency, not the histogram's
 * 1% slots) for the window, the head second and the baseline alike.
 *
 * <p>Seconds are recorded into their buckets while open and folded into the running window totals once, when
 * sealed (the head moved past them, or a snapshot was asked for); see {@link BucketRing}.
 *
 * <p>Not thread-safe: the engine thread owns it (DESIGN §3). {@link #record} is the hot path and allocates
 * nothing once every segment it touches exists.
 */
public final class Observer {
    /** Baseline slots are sized so there are at most this many (memory is per slot per segment). */
    private static final int MAX_BASELINE_SLOTS = 30;
    /** The segment values past {@link SegmentIndex#MAX_VALUES_PER_DIMENSION} of a dimension share. */
    public static final String OTHER = SegmentIndex.OTHER;
    public static final int MAX_VALUES_PER_DIMENSION = SegmentIndex.MAX_VALUES_PER_DIMENSION;
    public static final int MAX_PATHS_PER_KIND = SegmentIndex.MAX_PATHS_PER_KIND;
    public static final int MAX_SEGMENTS = SegmentIndex.MAX_SEGMENTS;

    private final int windowSeconds;
    private final int baselineSeconds;
    private final int slotSeconds;
    private final int baselineSlots;
    private final SegmentIndex index;
    private final SegmentWindow[] scratch = new SegmentWindow[SegmentIndex.MAX_SEGMENTS_PER_ATTEMPT];
    /** Always empty between uses: for the percentiles of one second's latencies. */
    private final LatencyHistogram scratchLatency = new LatencyHistogram();

    private boolean started;
    /** The latest second in the window. */
    private long head;
    /** Seconds up to this one are folded into the window totals. */
    private long sealedThrough;
    /** The earliest second observed, for the seconds a window really covers while the run is younger than it. */
    private long originSecond;
    private long lateDropped;
    private long totalRecorded;

    private boolean baselineStale = true;
    /** While set, the baseline holds still: trouble is open, and a baseline that moved on would learn it. */
    private boolean baselineHeld;
    private SegmentStats baselineTotal;
    private List<SegmentStats> baselineSegments = List.of();

    public Observer() {
        this(60, 900);
    }

    public Observer(int windowSeconds, int baselineSeconds) {
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("windowSeconds must be at least 1, was " + windowSeconds);
        }
        if (baselineSeconds < 1) {
            throw new IllegalArgumentException("baselineSeconds must be at least 1, was " + baselineSeconds);
        }
        this.windowSeconds = windowSeconds;
        this.baselineSeconds = baselineSeconds;
        this.slotSeconds = slotSeconds(baselineSeconds);
        this.baselineSlots = baselineSeconds / slotSeconds;
        this.index = new SegmentIndex(windowSeconds, baselineSlots);
    }

    /** The smallest divisor of the baseline that splits it into at most {@link #MAX_BASELINE_SLOTS} slots. */
    static int slotSeconds(int baselineSeconds) {
        int g = (baselineSeconds + MAX_BASELINE_SLOTS - 1) / MAX_BASELINE_SLOTS;
        while (baselineSeconds % g != 0) {
            g++;
        }
        return g;
    }

    /** Counts one attempt in the second of its timestamp; one older than the window is counted as late only. */
    public void record(Attempt a) {
        long second = Math.floorDiv(a.tsMillis(), 1000L);
        if (!started) {
            start(second, second);
        } else if (second > head) {
            advanceHead(second);
        } else if (second <= head - windowSeconds) {
            lateDropped++;
            return;
        }
        if (second < originSecond) {
            originSecond = second;
        }
        totalRecorded++;
        int bucket = Math.floorMod(second, windowSeconds);
        int status = a.status().ordinal();
        boolean first = a.attemptNo() == 1;
        int latencySlot = LatencyHistogram.slotOfLatency(a.latencyMs());
        int band = LatencyLadder.rungOf(a.latencyMs());
        SegmentWindow[] segments = scratch;
        int n = index.resolve(a, segments);
        if (second > sealedThrough) {
            for (int i = 0; i < n; i++) {
                segments[i].recordOpen(bucket, status, first, latencySlot, band);
            }
        } else {
            for (int i = 0; i < n; i++) {
                segments[i].recordSealed(bucket, status, first, latencySlot, band);
            }
        }
    }

    /** Moves the window so it ends at {@code nowMillis} (exclusive); never moves it back. */
    public void advanceTo(long nowMillis) {
        long second = Math.floorDiv(nowMillis - 1, 1000L);
        if (!started) {
            start(second, Math.floorDiv(nowMillis, 1000L));
        } else if (second > head) {
            advanceHead(second);
        }
    }

    private void start(long headSecond, long origin) {
        started = true;
        head = headSecond;
        sealedThrough = headSecond - 1;
        originSecond = origin;
    }

    /**
     * Seals what is open, then steps second by second: each step expires one bucket per segment into its
     * baseline, and every whole slot commits the baseline. A jump longer than everything the observer remembers
     * simply clears it.
     */
    private void advanceHead(long newHead) {
        List<SegmentWindow> segments = index.all();
        if (newHead - head >= (long) windowSeconds + baselineSeconds + slotSeconds) {
            for (SegmentWindow s : segments) {
                s.clear();
            }
            head = newHead;
            sealedThrough = newHead - 1;
            baselineStale = true;
            return;
        }
        seal();
        for (long s = head + 1; s <= newHead; s++) {
            long leaving = s - windowSeconds;
            int bucket = Math.floorMod(leaving, windowSeconds);
            for (int i = 0, n = segments.size(); i < n; i++) {
                segments.get(i).expire(bucket);
            }
            if (Math.floorMod(leaving + 1, slotSeconds) == 0) {
                int position = (int) Math.floorMod(Math.floorDiv(leaving, slotSeconds), (long) baselineSlots);
                for (int i = 0, n = segments.size(); i < n; i++) {
                    segments.get(i).commitBaseline(position);
                }
                baselineStale = true;
            }
        }
        head = newHead;
    }

    /** Folds every open second of the window into the window totals. */
    private void seal() {
        List<SegmentWindow> segments = index.all();
        for (long s = Math.max(sealedThrough + 1, head - windowSeconds + 1); s <= head; s++) {
            int bucket = Math.floorMod(s, windowSeconds);
            for (int i = 0, n = segments.size(); i < n; i++) {
                segments.get(i).seal(bucket);
            }
        }
        sealedThrough = head;
    }

    /**
     * The stats at {@code nowMillis}, after advancing to it: the window, the baseline, and the head second alone
     * (for {@code now} on a boundary, [now − 1 s, now); the per-second breakdown sequential tests consume).
     */
    public Snapshot snapshot(long nowMillis) {
        advanceTo(nowMillis);
        seal();
        long windowStart = head - windowSeconds + 1;
        long covered = head - Math.max(windowStart, originSecond) + 1;
        int headBucket = Math.floorMod(head, windowSeconds);
        SegmentWindow all = index.total();
        SegmentWindow[] sorted = index.sorted();
        List<SegmentStats> segments = new ArrayList<>(sorted.length);
        List<SegmentStats> recent = new ArrayList<>(sorted.length);
        for (SegmentWindow s : sorted) {
            // The head second is inside the window, so a segment without window data has no recent data either.
            if (s.hasWindowData()) {
                segments.add(s.windowStats(covered));
                if (s.hasSecondData(headBucket)) {
                    recent.add(s.secondStats(headBucket, scratchLatency));
                }
            }
        }
        if (baselineStale && (!baselineHeld || baselineTotal == null)) {
            refreshBaseline();
        }
        return new Snapshot(nowMillis, windowSeconds, baselineSeconds, all.windowStats(covered), segments,
                baselineTotal, baselineSegments, all.secondStats(headBucket, scratchLatency), recent);
    }

    /**
     * Holds the baseline where it is (true) or lets it move on again (false). The engine holds it while the policy
     * has an incident open, so the console's baseline line and tiles compare with the traffic before the trouble
     * instead of drifting into it once the trouble outlasts the window behind the baseline.
     */
    public void holdBaseline(boolean hold) {
        baselineHeld = hold;
    }

    private void refreshBaseline() {
        long end = baselineEndSecond();
        long covered = end - Math.max(end - baselineSeconds, originSecond);
        baselineTotal = index.total().baselineStats(covered);
        List<SegmentStats> segments = new ArrayList<>();
        for (SegmentWindow s : index.sorted()) {
            if (s.hasBaselineData()) {
                segments.add(s.baselineStats(covered));
            }
        }
        baselineSegments = List.copyOf(segments);
        baselineStale = false;
    }

    /** The first second after the baseline: the window start rounded down to a whole slot. */
    long baselineEndSecond() {
        return Math.floorDiv(head - windowSeconds + 1, slotSeconds) * slotSeconds;
    }

    int slotSeconds() {
        return slotSeconds;
    }

    /** Attempts ignored because they were older than the window when they arrived. */
    public long lateDropped() {
        return lateDropped;
    }

    /** Attempts counted under "(other)" because their dimension, or their kind of path, had too many already. */
    public long foldedValues() {
        return index.folded();
    }

    /** Attempts counted (late ones excluded). */
    public long totalRecorded() {
        return totalRecorded;
    }

    public int windowSeconds() {
        return windowSeconds;
    }

    public int baselineSeconds() {
        return baselineSeconds;
    }
}
