package io.payops.foreign;

import java.util.List;
import java.util.Set;

/**
 * The dialects a foreign log comes in. Each writes the same attempts; what differs is the names, the time format,
 * the status words, and which dimensions are there at all ({@link #dimensions()}: a fault on a dimension a shape
 * does not carry cannot be seen in that shape).
 */
public enum ForeignShape {
    PY_JSONL_EPOCH(".jsonl", new PyJsonlEpoch(), Set.of("gateway", "issuer", "network", "method", "merchant")),
    CSV_SPACE_ISO(".csv", new CsvSpaceIso(), Set.of("gateway", "issuer", "network", "method")),
    JSONL_BOOLEAN(".jsonl", new JsonlBoolean(), Set.of("gateway", "issuer", "network", "method", "merchant")),
    CSV_NEEDS_MAP(".csv", new CsvNeedsMap(), Set.of("gateway", "issuer", "network")),
    JSONL_NEEDS_MAPPING_FILE(".jsonl", new JsonlNeedsMappingFile(),
            Set.of("gateway", "issuer", "network", "method", "merchant")),
    CSV_ROUTE_AS_BANK(".csv", new CsvRouteAsBank(), Set.of("gateway", "method"));

    private static final List<String> NEEDS_MAP_ARGS = List.of(
            "--map", "ts=t_ms", "--map", "gateway=route", "--map", "issuer=bin_bank", "--map", "network=net",
            "--map", "status=res", "--map", "latencyMs=rt",
            "--status-map", "A00=SUCCESS", "--status-map", "E10=ISSUER_DOWN", "--status-map", "E20=GATEWAY_ERROR",
            "--status-map", "E30=BANK_TIMEOUT", "--status-map", "E40=NETWORK_ERROR",
            "--status-map", "D51=INSUFFICIENT_FUNDS", "--status-map", "D05=USER_DECLINED");
    private static final String MAPPING_JSON = "{\"fields\": {\"ts\": \"when\", \"gateway\": \"pg\", \"issuer\": \"iss\", "
            + "\"network\": \"nw\", \"method\": \"mode\", \"merchant\": \"shop\", \"status\": \"st\", \"latencyMs\": \"ms\"}, "
            + "\"statuses\": {\"OK\": \"SUCCESS\", \"KO_ISSUER\": \"ISSUER_DOWN\", \"KO_PG\": \"GATEWAY_ERROR\", "
            + "\"KO_TIMEOUT\": \"BANK_TIMEOUT\", \"KO_NET\": \"NETWORK_ERROR\", \"KO_FUNDS\": \"INSUFFICIENT_FUNDS\", "
            + "\"KO_DECLINE\": \"USER_DECLINED\"}}";

    private final String extension;
    final Dialect dialect;
    private final Set<String> dimensions;

    ForeignShape(String extension, Dialect dialect, Set<String> dimensions) {
        this.extension = extension;
        this.dialect = dialect;
        this.dimensions = dimensions;
    }

    /** ".jsonl" or ".csv" (add ".gz" to have it gzipped). */
    public String extension() {
        return extension;
    }

    public boolean csv() {
        return dialect.header() != null;
    }

    /** The dimension keys (gateway, issuer, network, method, merchant) this shape writes. */
    public Set<String> dimensions() {
        return dimensions;
    }

    /**
     * The ingest arguments this shape needs, one token per element; empty when the names are guessed by alias (or,
     * for {@link #JSONL_NEEDS_MAPPING_FILE}, when a mapping file is needed instead). E99 is left out of the
     * CSV_NEEDS_MAP status map on purpose: it must come out as an unmapped status, read as a generic failure.
     */
    public List<String> mapArgs() {
        return switch (this) {
            case CSV_NEEDS_MAP -> NEEDS_MAP_ARGS;
            case CSV_ROUTE_AS_BANK -> List.of("--map", "gateway=bank");
            default -> List.of();
        };
    }

    /** The mapping file ({@code --mapping FILE}) this shape needs, or null when it needs none. */
    public String mappingJson() {
        return this == JSONL_NEEDS_MAPPING_FILE ? MAPPING_JSON : null;
    }
}
