package io.payops.foreign;

/**
 * A terse internal export whose column names no alias list could guess, with ISO-8583-like result codes: only
 * {@code --map} / {@code --status-map} make it readable. E99 (anything else) is deliberately left out of the map.
 */
final class CsvNeedsMap implements Dialect {
    @Override
    public String header() {
        return "t_ms,route,bin_bank,net,res,rt";
    }

    @Override
    public void line(StringBuilder b, Attempt a, NoisyLog log) {
        World w = log.world();
        b.append(a.tsMillis());
        b.append(',').append(w.gateways().get(a.gateway()));
        b.append(',').append(w.issuers().get(a.issuer()));
        b.append(',').append(w.networks().get(a.network()));
        b.append(',').append(code(a));
        b.append(',').append(Math.round(a.latencyMs()));
    }

    static String code(Attempt a) {
        if (a.outcome().technical() && a.variant() >= 96) {
            return "E99"; // about 4% of technical failures
        }
        return switch (a.outcome()) {
            case SUCCESS -> "A00";
            case ISSUER_DOWN -> "E10";
            case GATEWAY_ERROR -> "E20";
            case BANK_TIMEOUT -> "E30";
            case NETWORK_ERROR -> "E40";
            case INSUFFICIENT_FUNDS -> "D51";
            case USER_DECLINED -> "D05";
        };
    }
}
