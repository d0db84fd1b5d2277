package io.payops.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names other tools give our fields, compared without case, '_', '-', '.' or spaces ({@code latency_ms},
 * {@code latencyMs} and {@code Latency-MS} are one name). Within a field the first alias found wins, so a log with
 * both {@code psp} and {@code acquirer} reads the PSP as the gateway and reports the acquirer as ignored.
 */
final class FieldAliases {
    private static final Map<EventField, List<String>> ALIASES = new EnumMap<>(EventField.class);

    static {
        alias(EventField.TS, "ts", "timestamp", "time", "datetime", "createdat", "created", "eventtime",
                "eventtimestamp", "occurredat", "loggedat", "timestampms", "timems", "epochms");
        alias(EventField.PAYMENT_ID, "paymentid", "txnid", "transactionid", "eventid", "orderid", "paymentreference",
                "reference", "id", "txn", "chargeid");
        alias(EventField.ATTEMPT, "attempt", "attemptno", "attemptnumber", "attemptnum", "try");
        // retryCount is read only when mapped (EventField#mappedOnly)
        alias(EventField.GATEWAY, "gateway", "gatewayname", "gatewayid", "psp", "processor", "acquirer",
                "paymentgateway", "provider", "pg");
        alias(EventField.ISSUER, "issuer", "issuerbank", "bank", "issuingbank", "issuername", "issuerid", "bankname");
        alias(EventField.NETWORK, "network", "cardnetwork", "scheme", "cardscheme", "cardbrand", "brand");
        alias(EventField.METHOD, "method", "paymentmethod", "paymenttype", "paymentmode", "instrument", "methodtype");
        alias(EventField.MERCHANT, "merchant", "merchantid", "merchantname", "mid");
        alias(EventField.AMOUNT, "amount", "amt", "amountmajor");
        alias(EventField.AMOUNT_MINOR, "amountminor", "amountcents", "amountinminor");
        alias(EventField.CURRENCY, "currency", "currencycode", "ccy");
        alias(EventField.STATUS, "status", "outcome", "result", "state", "paymentstatus", "transactionstatus",
                "txnstatus", "responsestatus");
        alias(EventField.LATENCY_MS, "latencyms", "latency", "durationms", "responsetimems", "responsetime",
                "processingtimems", "elapsedms", "tookms", "duration");
        alias(EventField.SUCCESS, "success", "succeeded", "issuccess", "successful", "approved", "ok");
        alias(EventField.ERROR_CODE, "errorcode", "error", "declinecode", "failurereason", "reasoncode",
                "responsecode", "failurecode", "declinereason", "errortype", "errorreason", "reason");
    }

    private FieldAliases() {
    }

    private static void alias(EventField f, String... names) {
        ALIASES.put(f, List.of(names));
    }

    /** The aliases of a field, normalized, the field's own key first. */
    static List<String> of(EventField f) {
        return ALIASES.getOrDefault(f, List.of(normalize(f.key)));
    }

    /** The rank of a name among a field's aliases (0 best), or -1 when it is none of them. */
    static int rank(EventField f, String normalizedName) {
        return of(f).indexOf(normalizedName);
    }

    static String normalize(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
