package io.payops.foreign;

/**
 * A Python simulator's json.dumps of a dict per attempt: epoch seconds from time.time(), snake_case keys, lower-case
 * words, status success/failed with an error_code only on failures.
 */
final class PyJsonlEpoch implements Dialect {
    @Override
    public void line(StringBuilder b, Attempt a, NoisyLog log) {
        World w = log.world();
        b.append('{');
        Text.pyString(b, "txn_id", "txn_" + Dialect.token(log.seed(), a.payment()));
        b.append(", ");
        b.append("\"timestamp\": ");
        Text.pythonEpochSeconds(b, a.tsMicros());
        b.append(", ");
        Text.pyString(b, "psp", w.gateways().get(a.gateway()));
        b.append(", ");
        Text.pyString(b, "issuer_bank", w.issuers().get(a.issuer()));
        b.append(", ");
        Text.pyString(b, "card_network", w.networks().get(a.network()));
        optional(b, a, Attempt.NO_METHOD, "payment_method", '"' + w.methods().get(a.method()) + '"');
        optional(b, a, Attempt.NO_MERCHANT, "merchant_id", '"' + w.merchants().get(a.merchant()) + '"');
        StringBuilder amount = new StringBuilder();
        Text.pythonFloat(amount, a.amountMinor());
        optional(b, a, Attempt.NO_AMOUNT, "amount", amount);
        b.append(", ");
        Text.pyString(b, "status", a.outcome().success() ? "success" : "failed");
        if (!a.outcome().success()) {
            b.append(", ");
            Text.pyString(b, "error_code", error(a));
        }
        b.append(", \"latency_ms\": ");
        Text.pythonFloat(b, Text.hundredths(a.latencyMs()));
        b.append('}');
    }

    /** A missing optional field: the key left out, or written as "" (both happen in the wild). */
    private static void optional(StringBuilder b, Attempt a, int field, String key, CharSequence jsonValue) {
        if (!a.lacks(field)) {
            b.append(", ");
            Text.pyRaw(b, key, jsonValue);
        } else if (a.lacks(Attempt.AS_EMPTY)) {
            b.append(", ");
            Text.pyRaw(b, key, "\"\"");
        }
    }

    static String error(Attempt a) {
        Outcome o = a.outcome();
        int v = a.variant();
        if (o.technical() && v >= 97) {
            return "unknown"; // the tool's catch-all: about 3% of technical failures
        }
        return switch (o) {
            case ISSUER_DOWN -> "issuer_unavailable";
            case BANK_TIMEOUT -> "network_timeout";
            case GATEWAY_ERROR -> v < 80 ? "gateway_error" : "rate_limited";
            case NETWORK_ERROR -> "connection_reset";
            case USER_DECLINED -> v < 60 ? "do_not_honor" : "invalid_card";
            case INSUFFICIENT_FUNDS -> "insufficient_funds";
            case SUCCESS -> throw new IllegalArgumentException("a success has no error code");
        };
    }
}
