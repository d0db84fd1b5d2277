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

    /**
     * The tries a payment makes on average, per first try, when each try fails retryably with probability
     * {@code retryable} and is retried up to {@code maxRetries} times: 1 + t + … + t^r. A payment's chance of success
     * is its one-try success times this.
     */
    public static double triesPerPayment(double retryable, int maxRetries) {
        double tries = 0;
        double power = 1;
        for (int k = 0; k <= maxRetries; k++) {
            tries += power;
            power *= retryable;
        }
        return tries;
    }
}
