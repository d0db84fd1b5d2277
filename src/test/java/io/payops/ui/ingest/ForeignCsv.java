package io.payops.ui.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small CSV logs as other teams' tools write them, for the mapping step's tests: a fixed pattern of gateways and
 * outcomes, one attempt every 100 ms from 2026-03-01 00:00 UTC.
 */
final class ForeignCsv {
    static final long START_MILLIS = 1_772_323_200_000L;
    private static final String[] GATEWAYS = {"stripe", "adyen", "razorpay"};

    private ForeignCsv() {
    }

    /**
     * {@code t_ms,route,res,rt,why}: no name is ours or an alias, so every required field needs a choice. Every
     * tenth line fails, with the code E10 (nobody's word) or TIMEOUT in {@code why}.
     */
    static Path terse(Path file, int lines) throws IOException {
        List<String> out = new ArrayList<>(List.of("t_ms,route,res,rt,why"));
        for (int i = 0; i < lines; i++) {
            boolean fail = i % 10 == 9;
            out.add(String.format(Locale.ROOT, "%d,%s,%s,%d,%s", START_MILLIS + 100L * i, GATEWAYS[i % 3],
                    fail ? "fail" : "ok", 120 + i % 50, fail ? (i % 20 == 9 ? "E10" : "TIMEOUT") : ""));
        }
        Files.write(file, out);
        return file;
    }

    /** {@code timestamp,psp,issuer_bank,status,latency_ms}: every name an alias, so nothing needs a choice. */
    static Path aliased(Path file, int lines) throws IOException {
        List<String> out = new ArrayList<>(List.of("timestamp,psp,issuer_bank,status,latency_ms"));
        for (int i = 0; i < lines; i++) {
            out.add(String.format(Locale.ROOT, "%d,%s,%s,%s,%d", START_MILLIS + 100L * i, GATEWAYS[i % 3],
                    i % 2 == 0 ? "HDFC" : "ICICI", i % 10 == 9 ? "ISSUER_DOWN" : "SUCCESS", 150 + i % 40));
        }
        Files.write(file, out);
        return file;
    }

    /** {@code time,route,status,latency_ms}: one column (the gateway's) needs a choice. */
    static Path oneUnknownColumn(Path file, int lines) throws IOException {
        List<String> out = new ArrayList<>(List.of("time,route,status,latency_ms"));
        for (int i = 0; i < lines; i++) {
            out.add(String.format(Locale.ROOT, "%d,%s,%s,%d", START_MILLIS + 100L * i, GATEWAYS[i % 3],
                    i % 10 == 9 ? "declined" : "approved", 150 + i % 40));
        }
        Files.write(file, out);
        return file;
    }
}
