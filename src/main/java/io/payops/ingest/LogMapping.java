package io.payops.ingest;

import io.payops.common.Excerpt;
import com.fasterxml.jackson.databind.JsonNode;
import io.payops.common.BadInputException;
import io.payops.common.BoundedInput;
import io.payops.common.Json;
import io.payops.domain.Status;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a user says about a foreign log that aliases cannot guess: which column holds which field ({@code --map}),
 * what its status words mean ({@code --status-map}), the zone of its zone-less times ({@code --tz}), all of which a
 * mapping file holds too ({@code --mapping}, reusable: {@code {"fields": {"gateway": "bank"}, "statuses": {"E10":
 * "ISSUER_DOWN"}, "tz": "Asia/Kolkata"}}). Said on the command line wins over the file.
 *
 * @param fields   field key (ts, gateway, status, success, errorCode, ...) to the column or JSON key holding it
 * @param statuses a word (any spelling) to the status it stands for
 * @param zone     the zone of times written without one
 */
public record LogMapping(Map<String, String> fields, Map<String, Status> statuses, ZoneId zone) {
    public static final LogMapping NONE = new LogMapping(Map.of(), Map.of(), ZoneOffset.UTC);
    /**
     * Mapping files larger than this are refused, counted while reading: a mapping names a few dozen columns and
     * status words (a few KB); 1 MB holds tens of thousands of them and still parses in a blink.
     */
    static final long MAX_FILE_BYTES = 1024L * 1024;
    /** How {@code --mapping FILE} is read: a regular file only (standard input is left to the data it maps). */
    private static final BoundedInput INPUT = new BoundedInput("a JSON object such as {\"fields\": {\"gateway\": "
            + "\"bank\"}, \"statuses\": {\"E10\": \"ISSUER_DOWN\"}}", MAX_FILE_BYTES, false);
    static final String STATUSES = Arrays.stream(Status.values()).map(Enum::name).collect(Collectors.joining(", "));

    public LogMapping {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    }

    /** The field keys a mapping may name, for messages. */
    public static String fieldKeys() {
        return Arrays.stream(EventField.values()).map(f -> f.key).collect(Collectors.joining(", "));
    }

    public StatusVocabulary vocabulary() {
        return new StatusVocabulary(statuses);
    }

    public boolean isEmpty() {
        return fields.isEmpty() && statuses.isEmpty() && zone.equals(ZoneOffset.UTC);
    }

    /**
     * The mapping the command line says: a mapping file (or null) under the {@code --map FIELD=COLUMN} and
     * {@code --status-map VALUE=STATUS} options and {@code --tz ZONE} (or null).
     *
     * @throws BadInputException naming the option and what was expected
     */
    public static LogMapping of(Path file, List<String> maps, List<String> statusMaps, String tz) {
        LogMapping base = file == null ? NONE : read(file);
        Map<String, String> fields = new LinkedHashMap<>(base.fields);
        for (String m : maps) {
            String[] kv = pair(m, "--map", "FIELD=COLUMN, such as --map gateway=bank");
            EventField f = field(kv[0], "--map " + m);
            fields.put(f.key, kv[1]);
        }
        Map<String, Status> statuses = new LinkedHashMap<>(base.statuses);
        for (String m : statusMaps) {
            String[] kv = pair(m, "--status-map", "VALUE=STATUS, such as --status-map E10=ISSUER_DOWN");
            statuses.put(kv[0], status(kv[1], "--status-map " + m));
        }
        ZoneId zone = tz == null ? base.zone : zone(tz, "--tz");
        LogMapping mapping = new LogMapping(fields, statuses, zone);
        mapping.checkColumnsOnce("--map");
        return mapping;
    }

