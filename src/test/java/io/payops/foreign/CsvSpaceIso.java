package io.payops.foreign;

/**
 * A pandas to_csv export: a space between date and time and no zone, Success/Fail, upper-case decline codes, the
 * issuer under the name "bank", amounts in minor units. Has no merchant column.
 */
final class CsvSpaceIso implements Dialect {
    @Override
    public String header() {
        return "created_at,event_id,processor,bank,scheme,payment_type,outcome,decline_code,response_time_ms,amount_minor";
    }

    @Override
    public void line(StringBuilder b, Attempt a, NoisyLog log) {
        World w = log.world();
        Text.iso(b, a.tsMicros(), ' ', 3);
        b.append(",evt_").append(Dialect.token(log.seed(), a.payment() * 16L + a.attempt()));
        b.append(',').append(w.gateways().get(a.gateway()));
        b.append(',').append(w.issuers().get(a.issuer()));
        b.append(',').append(w.networks().get(a.network()));
        b.append(',').append(a.lacks(Attempt.NO_METHOD) ? "" : w.methods().get(a.method()));
        b.append(',').append(a.outcome().success() ? "Success" : "Fail");
        b.append(',').append(a.outcome().success() ? "" : code(a));
        b.append(',').append(Math.round(a.latencyMs()));
        b.append(',');
        if (!a.lacks(Attempt.NO_AMOUNT)) {
            b.append(a.amountMinor());
        }
    }

    static String code(Attempt a) {
        if (a.outcome().technical() && a.variant() >= 95) {
            return "PAYMENT_FAILED"; // the generic code, on about 5% of technical failures
        }
        return switch (a.outcome()) {
            case BANK_TIMEOUT -> "TIMEOUT";
            case GATEWAY_ERROR -> "GATEWAY_ERROR";
            case ISSUER_DOWN -> "ISSUER_UNAVAILABLE";
            case NETWORK_ERROR -> "NETWORK_ERROR";
            case USER_DECLINED -> "AUTH_FAILURE";
            case INSUFFICIENT_FUNDS -> "INSUFFICIENT_FUNDS";
            case SUCCESS -> throw new IllegalArgumentException("a success has no decline code");
        };
    }
}
