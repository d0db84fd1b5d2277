package io.payops.tickets;

import io.payops.domain.ApprovalMode;

/**
 * How the triage groups and decides. {@code windowMillis}: how close in time tickets must be to count as one pattern;
 * {@code minMerchants}: how many different merchants make a pattern (one merchant writing five times is that
 * merchant's problem); {@code closeAfterMillis}: a cluster with no new ticket for this long is closed;
 * {@code approvalTimeoutMillis}: how long an escalation waits for a human; {@code paymentLinkGraceMillis}: how long a
 * payment cluster waits for the payment side to open a matching incident before it escalates on its own;
 * {@code approvalMode}: who answers in a headless run (as for payment actions).
 */
public record TriageSettings(
        long windowMillis,
        int minMerchants,
        long closeAfterMillis,
        long approvalTimeoutMillis,
        long paymentLinkGraceMillis,
        ApprovalMode approvalMode) {

    public static final TriageSettings DEFAULT = new TriageSettings(15 * 60_000, 3, 30 * 60_000, 30 * 60_000,
            5 * 60_000, ApprovalMode.MANUAL);

    public TriageSettings {
        positive("windowMillis", windowMillis, 24 * 3_600_000L);
        if (minMerchants < 2 || minMerchants > 100) {
            throw new IllegalArgumentException("triage.minMerchants: expected a whole number from 2 to 100, was "
                    + minMerchants);
        }
        positive("closeAfterMillis", closeAfterMillis, 7 * 24 * 3_600_000L);
        positive("approvalTimeoutMillis", approvalTimeoutMillis, 7 * 24 * 3_600_000L);
        positive("paymentLinkGraceMillis", paymentLinkGraceMillis, 24 * 3_600_000L);
        if (approvalMode == null) {
            throw new IllegalArgumentException("triage.approvalMode: missing (expected auto:SECONDS, never or manual)");
        }
    }

    public TriageSettings withApprovalMode(ApprovalMode mode) {
        return new TriageSettings(windowMillis, minMerchants, closeAfterMillis, approvalTimeoutMillis,
                paymentLinkGraceMillis, mode);
    }

    private static void positive(String field, long value, long max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("triage." + field + ": expected milliseconds from 1 to " + max
                    + ", was " + value);
        }
    }
}
