package io.payops.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the hostile event logs the ingest memory figure is measured on (issue 17), as gzipped JSON lines so a log of
 * gigabytes of values costs megabytes of disk. Not a test: run it, then {@code ingest} the file from the jar under a
 * small heap, e.g.
 * <pre>
 * mvn -B -o -q test-compile
 * java -cp target/test-classes io.payops.bench.HostileLogGenerator long-values 200000 /tmp/long.jsonl.gz
 * java -cp target/test-classes io.payops.bench.HostileLogGenerator distinct 1000000 /tmp/distinct.jsonl.gz
 * java -Xmx128m -jar target/payops.jar ingest --events /tmp/long.jsonl.gz --report /tmp/long.json
 * java -Xmx128m -jar target/payops.jar ingest --events /tmp/distinct.jsonl.gz --report /tmp/distinct.json
 * </pre>
 * <ul>
 *   <li>{@code long-values}: every line carries one distinct 56 KB value (distinct in its first characters), in
 *       each of the five dimensions in turn
 *       (a line holds at most 64 KB, so one such value per line), the other dimensions short;</li>
 *   <li>{@code distinct}: a new gateway on every line up to a million, an issuer of 300,000 in turn, a distinct
 *       merchant, so every gateway × issuer path is new.</li>
 * </ul>
 * Events are 1,000 a second with a tenth failing, so the agent sees traffic and failures throughout. Fixed seed.
 */
public final class HostileLogGenerator {
    /** As in the report: 56 KB, under the 64 KB a line may hold. */
    static final int LONG_VALUE_CHARS = 56 * 1024;
    private static final long T0 = 1_772_528_400_000L;   // 2026-03-03T09:00:00Z
    private static final String[] DIMENSIONS = {"gateway", "issuer", "network", "method", "merchant"};

    private HostileLogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[0].equals("long-values") || args[0].equals("distinct"))) {
            System.err.println("usage: HostileLogGenerator long-values|distinct LINES FILE.jsonl.gz");
            System.exit(2);
        }
        long lines = Long.parseLong(args[1]);
        Path file = Path.of(args[2]);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file),
                1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            write(args[0].equals("long-values"), lines, w);
        }
        System.out.printf("%s: %,d lines (%,d bytes gzipped)%n", file, lines, Files.size(file));
    }

    static void write(boolean longValues, long lines, Appendable out) throws IOException {
        SplittableRandom rnd = new SplittableRandom(17);
        String padding = "x".repeat(LONG_VALUE_CHARS - 12);
        StringBuilder b = new StringBuilder(LONG_VALUE_CHARS + 256);
        for (long i = 0; i < lines; i++) {
            b.setLength(0);
            b.append("{\"ts\":").append(T0 + i).append(",\"status\":\"")
                    .append(rnd.nextInt(10) == 0 ? "GATEWAY_ERROR" : "SUCCESS").append("\",\"latencyMs\":")
                    .append(100 + rnd.nextInt(400));
            if (longValues) {
                int longOne = (int) (i % DIMENSIONS.length);
                for (int d = 0; d < DIMENSIONS.length; d++) {
                    b.append(",\"").append(DIMENSIONS[d]).append("\":\"");
                    if (d == longOne) {
                        // distinct in its first characters, so values stay distinct once cut to 128
                        b.append(String.format("%012d", i)).append(padding);
                    } else {
                        b.append(DIMENSIONS[d], 0, 1).append(rnd.nextInt(4));
                    }
                    b.append('"');
                }
            } else {
                b.append(",\"gateway\":\"gw-").append(i % 1_000_000).append("\",\"issuer\":\"bank-")
                        .append(i % 300_000).append("\",\"network\":\"VISA\",\"method\":\"CARD\",\"merchant\":\"m-")
                        .append(i).append('"');
            }
            b.append("}\n");
            out.append(b);
        }
    }
}
