package io.payops.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.store.BadInputException;

import java.util.Collection;
import java.util.Locale;

/**
 * Reads typed values out of a JSON tree for one input file. Every error names the file, the field path
 * ({@code issuerMetrics[2].successRate}) and what was expected, so the file can be fixed from the message alone.
 */
final class JsonFields {
    private final String source;

    JsonFields(String source) {
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

    /** The value of a key that must be present and not null. */
    JsonNode required(ObjectNode obj, String path, String key, String expected) {
        JsonNode value = obj.get(key);
        if (value == null || value.isNull()) {
            throw error(child(path, key), (value == null ? "missing" : "null") + " (expected " + expected + ")");
        }
        return value;
    }

    /** The value of an optional key, or null when it is absent or JSON null. */
    static JsonNode optional(ObjectNode obj, String key) {
        JsonNode value = obj.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** Rejects any key not in {@code allowed}. */
    void onlyKeys(ObjectNode obj, String path, Collection<String> allowed) {
        for (var property : obj.properties()) {
            if (!allowed.contains(property.getKey())) {
                throw error(child(path, property.getKey()), "unknown key (expected one of "
                        + String.join(", ", allowed) + ")");
            }
        }
    }

    String string(JsonNode node, String path, String expected) {
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        return node.textValue().strip();
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

    /** A number that is not negative. */
    double nonNegative(JsonNode node, String path, String expected) {
        double v = number(node, path, expected);
        if (v < 0) {
            throw error(path, node.asText() + " is negative (expected " + expected + ")");
        }
        return v;
    }

    /** A rate from 0 to 1; a value that looks like a percentage gets a hint. */
    double rate(JsonNode node, String path) {
        String expected = "a fraction from 0 to 1";
        double v = number(node, path, expected);
        if (v < 0 || v > 1) {
            String hint = v > 1 && v <= 100
                    ? "; " + node.asText() + " looks like a percentage: write " + fmt(v / 100) : "";
            throw error(path, node.asText() + " is out of range (expected " + expected + hint + ")");
        }
        return v;
    }

    /** A whole number that is not negative (a count). */
    long count(JsonNode node, String path, String expected) {
        if (!node.isNumber()) {
            throw error(path, "expected " + expected + ", found " + describe(node));
        }
        long v;
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw error(path, node.asText() + " is too large (expected " + expected + ")");
            }
            v = node.longValue();
        } else {
            double d = node.doubleValue();
            if (!Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) > 9.0e15) {
                throw error(path, node.asText() + " is not a whole number (expected " + expected + ")");
            }
            v = (long) d;
        }
        if (v < 0) {
            throw error(path, node.asText() + " is negative (expected " + expected + ")");
        }
        return v;
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
            return t.isBlank() ? "an empty string"
                    : "a string (\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\")";
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

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
