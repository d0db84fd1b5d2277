package io.payops.ui.testpayment;

import io.payops.domain.TestPayment;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One attempt of a test payment as the dialog's table shows it: its number (1 is the first try, then retries),
 * simulated time, gateway, status, latency, and why routing chose that gateway (its share of the path and the
 * circuits that bore on the path).
 */
public record TestAttemptRow(String attempt, String at, String gateway, String status, String latency,
                             String chosenBy, String circuits) {
    static TestAttemptRow of(TestPayment.TestAttempt a) {
        String attempt = a.attemptNo() == 1 ? "1 (first try)" : a.attemptNo() + " (retry " + (a.attemptNo() - 1) + ")";
        String shares = a.routeShares().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + Math.round(e.getValue() * 100))
                .collect(Collectors.joining(" · "));
        String chosenBy = percent(a.chosenShare()) + " (" + shares + ")";
        return new TestAttemptRow(attempt, String.format(Locale.ROOT, "t = %.1f s", a.atMillis() / 1000.0),
                a.gateway(), a.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), a.latencyMs() + " ms",
                chosenBy, a.circuits().isEmpty() ? "none on this path" : String.join("; ", a.circuits()));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
