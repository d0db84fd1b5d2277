package io.payops.ingest;

import io.payops.domain.Attempt;
import io.payops.sim.AttemptSink;
import io.payops.store.AtomicFiles;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes attempts as an event log (DESIGN §5.4), JSON lines or CSV, so a simulated run can be ingested back and
 * compared. Run time t is written as {@code start + t}. The file appears whole on {@link #commit()} and not at all
 * if the run fails.
 */
public final class EventLogWriter implements AttemptSink, Closeable {
    /** Where simulated time 0 is put when no start is given: a fixed moment, so the same run gives the same file. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");
    static final String CSV_HEADER = "ts,paymentId,attempt,gateway,issuer,network,method,merchant,amount,currency,status,latencyMs";

    private final EventLogFormat format;
    private final long startMillis;
    private final AtomicFiles.Streamed file;
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(256);
    private long written;
    private IOException failure;

    public EventLogWriter(Path target, EventLogFormat format, Instant start) throws IOException {
        this.format = format;
        this.startMillis = start.toEpochMilli();
        this.file = AtomicFiles.streamed(target);
        this.out = file.out();
        if (format == EventLogFormat.CSV) {
            out.write((CSV_HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void accept(Attempt a) {
        line.setLength(0);
        String ts = timestamp(startMillis + a.tsMillis());
        if (format == EventLogFormat.CSV) {
            line.append(ts).append(',').append(a.paymentId()).append(',').append(a.attemptNo()).append(',');
            csv(a.gateway()).append(',');
            csv(a.issuer()).append(',');
            csv(a.network()).append(',');
            csv(a.method()).append(',');
            csv(a.merchant()).append(',');
            amount(a.amount()).append(',');
            csv(a.currency()).append(',').append(a.status().name()).append(',').append(a.latencyMs());
        } else {
            line.append("{\"ts\":\"").append(ts).append("\",\"paymentId\":").append(a.paymentId())
                    .append(",\"attempt\":").append(a.attemptNo());
            json("gateway", a.gateway());
            json("issuer", a.issuer());
            json("network", a.network());
            json("method", a.method());
            json("merchant", a.merchant());
            line.append(",\"amount\":");
            amount(a.amount());
            json("currency", a.currency());
            line.append(",\"status\":\"").append(a.status().name()).append("\",\"latencyMs\":").append(a.latencyMs())
                    .append('}');
        }
        line.append('\n');
        try {
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            failure = e;
            throw new UncheckedIOException("cannot write the event log: " + e.getMessage(), e);
        }
        written++;
    }

    private long minute = Long.MIN_VALUE;
    private String minutePrefix;

    /** ISO-8601 with milliseconds; the date, hour and minute are formatted once a minute, since lines come in order. */
    private String timestamp(long millis) {
        long m = Math.floorDiv(millis, 60_000L);
        if (m != minute) {
            minute = m;
            String full = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(m * 60_000L));
            minutePrefix = full.substring(0, full.indexOf(':', 14) + 1);
        }
        int inMinute = (int) Math.floorMod(millis, 60_000L);
        int sec = inMinute / 1000;
        int ms = inMinute % 1000;
        return minutePrefix + (char) ('0' + sec / 10) + (char) ('0' + sec % 10) + '.' + (char) ('0' + ms / 100)
                + (char) ('0' + ms / 10 % 10) + (char) ('0' + ms % 10) + 'Z';
    }

    private StringBuilder amount(double v) {
        return line.append(Math.round(v * 100) / 100.0);
    }

    private StringBuilder csv(String v) {
        if (v == null) {
            return line;
        }
        boolean plain = !v.isEmpty() && v.charAt(0) != ' ' && v.charAt(v.length() - 1) != ' ';
        for (int i = 0; i < v.length() && plain; i++) {
            char c = v.charAt(i);
            plain = c != ',' && c != '"' && c != '\n' && c != '\r';
        }
        if (plain) {
            return line.append(v);
        }
        if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            // one event per line: a line break inside a name cannot be written, so it becomes a space
            v = v.replace('\n', ' ').replace('\r', ' ');
        }
        return line.append('"').append(v.replace("\"", "\"\"")).append('"');
    }

    private void json(String key, String v) {
        if (v == null) {
            return;
        }
        line.append(",\"").append(key).append("\":\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        line.append('"');
    }

    public long written() {
        return written;
    }

    /** Why a write failed (the disk filled, say), once one has; null while all is well. */
    public IOException failure() {
        return failure;
    }

    /** Makes the file appear, whole. */
    public void commit() throws IOException {
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
