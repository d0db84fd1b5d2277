package io.payops.ingest;

import io.payops.domain.Status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the error codes other payment-ops tools export to our failure statuses. Our own names are accepted in any
 * case; so are a few common aliases. Case, spaces, dashes and dots do not matter ("Issuer-Down" is ISSUER_DOWN).
 */
public final class ErrorCodes {
    private static final Map<String, Status> ALIASES = new LinkedHashMap<>();

    static {
        alias(Status.ISSUER_DOWN, "ISSUER_DOWN", "ISSUER_UNAVAILABLE", "ISSUER_NOT_AVAILABLE", "ISSUER_ERROR",
                "BANK_DOWN", "BANK_UNAVAILABLE");
        alias(Status.BANK_TIMEOUT, "BANK_TIMEOUT", "TIMEOUT", "ISSUER_TIMEOUT", "TIMED_OUT");
        alias(Status.GATEWAY_ERROR, "GATEWAY_ERROR", "GATEWAY_DOWN", "GATEWAY_UNAVAILABLE", "PROCESSOR_ERROR",
                "PSP_ERROR");
        alias(Status.NETWORK_ERROR, "NETWORK_ERROR", "CONNECTION_ERROR", "CONNECTION_RESET", "NETWORK_UNAVAILABLE");
        alias(Status.USER_DECLINED, "USER_DECLINED", "DECLINED", "CARD_DECLINED", "CUSTOMER_DECLINED",
                "DO_NOT_HONOR", "DO_NOT_HONOUR");
        alias(Status.INSUFFICIENT_FUNDS, "INSUFFICIENT_FUNDS", "INSUFFICIENT_BALANCE", "NSF");
    }

    private ErrorCodes() {
    }

    private static void alias(Status status, String... codes) {
        for (String c : codes) {
            ALIASES.put(c, status);
        }
    }

    /** The failure status an error code names, or null when the code is unknown. */
    public static Status map(String code) {
        return ALIASES.get(normalize(code));
    }

    /** Whether a code names success rather than an error (then it does not belong in an error breakdown). */
    public static boolean isSuccess(String code) {
        String n = normalize(code);
        return n.equals("SUCCESS") || n.equals("SUCCEEDED") || n.equals("APPROVED") || n.equals("OK");
    }

    /** Every code understood, for messages. */
    public static List<String> known() {
        return List.copyOf(ALIASES.keySet());
    }

    static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]+", "_");
    }
}
