package io.payops.foreign;

/**
 * An Indian team's gateway log: local time at +05:30, short keys, OK/KO_* statuses, and a debug_trace nobody reads.
 * Its names are read through a mapping file ({@link ForeignShape#mappingJson()}).
 */
final class JsonlNeedsMappingFile implements Dialect {
    /** India's offset; the wall clock is written at it and the offset spelled out. */
    private static final int IST_MINUTES = 330;

    @Override
    public void line(StringBuilder b, Attempt a, NoisyLog log) {
        World w = log.world();
        b.append("{\"when\": \"");
        Text.iso(b, a.tsMicros(), 'T', 3, IST_MINUTES);
        b.append("+05:30\", ");
        Text.pyString(b, "pg", w.gateways().get(a.gateway()));
        b.append(", ");
        Text.pyString(b, "iss", w.issuers().get(a.issuer()));
        b.append(", ");
        Text.pyString(b, "nw", w.networks().get(a.network()));
        optional(b, a, Attempt.NO_METHOD, "mode", w.methods().get(a.method()));
        optional(b, a, Attempt.NO_MERCHANT, "shop", w.merchants().get(a.merchant()));
        b.append(", ");
        Text.pyString(b, "st", status(a.outcome()));
        long tenths = Math.round(a.latencyMs() * 10);
        b.append(", \"ms\": ").append(tenths / 10).append('.').append(tenths % 10).append(", ");
        Text.pyString(b, "debug_trace", "tr-" + Dialect.token(log.seed() + 7, a.payment() * 16L + a.attempt())
                + ";hop=" + (1 + a.variant() % 4) + ";pg=" + w.gateways().get(a.gateway()));
        b.append('}');
    }

    private static void optional(StringBuilder b, Attempt a, int field, String key, String value) {
        if (!a.lacks(field) || a.lacks(Attempt.AS_EMPTY)) {
            b.append(", ");
            Text.pyString(b, key, a.lacks(field) ? "" : value);
        }
    }

    static String status(Outcome o) {
        return switch (o) {
            case SUCCESS -> "OK";
            case ISSUER_DOWN -> "KO_ISSUER";
            case GATEWAY_ERROR -> "KO_PG";
            case BANK_TIMEOUT -> "KO_TIMEOUT";
            case NETWORK_ERROR -> "KO_NET";
            case INSUFFICIENT_FUNDS -> "KO_FUNDS";
            case USER_DECLINED -> "KO_DECLINE";
        };
    }
}
