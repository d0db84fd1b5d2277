package io.payops.connect.alertmanager;

import java.time.Duration;

/**
 * Exponential backoff between failed posts: {@code first}, doubling each failure, never above {@code max}; back to
 * {@code first} after a success. No jitter: one console posts to one Alertmanager, there is no herd to spread.
 */
final class Backoff {
    /** A refused connection (Alertmanager restarting) is often over within a second: try again soon. */
    static final Duration FIRST = Duration.ofMillis(500);
    /**
     * Below {@link AlertSender#REPOST_INTERVAL}, so an Alertmanager that comes back hears the firing alerts before the
     * next re-post round would have been due, and far below its default resolve_timeout (5 min).
     */
    static final Duration MAX = Duration.ofSeconds(30);

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff " + first + " to " + max + " (expected 0 < first <= max)");
        }
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = firstMillis;
    }

    static Backoff standard() {
        return new Backoff(FIRST, MAX);
    }

    /** The wait before the next try, and doubles the one after. */
    long next() {
        long wait = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return wait;
    }

    void reset() {
        nextMillis = firstMillis;
    }
}
