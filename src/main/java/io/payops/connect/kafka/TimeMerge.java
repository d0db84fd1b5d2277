package io.payops.connect.kafka;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A topic's partitions merged into one stream in time order, each partition's records kept in their offset order
 * (so what has been read of a partition is always a prefix of it, and committing it is exact). A record is released
 * once no partition can still bring an earlier one. A partition with records still to fetch (a backlog) holds the
 * merge back until it brings a later one, however long that takes; a partition read to its end (caught up, live) holds
 * it back at most {@link #LATENESS_MILLIS} behind the newest record seen, since what it brings next is new. A record
 * that comes after a later one was released is late: counted, and released at once (the engine still observes it, out
 * of order), never dropped. Not thread-safe: its owner locks.
 */
final class TimeMerge {
    /**
     * How long a record may wait for a quiet partition. Producers batch (librdkafka's default linger is 5 ms, the
     * Java producer's batches and retries take up to about a second) and their clocks differ by a little, so two
     * partitions' records of the same second can arrive a second apart. Two seconds covers that and costs at most
     * two ticks of delay, against a detection bound of several seconds (DESIGN §9).
     */
    static final long LATENESS_MILLIS = 2_000;

    /** One record held, and whether the engine has observed it (set on the engine thread, read there too). */
    static final class Held {
        final int partition;
        final long offset;
        final long eventTime;
        final long recordTimestamp;
        final byte[] value;
        boolean settled;

        Held(int partition, long offset, long eventTime, long recordTimestamp, byte[] value) {
            this.partition = partition;
            this.offset = offset;
            this.eventTime = eventTime;
            this.recordTimestamp = recordTimestamp;
            this.value = value;
        }
    }

    private static final class Lane {
        final ArrayDeque<Held> queue = new ArrayDeque<>();
        long newest = Long.MIN_VALUE;
        boolean assigned;
        /** Read to its end as far as the consumer knows: what it brings next is new, so lateness bounds its wait. */
        boolean caughtUp;
    }

    private final Map<Integer, Lane> lanes = new TreeMap<>();
    private long maxSeen = Long.MIN_VALUE;
    private long released = Long.MIN_VALUE;
    private long late;
    private int size;

    /** The partitions now assigned: each holds the merge back until it brings a record (or the lateness passes). */
    void assign(Collection<Integer> partitions) {
        lanes.values().forEach(l -> l.assigned = false);
        for (int p : partitions) {
            lanes.computeIfAbsent(p, k -> new Lane()).assigned = true;
        }
    }

    /** A partition taken away: its records not yet released are let go (its next owner reads them from the commit). */
    int revoke(int partition) {
        Lane l = lanes.remove(partition);
        if (l == null) {
            return 0;
        }
        size -= l.queue.size();
        return l.queue.size();
    }

    void add(Held h) {
        Lane l = lanes.computeIfAbsent(h.partition, k -> new Lane());
        if (h.eventTime < released) {
            late++;
        }
        l.queue.addLast(h);
        l.newest = Math.max(l.newest, h.eventTime);
        maxSeen = Math.max(maxSeen, h.eventTime);
        size++;
    }

    /** Which assigned partitions have been read to their end (the consumer's lag is zero). */
    void caughtUp(Collection<Integer> partitions) {
        lanes.forEach((p, l) -> l.caughtUp = partitions.contains(p));
    }

    /** Below this time no partition can bring a record any more (a caught-up one: within the lateness). */
    long watermark() {
        long bound = maxSeen == Long.MIN_VALUE ? Long.MIN_VALUE : maxSeen - LATENESS_MILLIS;
        long mark = Long.MAX_VALUE;
        for (Lane l : lanes.values()) {
            if (l.assigned) {
                mark = Math.min(mark, l.caughtUp ? Math.max(l.newest, bound) : l.newest);
            }
        }
        return mark == Long.MAX_VALUE ? maxSeen : mark;
    }

    /** The partitions ahead of the watermark: while memory is full, only the others (the slowest) are fetched. */
    java.util.List<Integer> ahead() {
        long mark = watermark();
        java.util.List<Integer> out = new java.util.ArrayList<>();
        lanes.forEach((p, l) -> {
            if (l.newest > mark) {
                out.add(p);
            }
        });
        return out;
    }

    /**
     * Releases, in time order, what can go now: up to the {@link #watermark()}, or everything when {@code all} (the
     * topic has been quiet: nothing earlier is on its way).
     */
    void release(boolean all, Consumer<Held> out) {
        long mark = all ? Long.MAX_VALUE : watermark();
        while (true) {
            Lane first = null;
            for (Lane l : lanes.values()) {
                Held h = l.queue.peekFirst();
                if (h != null && (first == null || h.eventTime < first.queue.peekFirst().eventTime)) {
                    first = l;
                }
            }
            if (first == null || first.queue.peekFirst().eventTime > mark) {
                return;
            }
            Held h = first.queue.pollFirst();
            size--;
            released = Math.max(released, h.eventTime);
            out.accept(h);
        }
    }

    int size() {
        return size;
    }

    /** Records that came after a later one had been released (observed out of order, never dropped). */
    long late() {
        return late;
    }
}