    /** Reads a mapping file. */
    public static LogMapping read(Path file) {
        String source = "mapping file '" + file + "'";
        JsonNode root;
        try {
            root = Json.mapper().readTree(INPUT.readText(file, source));
        } catch (IOException e) {
            throw new BadInputException(source + " is not valid JSON: " + firstLine(e.getMessage())
                    + " (expected a JSON object such as {\"fields\": {\"gateway\": \"bank\"}})");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(source + " is not a JSON object (expected {\"fields\": {...}, \"statuses\": "
                    + "{...}, \"tz\": \"...\"})");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Status> statuses = new LinkedHashMap<>();
        ZoneId zone = ZoneOffset.UTC;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "fields" -> {
                    for (Map.Entry<String, String> kv : strings(e.getValue(), source, "fields",
                            "field names to columns, such as {\"gateway\": \"bank\"}")) {
                        String where = source + ": fields." + Excerpt.of(kv.getKey());
                        fields.put(field(kv.getKey(), where).key, kv.getValue());
                    }
                }
                case "statuses" -> {
                    for (Map.Entry<String, String> kv : strings(e.getValue(), source, "statuses",
                            "words to statuses, such as {\"E10\": \"ISSUER_DOWN\"}")) {
                        String where = source + ": statuses." + Excerpt.of(kv.getKey());
                        statuses.put(kv.getKey(), status(kv.getValue(), where));
                    }
                }
                case "tz" -> {
                    if (!e.getValue().isTextual()) {
                        throw new BadInputException(source + ": tz: expected a zone name such as UTC or Asia/Kolkata");
                    }
                    zone = zone(e.getValue().asText(), source + ": tz");
                }
                default -> throw new BadInputException(source + ": " + Excerpt.of(e.getKey()) + ": not a mapping "
                        + "key (expected fields, statuses, tz)");
            }
        }
        LogMapping mapping = new LogMapping(fields, statuses, zone);
        mapping.checkColumnsOnce(source + ": fields");
        return mapping;
    }

    /** The mapping as a mapping file says it (what the console remembers, what {@code --mapping} reads). */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fields", fields);
        Map<String, String> s = new LinkedHashMap<>();
        statuses.forEach((k, v) -> s.put(k, v.name()));
        out.put("statuses", s);
        out.put("tz", zone.getId().equals("Z") ? "UTC" : zone.getId());
        return out;
    }

    /** One column holds one field: two fields mapped to one column is a slip, said before any line is read. */
    private void checkColumnsOnce(String where) {
        Map<String, String> seen = new LinkedHashMap<>();
        fields.forEach((field, column) -> {
            String other = seen.putIfAbsent(column.toLowerCase(java.util.Locale.ROOT), field);
            if (other != null) {
                throw new BadInputException(where + ": column '" + Excerpt.of(column) + "' is mapped to both " + other
                        + " and " + field + " (expected each column to hold one field)");
            }
        });
    }

    private static List<Map.Entry<String, String>> strings(JsonNode node, String source, String key, String expected) {
        if (!node.isObject()) {
            throw new BadInputException(source + ": " + key + ": expected an object of " + expected);
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw new BadInputException(source + ": " + key + "." + Excerpt.of(e.getKey()) + ": expected a "
                        + "non-empty string (" + expected + ")");
            }
            out.add(Map.entry(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private static String[] pair(String text, String option, String expected) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new BadInputException(option + ": '" + Excerpt.of(text) + "' is not a pair (expected " + expected
                    + ")");
        }
        return new String[] {text.substring(0, eq).strip(), text.substring(eq + 1).strip()};
    }

    private static EventField field(String name, String where) {
        EventField f = EventField.of(name);
        if (f == null) {
            throw new BadInputException(where + ": '" + Excerpt.of(name) + "' is not a field (expected one of "
                    + fieldKeys() + ")");
        }
        return f;
    }

    private static Status status(String name, String where) {
        try {
            return Status.valueOf(StatusVocabulary.normalize(name));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": '" + Excerpt.of(name) + "' is not a status (expected one of "
                    + STATUSES + ")");
        }
    }

    private static ZoneId zone(String tz, String where) {
        try {
            return ZoneId.of(tz.equalsIgnoreCase("utc") ? "Z" : tz);
        } catch (DateTimeException e) {
            throw new BadInputException(where + ": '" + Excerpt.of(tz) + "' is not a time zone (expected UTC, an "
                    + "offset such as +05:30, or a region such as Asia/Kolkata)");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
