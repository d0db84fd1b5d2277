package io.payops.foreign;

/**
 * The shape of /work/shared/samples/foreign-gateway-chaos.csv.gz: Python isoformat() timestamps without a zone, a
 * column called "bank" that holds the acquiring route (our gateway), Success/Fail, four error codes, retry_count.
 * That tool knows no issuers or networks, so it folds issuer trouble into TIMEOUT and network trouble into
 * GATEWAY_ERROR. One line per attempt here (retry_count = attempt - 1, the txn_id repeated on retries).
 */
final class CsvRouteAsBank implements Dialect {
    @Override
    public String header() {
        return "timestamp,txn_id,bank,method,status,latency_ms,amount,error_code,retry_count";
    }

    @Override
    public void line(StringBuilder b, Attempt a, NoisyLog log) {
        World w = log.world();
        Text.pythonIso(b, a.tsMicros());
        long suffix = 1000 + Math.floorMod(Text.mix(log.seed() * 31 + a.payment()), 9000L);
        b.append(",txn_").append(log.startEpochMillis() + a.payment()).append('_').append(suffix);
        b.append(',').append(w.gateways().get(a.gateway()));
        b.append(',').append(a.lacks(Attempt.NO_METHOD) ? "" : w.methods().get(a.method()));
        b.append(',').append(a.outcome().success() ? "Success" : "Fail");
        b.append(',').append(Math.round(a.latencyMs()));
        b.append(',');
        if (!a.lacks(Attempt.NO_AMOUNT)) {
            b.append(Math.round(a.amountMinor() / 100.0));
        }
        b.append(',').append(a.outcome().success() ? "" : code(a.outcome()));
        b.append(',').append(a.attempt() - 1);
    }

    static String code(Outcome o) {
        return switch (o) {
            case BANK_TIMEOUT, ISSUER_DOWN -> "TIMEOUT";
            case GATEWAY_ERROR, NETWORK_ERROR -> "GATEWAY_ERROR";
            case USER_DECLINED -> "AUTH_FAILURE";
            case INSUFFICIENT_FUNDS -> "INSUFFICIENT_FUNDS";
            case SUCCESS -> throw new IllegalArgumentException("a success has no error code");
        };
    }
}
