package io.payops.observe;

import io.payops.domain.Status;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Attempt counts over some stretch of time, as {@link #FIELDS} longs: attempts, first attempts (payments), then
 * one count per status. Per-second buckets keep the same fields as ints in one flat array (see
 * {@link BucketRing}), so the layout is shared through the static offsets.
 */
final class Tally {
    private static final Status[] STATUSES = Status.values();
    static final int ATTEMPTS = 0;
    static final int PAYMENTS = 1;
    static final int FIRST_STATUS = 2;
    static final int FIELDS = FIRST_STATUS + STATUSES.length;

    private final long[] c = new long[FIELDS];

    void add(int statusOrdinal, boolean firstAttempt) {
        c[ATTEMPTS]++;
        if (firstAttempt) {
            c[PAYMENTS]++;
        }
        c[FIRST_STATUS + statusOrdinal]++;
    }

    /** Adds one bucket of {@code counts} starting at {@code offset}. */
    void add(int[] counts, int offset) {
        for (int i = 0; i < FIELDS; i++) {
            c[i] += counts[offset + i];
        }
    }

    void subtract(int[] counts, int offset) {
        for (int i = 0; i < FIELDS; i++) {
            c[i] -= counts[offset + i];
        }
    }

    void add(Tally other) {
        for (int i = 0; i < FIELDS; i++) {
            c[i] += other.c[i];
        }
    }

    void subtract(Tally other) {
        for (int i = 0; i < FIELDS; i++) {
            c[i] -= other.c[i];
        }
    }

    void clear() {
        java.util.Arrays.fill(c, 0);
    }

    boolean isEmpty() {
        return c[ATTEMPTS] == 0;
    }

    long attempts() {
        return c[ATTEMPTS];
    }

    long payments() {
        return c[PAYMENTS];
    }

    long successes() {
        return c[FIRST_STATUS + Status.SUCCESS.ordinal()];
    }

    /** A fresh, read-only map of the statuses that occurred (so a snapshot never shares state with the tally). */
    Map<Status, Long> statusCounts() {
        EnumMap<Status, Long> out = new EnumMap<>(Status.class);
        for (int i = 0; i < STATUSES.length; i++) {
            long n = c[FIRST_STATUS + i];
            if (n != 0) {
                out.put(STATUSES[i], n);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
