package io.payops.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that turns a Jackson tree into typed values for one input source, so that every JSON input (scenario
 * files, metrics snapshots) reports bad input the same way: {@code "<source>: <field path>: <problem> (expected …)"},
 * e.g. {@code scenario file 'x.json': faults[0].severity: 1.5 is out of range (expected a number from 0 to 1)}.
 * A user can fix the file from the message alone.
 *
 * <p>The scenario and snapshot readers differ in a few details their messages rely on, so a reader comes in two
 * flavours:
 * <ul>
 * <li>{@link #lenient}: JSON null counts as a value (the type check that follows rejects it); blank strings are
 * strings; a missing key is a "missing required key"; an unknown key gets a "did you mean" hint.</li>
 * <li>{@link #strict}: JSON null counts as absent ("null (expected …)"); a missing key is "missing"; strings must
 * not be blank ("found an empty string") and are stripped.</li>
 * </ul>
 */
public final class JsonFields {
    private final String source;
    private final boolean strict;

    private JsonFields(String source, boolean strict) {
        this.source = source;
        this.strict = strict;
    }

    /** A reader for hand-written scenario files; see the class comment. */
    public static JsonFields lenient(String source) {
        return new JsonFields(source, false);
    }

    /** A reader for snapshot files; see the class comment. */
    public static JsonFields strict(String source) {
        return new JsonFields(source, true);
    }

    public String source() {
        return source;
    }

    /** An error about one field; an empty path means the document as a whole. */
    public BadInputException error(String path, String problem) {
        return path.isEmpty() ? new BadInputException(source + ": " + problem)
                : BadInputException.field(source, path, problem);
    }

    /** The path of a key; a long key (a hostile file's) is abbreviated, since the path is quoted in messages. */
    public static String child(String path, String key) {
        String k = Excerpt.of(key);
        return path.isEmpty() ? k : path + "." + k;
    }

    public static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    // ---- structure ----

    public ObjectNode object(JsonNode node, String path, String expected) {
        if (!(node instanceof ObjectNode obj)) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        return obj;
    }

    public ArrayNode array(JsonNode node, String path, String expected) {
        if (!(node instanceof ArrayNode arr)) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        return arr;
    }

    /** Rejects any key not in {@code allowed}; a lenient reader suggests the nearest allowed key for a likely typo. */
    public void onlyKeys(ObjectNode obj, String path, Collection<String> allowed) {
        for (Map.Entry<String, JsonNode> property : obj.properties()) {
            String key = property.getKey();
            if (!allowed.contains(key)) {
                String hint = strict ? null : nearest(key, allowed);
                throw error(child(path, key), "unknown key (expected one of " + String.join(", ", allowed)
                        + (hint == null ? "" : "; did you mean '" + hint + "'?") + ")");
            }
        }
    }

    /** The value of a key that must be present (and, for a strict reader, not JSON null). */
    public JsonNode required(ObjectNode obj, String path, String key, String expected) {
        JsonNode value = obj.get(key);
        if (value == null || strict && value.isNull()) {
            String problem = !strict ? "missing required key" : value == null ? "missing" : "null";
            throw error(child(path, key), problem + " (expected " + expected + ")");
        }
        return value;
    }

    /** The value of an optional key, or null when it is absent or JSON null. */
    public static JsonNode optional(ObjectNode obj, String key) {
        JsonNode value = obj.get(key);
        return value == null || value.isNull() ? null : value;
    }

    // ---- scalars ----

    /** A string; a strict reader rejects a blank one and strips the rest. */
    public String string(JsonNode node, String path, String expected) {
        if (!node.isTextual() || strict && node.textValue().isBlank()) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        return strict ? node.textValue().strip() : node.textValue();
    }

    public double number(JsonNode node, String path, String expected) {
        if (!node.isNumber()) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw error(path, Excerpt.of(node.asText()) + " is too large (expected " + expected + ")");
        }
        return v;
    }

    /** A number that is not negative. */
    public double nonNegative(JsonNode node, String path, String expected) {
        double v = number(node, path, expected);
        if (v < 0) {
            throw error(path, Excerpt.of(node.asText()) + " is negative (expected " + expected + ")");
        }
        return v;
    }

    /** A rate from 0 to 1; a value that looks like a percentage gets a hint. */
    public double rate(JsonNode node, String path) {
        String expected = "a fraction from 0 to 1";
        double v = number(node, path, expected);
        if (v < 0 || v > 1) {
            String hint = v > 1 && v <= 100
                    ? "; " + Excerpt.of(node.asText()) + " looks like a percentage: write " + fmt(v / 100) : "";
            throw outOfRange(path, node, expected + hint);
        }
        return v;
    }

    /** A whole number (an integral JSON number, or a float with no fraction up to 9e15). */
    public long wholeNumber(JsonNode node, String path, String expected) {
        if (!node.isNumber()) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw error(path, Excerpt.of(node.asText()) + " is too large (expected " + expected + ")");
            }
            return node.longValue();
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v) || v != Math.rint(v) || Math.abs(v) > 9.0e15) {
            throw error(path, Excerpt.of(node.asText()) + " is not a whole number (expected " + expected + ")");
        }
        return (long) v;
    }

    /** A whole number that is not negative (a count). */
    public long count(JsonNode node, String path, String expected) {
        long v = wholeNumber(node, path, expected);
        if (v < 0) {
            throw error(path, Excerpt.of(node.asText()) + " is negative (expected " + expected + ")");
        }
        return v;
    }

    /** "1.5 is out of range (expected a number from 0 to 1)". */
    public BadInputException outOfRange(String path, JsonNode raw, String expected) {
        return error(path, Excerpt.of(raw.asText()) + " is out of range (expected " + expected + ")");
    }

    // ---- wording ----

    /** Short description of a JSON value for "found ..." in messages. */
    private String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String t = node.textValue();
            return strict && t.isBlank() ? "an empty string"
                    : "a string (\"" + Excerpt.of(t) + "\")";
        }
        if (node.isNumber()) {
            return "a number (" + Excerpt.of(node.asText()) + ")";
        }
        if (node.isBoolean()) {
            return "a boolean (" + node.asText() + ")";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** The allowed word closest to a misspelt one (case-insensitive edit distance ≤ 2), or null. */
    public static String nearest(String word, Collection<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int d = EditDistance.between(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
