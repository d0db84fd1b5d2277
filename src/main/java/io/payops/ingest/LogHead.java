package io.payops.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys the head of a JSON lines file uses, in the order first seen: what the fields are resolved against before
 * the file is streamed, so a missing field is said once for the file, not once per line.
 */
final class LogHead {
    /** Enough lines to see every key an exporter writes, including ones only failures carry. */
    static final int LINES = 1000;

    private LogHead() {
    }

    /** @param keys the keys seen; @param objects how many lines were JSON objects */
    record Keys(List<String> keys, int objects) {
    }

    static Keys jsonKeys(Path file) throws IOException {
        try (LineSource lines = new LineSource(file, false)) {
            return jsonKeys(lines);
        }
    }

    /** The keys of the first lines of any input (a topic's head records, too). */
    static Keys jsonKeys(Lines lines) {
        Set<String> keys = new LinkedHashSet<>();
        int objects = 0;
        try {
            int seen = 0;
            while (seen < LINES && lines.next()) {
                if (lines.tooLong()) {
                    continue;
                }
                String text = new String(lines.buffer(), lines.lineOffset(), lines.lineLength(), StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    continue;
                }
                seen++;
                try {
                    JsonNode n = Json.mapper().readTree(text);
                    if (n != null && n.isObject()) {
                        objects++;
                        n.fieldNames().forEachRemaining(keys::add);
                    }
                } catch (IOException notJson) {
                    // a bad line is the reader's to count and report; the head only looks for keys
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Keys(new ArrayList<>(keys), objects);
    }
}
