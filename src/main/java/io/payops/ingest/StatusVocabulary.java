package io.payops.ingest;

import io.payops.domain.Status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one status vocabulary of {@code ingest}, {@code analyze} and the console: how a status word or an error code
 * written by any tool reads as one of our statuses. Case, spaces, dashes, dots and camelCase do not matter
 * ({@code Issuer-Down}, {@code issuerDown} and {@code ISSUER_DOWN} are one word). A user's own words
 * ({@code --status-map}) win over the built-in ones.
 *
 * <p>Four kinds of reading: a word naming a status; a word saying success; a word saying only that the attempt
 * failed ({@code Fail}, {@code PAYMENT_FAILED}), which an error-code column may refine; and a word nobody mapped,
 * which still counts as a failure ({@link Status#OTHER_FAILURE}, or a customer decline when it reads like one) and is
 * reported, so a log's failures are never dropped for their wording.
 */
public final class StatusVocabulary {
    /** How a word reads. */
    public enum Kind { STATUS, SUCCESS, GENERIC_FAILURE, UNMAPPED }

    /** One word's reading: its kind and the status it stands for (for a generic failure, until refined). */
    public record Word(String text, Kind kind, Status status) {
        public boolean unmapped() {
            return kind == Kind.UNMAPPED;
        }
    }

    private static final Map<String, Status> BUILT_IN = new LinkedHashMap<>();
    private static final List<String> SUCCESS_WORDS = List.of("SUCCESS", "SUCCEEDED", "SUCCESSFUL", "APPROVED", "OK",
            "AUTHORIZED", "AUTHORISED", "CAPTURED", "PAID", "COMPLETED", "COMPLETE", "SETTLED", "ACCEPTED");
    private static final List<String> GENERIC_FAILURE_WORDS = List.of("FAIL", "FAILED", "FAILURE", "ERROR", "ERRORED",
            "UNSUCCESSFUL", "PAYMENT_FAILED", "TRANSACTION_FAILED", "NOT_OK", "KO", "REJECTED");
    /** Unmapped words that read as the customer's side (a decline), not a bank's or a gateway's. */
    private static final Pattern CUSTOMER_SIDE = Pattern.compile(
            ".*(DECLIN|CARD|FRAUD|INSUFFICIENT|FUNDS|EXPIRED|CVV|CVC|LIMIT|BLOCKED|STOLEN|LOST|HONOU?R|PIN|AUTH|"
                    + "RISK|CUSTOMER|USER|CANCEL|ABANDON|3DS).*");

    static {
        words(Status.SUCCESS, "SUCCESS");
        words(Status.ISSUER_DOWN, "ISSUER_DOWN", "ISSUER_UNAVAILABLE", "ISSUER_NOT_AVAILABLE", "ISSUER_ERROR",
                "BANK_DOWN", "BANK_UNAVAILABLE", "BANK_ERROR", "ISSUER_DECLINED_TECHNICAL", "ISSUER_OFFLINE");
        words(Status.BANK_TIMEOUT, "BANK_TIMEOUT", "TIMEOUT", "ISSUER_TIMEOUT", "TIMED_OUT", "NETWORK_TIMEOUT",
                "GATEWAY_TIMEOUT", "READ_TIMEOUT", "REQUEST_TIMEOUT");
        words(Status.GATEWAY_ERROR, "GATEWAY_ERROR", "GATEWAY_DOWN", "GATEWAY_UNAVAILABLE", "PROCESSOR_ERROR",
                "PSP_ERROR", "PROCESSOR_UNAVAILABLE", "ACQUIRER_ERROR", "RATE_LIMITED", "THROTTLED",
                "SERVICE_UNAVAILABLE", "INTERNAL_ERROR", "SYSTEM_ERROR");
        words(Status.NETWORK_ERROR, "NETWORK_ERROR", "CONNECTION_ERROR", "CONNECTION_RESET", "NETWORK_UNAVAILABLE",
                "SCHEME_ERROR", "NETWORK_DOWN");
        words(Status.USER_DECLINED, "USER_DECLINED", "DECLINED", "CARD_DECLINED", "CUSTOMER_DECLINED",
                "DO_NOT_HONOR", "DO_NOT_HONOUR", "INVALID_CARD", "AUTH_FAILURE", "AUTHENTICATION_FAILED",
                "EXPIRED_CARD", "CARD_EXPIRED", "INVALID_CVV", "FRAUD_SUSPECTED", "SUSPECTED_FRAUD", "STOLEN_CARD",
                "LOST_CARD", "RESTRICTED_CARD", "CANCELLED_BY_USER");
        words(Status.INSUFFICIENT_FUNDS, "INSUFFICIENT_FUNDS", "INSUFFICIENT_BALANCE", "NSF", "NOT_SUFFICIENT_FUNDS");
        words(Status.OTHER_FAILURE, "OTHER_FAILURE", "UNKNOWN", "UNKNOWN_ERROR", "OTHER");
    }

    private static void words(Status status, String... names) {
        for (String n : names) {
            BUILT_IN.put(n, status);
        }
    }

    /** Only the built-in words. */
    public static final StatusVocabulary BUILT_IN_ONLY = new StatusVocabulary(Map.of());

    private final Map<String, Status> own;

    /** @param own the user's words (any spelling) and the status each stands for */
    public StatusVocabulary(Map<String, Status> own) {
        Map<String, Status> m = new LinkedHashMap<>();
        own.forEach((k, v) -> m.put(normalize(k), v));
        this.own = Map.copyOf(m);
    }

    /** How a word reads. */
    public Word read(String text) {
        String n = normalize(text);
        Status s = own.get(n);
        if (s != null) {
            return new Word(text, s.success() ? Kind.SUCCESS : Kind.STATUS, s);
        }
        if (SUCCESS_WORDS.contains(n)) {
            return new Word(text, Kind.SUCCESS, Status.SUCCESS);
        }
        if (GENERIC_FAILURE_WORDS.contains(n)) {
            return new Word(text, Kind.GENERIC_FAILURE, Status.OTHER_FAILURE);
        }
        s = BUILT_IN.get(n);
        if (s != null) {
            return new Word(text, Kind.STATUS, s);
        }
        return new Word(text, Kind.UNMAPPED, CUSTOMER_SIDE.matcher(n).matches() ? Status.USER_DECLINED
                : Status.OTHER_FAILURE);
    }

    /** The failure status a known error code names, or null when the code is unknown or is not a failure. */
    public Status failure(String code) {
        Word w = read(code);
        return w.kind() == Kind.STATUS && !w.status().success() ? w.status() : null;
    }

    /** {@code Issuer-Down}, {@code issuerDown}, {@code issuer down} all read {@code ISSUER_DOWN}. */
    public static String normalize(String word) {
        String camel = word.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return camel.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
