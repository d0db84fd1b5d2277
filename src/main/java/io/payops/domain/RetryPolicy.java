package io.payops.domain;

/** How failed attempts are retried: at most {@code maxRetries} more tries, waiting backoff × 2^(n-1). */
public record RetryPolicy(int maxRetries, long backoffMillis) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(2, 1000);

    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be 0..10, was " + maxRetries);
        }
        if (backoffMillis < 0 || backoffMillis > 600_000) {
            throw new IllegalArgumentException("backoffMillis must be 0..600000, was " + backoffMillis);
        }
    }
}
