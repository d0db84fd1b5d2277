package io.payops.foreign;

/**
 * A JavaScript / Jackson service log: compact JSON, camelCase, a boolean success with an errorCode on failures from
 * a small, mixed-case vocabulary that folds several of our statuses together (lossy on purpose, as such tools are).
 */
final class JsonlBoolean implements Dialect {
    @Override
    public void line(StringBuilder b, Attempt a, NoisyLog log) {
        World w = log.world();
        b.append("{\"event_time\":\"");
        Text.iso(b, a.tsMicros(), 'T', 3);
        b.append("\",\"paymentId\":\"pay_");
        String id = Integer.toString(a.payment());
        b.append("000000", 0, Math.max(0, 6 - id.length())).append(id).append('"');
        b.append(",\"attempt\":").append(a.attempt()).append(',');
        Text.jsString(b, "acquirer", w.gateways().get(a.gateway()));
        b.append(',');
        Text.jsString(b, "issuer", w.issuers().get(a.issuer()));
        b.append(',');
        Text.jsString(b, "network", w.networks().get(a.network()));
        optional(b, a, Attempt.NO_METHOD, "method", w.methods().get(a.method()));
        optional(b, a, Attempt.NO_MERCHANT, "merchant", w.merchants().get(a.merchant()));
        b.append(",\"success\":").append(a.outcome().success());
        if (!a.outcome().success()) {
            b.append(',');
            Text.jsString(b, "errorCode", code(a));
        }
        b.append(",\"duration_ms\":").append(Math.round(a.latencyMs())).append('}');
    }

    private static void optional(StringBuilder b, Attempt a, int field, String key, String value) {
        if (!a.lacks(field) || a.lacks(Attempt.AS_EMPTY)) {
            b.append(',');
            Text.jsString(b, key, a.lacks(field) ? "" : value);
        }
    }

    static String code(Attempt a) {
        int v = a.variant();
        return switch (a.outcome()) {
            case BANK_TIMEOUT -> "TIMEOUT";
            case NETWORK_ERROR -> v < 50 ? "TIMEOUT" : "PAYMENT_FAILED";
            case GATEWAY_ERROR -> v < 70 ? "PAYMENT_FAILED" : "rate_limited";
            case ISSUER_DOWN -> "issuer_unavailable";
            case USER_DECLINED, INSUFFICIENT_FUNDS -> "AUTH_FAILURE";
            case SUCCESS -> throw new IllegalArgumentException("a success has no error code");
        };
    }
}
