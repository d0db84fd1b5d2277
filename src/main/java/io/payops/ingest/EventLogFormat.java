package io.payops.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** JSON lines or CSV with a header (DESIGN §5.4). */
public enum EventLogFormat {
    JSONL, CSV;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the format for "jsonl" or "csv", or null */
    public static EventLogFormat of(String key) {
        for (EventLogFormat f : values()) {
            if (f.key().equalsIgnoreCase(key)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The format a file name says ({@code .jsonl}, {@code .ndjson}, {@code .json}, {@code .csv}, each optionally
     * {@code .gz}); otherwise the first non-blank byte decides: '{' is JSON lines, anything else CSV.
     */
    public static EventLogFormat detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            int b;
            while ((b = in.read()) >= 0) {
                if (!beforeContent(b)) {
                    return b == '{' ? JSONL : CSV;
                }
            }
        }
        return JSONL;
    }

    /**
     * One record's value (a topic's), told the way {@link #detect} tells a file: '{' is JSON lines, anything else a
     * CSV line; null when it holds only a byte-order mark and white space, or nothing.
     */
    public static EventLogFormat ofValue(byte[] value) {
        for (int i = 0; value != null && i < value.length; i++) {
            int b = value[i] & 0xff;
            if (!beforeContent(b)) {
                return b == '{' ? JSONL : CSV;
            }
        }
        return null;
    }

    /** A UTF-8 byte-order mark's bytes, and white space, come before what tells the format. */
    private static boolean beforeContent(int b) {
        return b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b);
    }
}
