package io.payops.ingest;

import io.payops.domain.ActiveFault;
import io.payops.domain.Attempt;
import io.payops.domain.SimTotals;
import io.payops.sim.AttemptSink;
import io.payops.sim.TrafficSource;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * An event log as the engine's traffic (open loop: the payments happened already). The file's timestamps drive the
 * clock: time 0 is the second of the log's start, and a tick ends only after the events before its end were read.
 * Events arrive in file order; one earlier than an event before it is counted as out of order and still observed in
 * its own second (the observer drops, and counts, one older than its window).
 *
 * <p><b>Bad clocks.</b> A stretch longer than {@code maxGapMillis} with no events is jumped over, since the observer
 * would have forgotten everything by its end. But an event that far from the events around it is first held as a
 * suspect: when the events after it come back to the present it was a wrong clock and is counted as a bad line;
 * when they follow it, time really jumped. The start is the median of the first events for the same reason, so a
 * wrong first line cannot put everything else in the past.
 *
 * <p><b>Following</b> a growing file, a tick is {@link #ready} once an event at or after its end has been written;
 * while the file is quiet, time still moves with the wall clock after {@code idleMillis}, so traffic that stops is
 * seen to stop.
 *
 * <p><b>Memory</b> stays flat: values are cut to 128 characters as they are read, and the observer folds a
 * dimension's values past 1,000, a kind's paths past 1,000 and any segment past 2,000 into "(other)" segments.
 */
public final class EventLogSource implements TrafficSource {
    /** How many events confirm or refute a far jump, and how many decide where the log starts. */
    static final int WITNESSES = 16;

    public record Settings(boolean follow, long maxGapMillis, long idleMillis) {
        /** Gaps longer than the observer's memory (window + baseline + a minute) are jumped. */
        public static Settings of(boolean follow, int windowSeconds, int baselineSeconds) {
            return new Settings(follow, (windowSeconds + baselineSeconds + 60) * 1000L, 3000);
        }
    }

    /** An event read but not yet observed, with its absolute time and line (for reporting it bad). */
    private record Pending(Attempt attempt, long line) {
        long ts() {
            return attempt.tsMillis();
        }
    }

    private final EventLogReader reader;
    private final AttemptSink sink;
    private final Settings settings;
    private final LongSupplier wallMillis;
    private final EventFields fields = new EventFields();
    /** Plausible events in file order, times relative to the origin once it is known. */
    private final ArrayDeque<Pending> ahead = new ArrayDeque<>();
    /** Events far from the plausible ones, waiting for the events after them to say whether time jumped. */
    private final List<Pending> suspects = new ArrayList<>();
    /** Events since the first suspect that were near the plausible ones. */
    private int refutations;
    private long origin = Long.MIN_VALUE;
    /** Before the origin is known: the first events, absolute times. */
    private final List<Pending> head = new ArrayList<>();
    private long now;
    private long newestPlausible = Long.MIN_VALUE;
    private long newestObserved = Long.MIN_VALUE;
    private long jumpTo = Long.MIN_VALUE;
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

    // ---- reading -----------------------------------------------------------------------------------------------

    /** Reads one more line's event and files it; false when there is none now. */
    private boolean readOne() {
        if (!reader.next(fields)) {
            // no more lines now: what was held back for lack of evidence is decided with what there is
            int before = ahead.size();
            if (origin == Long.MIN_VALUE && !head.isEmpty()) {
                fixOrigin();
            }
            if (reader.exhausted() && !following()) {
                settleSuspectsAtEnd();
            }
            return ahead.size() > before;
        }
        if (following()) {
            // only a followed file needs to know when it last grew: not a clock read per line otherwise
            lastReadWall = wallMillis.getAsLong();
        }
        boolean known = origin != Long.MIN_VALUE;
        Pending p = new Pending(fields.toAttempt(known ? fields.ts - origin : fields.ts), reader.lineNumber());
        if (known) {
            file(p);
            return true;
        }
        head.add(p);
        if (head.size() >= WITNESSES) {
            fixOrigin();
        }
        return true;
    }

    /** The log starts at the second of the earliest of its first events that is near their median. */
    private void fixOrigin() {
        long[] ts = head.stream().mapToLong(Pending::ts).sorted().toArray();
        long median = ts[ts.length / 2];
        long start = Long.MAX_VALUE;
        for (Pending p : head) {
            if (Math.abs(p.ts() - median) <= settings.maxGapMillis()) {
                start = Math.min(start, p.ts());
            }
        }
        origin = Math.floorDiv(start, 1000L) * 1000L;
        // the median is the present; the head's events are then filed in order like any other, so a wrong clock
        // among them becomes a suspect and a real jump within them is confirmed by the events after it
        newestPlausible = median - origin;
        for (Pending p : head) {
            if (median - p.ts() > settings.maxGapMillis()) {
                reject(relative(p), newestPlausible);   // long before the log's start: nothing to compare it with
            } else {
                file(relative(p));
            }
        }
        head.clear();
    }

    private Pending relative(Pending p) {
        Attempt a = p.attempt;
        return new Pending(new Attempt(a.paymentId(), a.attemptNo(), a.tsMillis() - origin, a.gateway(), a.issuer(),
                a.network(), a.method(), a.merchant(), a.amount(), a.currency(), a.status(), a.latencyMs()), p.line);
    }

    /** Files an event as plausible or as a suspect, settling suspects as the evidence comes. */
    private void file(Pending p) {
        long reference = newestPlausible == Long.MIN_VALUE ? p.ts() : newestPlausible;
        // only a time far ahead can drag the clock; one far behind is simply late, and the observer says so
        boolean far = p.ts() - reference > settings.maxGapMillis();
        if (!far) {
            if (!suspects.isEmpty() && ++refutations >= WITNESSES) {
                // the log came back to the present: the suspects were wrong clocks
                suspects.forEach(s -> reject(s, reference));
                suspects.clear();
                refutations = 0;
            }
            accept(p);
            return;
        }
        suspects.add(p);
        long agreeing = suspects.stream().filter(s -> Math.abs(s.ts() - p.ts()) <= settings.maxGapMillis()).count();
        if (agreeing >= WITNESSES / 2) {
            // enough events agree on the new time: it jumped; those that don't agree are wrong clocks
            List<Pending> held = new ArrayList<>(suspects);
            suspects.clear();
            refutations = 0;
            for (Pending s : held) {
                if (Math.abs(s.ts() - p.ts()) <= settings.maxGapMillis()) {
                    newestPlausible = Math.max(newestPlausible, s.ts());
                    ahead.addLast(s);
                } else {
                    reject(s, p.ts());
                }
            }
        } else if (suspects.size() > WITNESSES * 4) {
            // no agreement among many: each is a wrong clock on its own
            suspects.forEach(s -> reject(s, reference));
            suspects.clear();
            refutations = 0;
        }
    }

    private void accept(Pending p) {
        newestPlausible = Math.max(newestPlausible, p.ts());
        ahead.addLast(p);
    }

    /** At the end of a file not followed: suspects that agree among themselves (two or more) are a late jump. */
    private void settleSuspectsAtEnd() {
        if (suspects.isEmpty()) {
            return;
        }
        Pending last = suspects.get(suspects.size() - 1);
        List<Pending> agreeing = suspects.stream()
                .filter(s -> Math.abs(s.ts() - last.ts()) <= settings.maxGapMillis()).toList();
        for (Pending s : suspects) {
            if (agreeing.size() >= 2 && agreeing.contains(s)) {
                ahead.addLast(s);
            } else {
                reject(s, newestPlausible);
            }
        }
        suspects.clear();
    }

    private void reject(Pending p, long reference) {
        long offset = origin == Long.MIN_VALUE ? 0 : origin;
        long hours = Math.abs(p.ts() - reference) / 3_600_000L;
        reader.rejectEvent(p.line, "ts " + Instant.ofEpochMilli(offset + p.ts()) + " is " + (hours > 0 ? hours + " h" : "minutes")
                + (p.ts() > reference ? " ahead of" : " behind") + " the events around it (a wrong clock? expected "
                + "times in file order, give or take a window)");
    }

    // ---- the engine's side -------------------------------------------------------------------------------------

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public void advanceTo(long untilMillis) {
        if (untilMillis == jumpTo) {
            jumps++;
            jumpTo = Long.MIN_VALUE;
        }
        while (true) {
            Pending p = ahead.peekFirst();
            if (p == null) {
                if (!readOne()) {
                    break;
                }
                continue;
            }
            if (p.ts() >= untilMillis) {
                break;
            }
            ahead.pollFirst();
            observe(p.attempt);
        }
        now = untilMillis;
    }

    private void observe(Attempt a) {
        if (a.tsMillis() < newestObserved) {
            outOfOrder++;
        } else {
            newestObserved = a.tsMillis();
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

    /** Jumps to the tick of the next event when it is further away than the observer remembers; no side effects. */
    @Override
    public long nextTickEnd(long nowMillis, long tickMillis) {
        long next = nowMillis + tickMillis;
        if (ahead.isEmpty() && !following()) {
            while (ahead.isEmpty() && readOne()) {
                // fill the look-ahead (the origin and suspects may hold events back)
            }
        }
        Pending p = ahead.peekFirst();
        if (p == null || p.ts() - nowMillis <= settings.maxGapMillis()) {
            return next;
        }
        jumpTo = Math.max(next, Math.floorDiv(p.ts(), tickMillis) * tickMillis);
        return jumpTo;
    }

    @Override
    public boolean ready(long untilMillis) {
        if (!following()) {
            return true;
        }
        while (true) {
            Pending last = ahead.peekLast();
            if (last != null && last.ts() >= untilMillis) {
                return true;
            }
            if (!readOne()) {
                break;
            }
        }
        if (origin == Long.MIN_VALUE) {
            return false;
        }
        long quiet = wallMillis.getAsLong() - lastReadWall;
        long newest = Math.max(newestObserved, newestPlausible);
        return quiet >= settings.idleMillis() && untilMillis <= newest + quiet;
    }

    @Override
    public boolean finished() {
        return !following() && ahead.isEmpty() && head.isEmpty() && suspects.isEmpty() && reader.exhausted();
    }

    /**
     * Whether more may still come: a followed file always may; a topic read to a count stops once it reached it,
     * and is then read to its end like a file.
     */
    private boolean following() {
        return settings.follow() && !reader.ended();
    }

    /**
     * The highest line (a topic's record seq) up to which every line has been observed by the engine or counted bad:
     * what may be committed back to a topic after this tick. Events still held (read ahead of the clock, waiting for
     * the log's start, or suspected of a wrong clock) keep it below their own line.
     */
    public long settledThrough() {
        long oldest = Long.MAX_VALUE;
        for (Pending p : ahead) {
            oldest = Math.min(oldest, p.line);
        }
        for (Pending p : head) {
            oldest = Math.min(oldest, p.line);
        }
        for (Pending p : suspects) {
            oldest = Math.min(oldest, p.line);
        }
        return oldest == Long.MAX_VALUE ? reader.lineNumber() : oldest - 1;
    }

    @Override
    public SimTotals totals() {
        return new SimTotals(payments, attempts, succeeded, Math.max(0, payments - succeeded), 0, 0);
    }

    @Override
    public List<ActiveFault> activeFaults() {
        return List.of();
    }

    /** The absolute time of run time 0 (the log's first second), or null before it is known. */
    @Override
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
