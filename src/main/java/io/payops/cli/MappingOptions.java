package io.payops.cli;

import io.payops.ingest.LogMapping;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a foreign log's columns and words are read, when aliases do not say it: {@code --map}, {@code --status-map},
 * {@code --mapping}, {@code --tz}, and {@code --strict} to refuse a log with anything unread.
 */
public final class MappingOptions {
    @Option(names = "--map", paramLabel = "FIELD=COLUMN",
            description = "The column (CSV) or key (JSON) that holds a field, when its name is not ours or a common "
                    + "alias: --map gateway=bank --map latencyMs=rt. Repeatable; wins over aliases and --mapping. "
                    + "Fields: ts, paymentId, attempt, gateway, issuer, network, method, merchant, amount, amountMinor, "
                    + "currency, status, success, errorCode, latencyMs, retryCount.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--status-map", paramLabel = "VALUE=STATUS",
            description = "What a status word or error code means: --status-map E10=ISSUER_DOWN. Repeatable; applies to "
                    + "the status column and to the error-code column that refines a generic failure. Statuses: SUCCESS, "
                    + "ISSUER_DOWN, BANK_TIMEOUT, GATEWAY_ERROR, NETWORK_ERROR, USER_DECLINED, INSUFFICIENT_FUNDS, "
                    + "OTHER_FAILURE.")
    List<String> statusMaps = new ArrayList<>();

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "The same as JSON, reusable: {\"fields\": {\"gateway\": \"bank\"}, \"statuses\": {\"E10\": "
                    + "\"ISSUER_DOWN\"}, \"tz\": \"Asia/Kolkata\"}. --map and --status-map win over it.")
    Path mappingFile;

    @Option(names = "--tz", paramLabel = "ZONE",
            description = "The zone of times written without one (UTC, +05:30, Asia/Kolkata). Default: UTC.")
    String tz;

    @Option(names = "--strict",
            description = "Exit 2, writing no report, when a status word is unmapped or a column is not read.")
    boolean strict;

    /** The mapping the options say (validated: a bad pair, field, status or zone is exit 2 with what was expected). */
    public LogMapping mapping() {
        return LogMapping.of(mappingFile, maps, statusMaps, tz);
    }

    public boolean strict() {
        return strict;
    }
}
