package io.payops.domain;

import java.util.List;

/**
 * One payment an operator sent by hand (Tools → Send a test payment…), as far as it has gone: its attributes and
 * every attempt the live routing made for it, with its retries. {@code outcome} is null while a retry is still
 * waiting for its backoff; then the last attempt's status. Frames carry a test payment whenever it changes.
 */
public record TestPayment(String id, String merchant, String method, String issuer, String network, double amount,
                          String currency, long sentAtMillis, List<TestAttempt> attempts, Status outcome) {
    public TestPayment {
        attempts = List.copyOf(attempts);
    }

    public boolean finished() {
        return outcome != null;
    }

    /** "merchant shopzone, card, HDFC, visa, 120.00 INR": what was sent. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "merchant %s, %s, %s, %s, %.2f %s", merchant, method, issuer,
                network, amount, currency);
    }

    /**
     * How it went, e.g. "succeeded on adyen after 1 retry (2 attempts, 480 ms)", or "under way: 1 attempt so far,
     * a retry waiting for its backoff".
     */
    public String result() {
        int n = attempts.size();
        String tries = n + (n == 1 ? " attempt" : " attempts");
        if (!finished()) {
            return "under way: " + tries + " so far, a retry waiting for its backoff";
        }
        TestAttempt last = attempts.get(n - 1);
        int ms = attempts.stream().mapToInt(TestAttempt::latencyMs).sum();
        String retries = n == 1 ? "first try" : (n - 1) + (n == 2 ? " retry" : " retries");
        return (outcome.success() ? "succeeded on " : "failed (" + outcome.name() + ") on ") + last.gateway()
                + " after " + retries + " (" + tries + ", " + ms + " ms)";
    }

    /**
     * One try of a test payment: the gateway routing picked, how it turned out, and why that gateway: its share of
     * this payment path's traffic at that moment ({@code routeShares}, gateway → probability, after circuits) and the
     * circuits that bore on the path ({@code circuits}, e.g. "open gateway=stripe").
     */
    public record TestAttempt(int attemptNo, long atMillis, String gateway, Status status, int latencyMs,
                              java.util.Map<String, Double> routeShares, List<String> circuits) {
        public TestAttempt {
            routeShares = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(routeShares));
            circuits = List.copyOf(circuits);
        }

        /** The share of this path's traffic the chosen gateway had when it was picked. */
        public double chosenShare() {
            return routeShares.getOrDefault(gateway, 0.0);
        }
    }
}
