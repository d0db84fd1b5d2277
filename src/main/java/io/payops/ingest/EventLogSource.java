package io.payops.ingest;

import io.payops.domain.ActiveFault;
import io.payops.domain.Attempt;
import io.payops.domain.SimTotals;
import io.payops.engine.TrafficSource;
import io.payops.sim.AttemptSink;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * An event log as the engine's traffic (open loop: the payments happened already). The file's timestamps drive the
 * clock: time 0 is the first event's second, and a tick ends only after the events before its end were read.
 * Events arrive in file order; one earlier than an event before it is counted as out of order and still observed in
 * its own second (the observer drops, and counts, one older than its window).
 *
 * <p>A stretch longer than {@code maxGapMillis} with no events is jumped over, since the observer would have
 * forgotten everything by its end. A single event far ahead of the ones after it is a bad clock, not a jump: it is
 * counted as a bad line instead of dragging the clock into the future.
 *
 * <p>When following a growing file, a tick is {@link #ready} once an event at or after its end has been written;
 * while the file is quiet, time still moves with the wall clock after {@code idleMillis}, so traffic that stops is
 * seen to stop.
 */
public final class EventLogSource implements TrafficSource {
    /** How many events after a far jump are read to tell a real jump from one bad timestamp. */
    private static final int JUMP_WITNESSES = 16;

    public record Settings(boolean follow, long maxGapMillis, long idleMillis) {
        /** Gaps longer than the observer's memory (window + baseline + a minute) are jumped. */
        public static Settings of(boolean follow, int windowSeconds, int baselineSeconds) {
            return new Settings(follow, (windowSeconds + baselineSeconds + 60) * 1000L, 3000);
        }
    }

    private record Pending(Attempt attempt, long line) {
    }

    private final EventLogReader reader;
    private final AttemptSink sink;
    private final Settings settings;
    private final LongSupplier wallMillis;
    private final ArrayDeque<Pending> ahead = new ArrayDeque<>();
    private final EventFields fields = new EventFields();
    private long origin = Long.MIN_VALUE;
    private long now;
    private long newest = Long.MIN_VALUE;
    private long outOfOrder;
    private long jumps;
    private long payments;
    private long attempts;
    private long succeeded;
    private long lastReadWall;

    public EventLogSource(EventLogReader reader, AttemptSink sink, Settings settings, LongSupplier wallMillis) {
        this.reader = reader;
        this.sink = sink;
        this.settings = settings;
        this.wallMillis = wallMillis;
        this.lastReadWall = wallMillis.getAsLong();
    }

    public EventLogReader reader() {
        return reader;
    }

    /** Reads one more event into the look-ahead; false when there is none now. */
    private boolean readAhead() {
        if (!reader.next(fields)) {
            return false;
        }
        if (origin == Long.MIN_VALUE) {
            origin = Math.floorDiv(fields.ts, 1000L) * 1000L;
        }
        ahead.addLast(new Pending(fields.toAttempt(fields.ts - origin), reader.lineNumber()));
        lastReadWall = wallMillis.getAsLong();
        return true;
    }

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public void advanceTo(long untilMillis) {
        while (true) {
            Pending p = ahead.peekFirst();
            if (p == null) {
                if (!readAhead()) {
                    break;
                }
                continue;
            }
            if (p.attempt.tsMillis() >= untilMillis) {
                break;
            }
            ahead.pollFirst();
            observe(p.attempt);
        }
        now = untilMillis;
    }

    private void observe(Attempt a) {
        if (a.tsMillis() < newest) {
            outOfOrder++;
        } else {
            newest = a.tsMillis();
        }
        attempts++;
        if (a.attemptNo() == 1) {
            payments++;
        }
        if (a.status().success()) {
            succeeded++;
        }
        sink.accept(a);
    }

    @Override
    public long nextTickEnd(long nowMillis, long tickMillis) {
        long next = nowMillis + tickMillis;
        while (true) {
            if (ahead.isEmpty() && (settings.follow() || !readAhead())) {
                return next;
            }
            Pending head = ahead.peekFirst();
            long ts = head.attempt.tsMillis();
            if (ts - nowMillis <= settings.maxGapMillis()) {
                return next;
            }
            if (!aJumpOthersConfirm(ts)) {
                ahead.pollFirst();
                reader.rejectEvent(head.line, "ts " + Instant.ofEpochMilli(origin + ts) + " is far ahead of the "
                        + "events after it (a wrong clock? expected times in file order, give or take a window)");
                continue;
            }
            jumps++;
            return Math.max(next, Math.floorDiv(ts, tickMillis) * tickMillis);
        }
    }

    /** True when most of the events after one far ahead are far ahead too (or there are none): time really jumped. */
    private boolean aJumpOthersConfirm(long ts) {
        while (ahead.size() <= JUMP_WITNESSES && readAhead()) {
            // fill the witnesses
        }
        int far = 0;
        int seen = 0;
        boolean first = true;
        for (Pending p : ahead) {
            if (first) {
                first = false;
                continue;
            }
            seen++;
            if (p.attempt.tsMillis() >= ts - settings.maxGapMillis()) {
                far++;
            }
        }
        return seen == 0 || far * 2 >= seen;
    }

    @Override
    public boolean ready(long untilMillis) {
        if (!settings.follow()) {
            return true;
        }
        while (true) {
            Pending last = ahead.peekLast();
            if (last != null && last.attempt.tsMillis() >= untilMillis) {
                return true;
            }
            if (!readAhead()) {
                break;
            }
        }
        if (origin == Long.MIN_VALUE) {
            return false;
        }
        long quiet = wallMillis.getAsLong() - lastReadWall;
        long newestRead = Math.max(newest, ahead.isEmpty() ? Long.MIN_VALUE : ahead.peekLast().attempt.tsMillis());
        return quiet >= settings.idleMillis() && untilMillis <= newestRead + quiet;
    }

    @Override
    public boolean finished() {
        return !settings.follow() && ahead.isEmpty() && reader.exhausted();
    }

    @Override
    public SimTotals totals() {
        return new SimTotals(payments, attempts, succeeded, Math.max(0, payments - succeeded), 0, 0);
    }

    @Override
    public List<ActiveFault> activeFaults() {
        return List.of();
    }

    @Override
    public boolean closedLoop() {
        return false;
    }

    /** The absolute time of run time 0 (the first event's second), or null before the first event. */
    public Instant origin() {
        return origin == Long.MIN_VALUE ? null : Instant.ofEpochMilli(origin);
    }

    /** Events earlier than one before them in the file (still observed when inside the window). */
    public long outOfOrder() {
        return outOfOrder;
    }

    /** Stretches with no events that were jumped over. */
    public long jumps() {
        return jumps;
    }

    public EventLogStats stats() {
        return reader.stats();
    }
}
