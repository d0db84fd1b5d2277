package io.payops.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.store.BadInputException;

import java.util.Collection;
import java.util.Map;
import java.util.Locale;

/**
 * Reads typed values out of a JSON tree for one input source. Every error it raises names the source, the field
 * path ({@code faults[0].severity}) and what was expected, so a user can fix the file from the message alone.
 */
final class FieldReader {
    private final String source;

    FieldReader(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** An error about one field; an empty path means the document as a whole. */
    BadInputException error(String path, String problem) {
        return path.isEmpty() ? new BadInputException(source + ": " + problem)
                : BadInputException.field(source, path, problem);
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    // ---- structure ----

    ObjectNode object(JsonNode node, String path, String expected) {
        if (!(node instanceof ObjectNode obj)) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        return obj;
    }

    ArrayNode array(JsonNode node, String path, String expected) {
        if (!(node instanceof ArrayNode arr)) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        return arr;
    }

    /** Rejects any key not in {@code allowed}, suggesting the nearest allowed key for a likely typo. */
    void onlyKeys(ObjectNode obj, String path, Collection<String> allowed) {
        for (Map.Entry<String, JsonNode> property : obj.properties()) {
            String key = property.getKey();
            if (!allowed.contains(key)) {
                String hint = nearest(key, allowed);
                throw error(child(path, key), "unknown key (expected one of " + String.join(", ", allowed)
                        + (hint == null ? "" : "; did you mean '" + hint + "'?") + ")");
            }
        }
    }

    /** The value of a key that must be present (JSON null counts as present and fails the type check later). */
    JsonNode required(ObjectNode obj, String path, String key, String expected) {
        JsonNode value = obj.get(key);
        if (value == null) {
            throw error(child(path, key), "missing required key (expected " + expected + ")");
        }
        return value;
    }

    // ---- scalars ----

    String string(JsonNode node, String path, String expected) {
        if (!node.isTextual()) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        return node.textValue();
    }

    double number(JsonNode node, String path, String expected) {
        if (!node.isNumber()) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw error(path, node.asText() + " is too large (expected " + expected + ")");
        }
        return v;
    }

    long wholeNumber(JsonNode node, String path, String expected) {
        if (!node.isNumber()) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw error(path, node.asText() + " is too large (expected " + expected + ")");
            }
            return node.longValue();
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v) || v != Math.rint(v) || Math.abs(v) > 9.0e15) {
            throw error(path, node.asText() + " is not a whole number (expected " + expected + ")");
        }
        return (long) v;
    }

    /** "1.5 is out of range (expected a number from 0 to 1)". */
    BadInputException outOfRange(String path, JsonNode raw, String expected) {
        return error(path, raw.asText() + " is out of range (expected " + expected + ")");
    }

    /** Short description of a JSON value for "found ..." in messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String t = node.textValue();
            return "a string (\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\")";
        }
        if (node.isNumber()) {
            return "a number (" + node.asText() + ")";
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
    static String nearest(String word, Collection<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int d = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
