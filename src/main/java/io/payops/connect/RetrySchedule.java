package io.payops.connect;

/**
 * How often, and how long, an attempt the other side could not take (a 5xx, 408, 429, a timeout, a refused
 * connection) is tried again: after {@code firstMillis}, doubling up to {@code maxMillis}, at most {@code attempts}
 * times in all. No jitter: one console talks to one router or one Alertmanager, there is no herd to spread.
 */
public record RetrySchedule(long firstMillis, long maxMillis, int attempts) {
    /**
     * Half a second first, because a router restarting or a dropped connection answers again within a second or two;
     * doubling to at most 30 s, so a router down for long is still tried twice a minute and gets the change soon after
     * it is back; ten attempts (0.5+1+2+4+8+16+30+30+30 ≈ two minutes of retries), enough to ride out a restart or a
     * deployment. A change still undelivered after that is given up (counted and said): the next change carries the
     * whole routing in force anyway.
     */
    public static final RetrySchedule DEFAULT = new RetrySchedule(500, 30_000, 10);

    public RetrySchedule {
        if (firstMillis < 0 || maxMillis < firstMillis || attempts < 1) {
            throw new IllegalArgumentException("bad retry schedule: " + firstMillis + " ms, " + maxMillis + " ms, "
                    + attempts + " attempts");
        }
    }

    /** The wait before attempt {@code n + 1}, after {@code n} failed attempts (n ≥ 1). */
    public long waitAfter(int failed) {
        long wait = firstMillis;
        for (int i = 1; i < failed && wait < maxMillis; i++) {
            wait *= 2;
        }
        return Math.min(wait, maxMillis);
    }
}
