package io.payops.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Says what is wrong with a JSON file PayOps wrote (a state file, a recording's meta.json or frame) in the words of
 * the file, not of the parser: the field, by its path in the file, and the kind of value expected, e.g.
 * {@code field 'scenario.tps' should be a number (found "1x")}. Jackson's own messages name Java and Jackson types
 * ("Cannot deserialize value of type `java.lang.Double`…"), which a user cannot act on.
 */
final class JsonProblem {
    private static final int MAX_FOUND = 40;
    private static final int MAX_KNOWN = 12;

    private JsonProblem() {
    }

    /** @param e what Jackson threw (a JacksonException, or an IOException from below it) */
    static String describe(IOException e) {
        if (e instanceof JsonEOFException) {
            return "it ends in the middle of a value (cut short?)";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "field '" + path(u) + "' is not one it can have (expected one of " + known(u.getKnownPropertyIds())
                    + ")";
        }
        if (e instanceof InvalidTypeIdException t) {
            return "field '" + path(t) + "' has an unknown type" + found(t.getTypeId());
        }
        if (e instanceof InvalidFormatException f) {
            boolean key = String.valueOf(f.getOriginalMessage()).startsWith("Cannot deserialize Map key");
            return "field '" + path(f) + "' " + (key ? "has a key that should be " : "should be ")
                    + expected(f.getTargetType()) + found(f.getValue());
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            boolean stated = cause instanceof IllegalArgumentException && !(cause instanceof NumberFormatException)
                    && cause.getMessage() != null;
            return "field '" + path(v) + "' is not valid" + (stated ? ": " + firstLine(cause.getMessage())
                    : " (a value it needs is missing or null)");
        }
        if (e instanceof MismatchedInputException m) {
            if (String.valueOf(m.getOriginalMessage()).startsWith("Trailing token")) {
                return "not valid JSON: something follows the end of its value";
            }
            return m.getPath().isEmpty() ? "it is empty or not " + expected(m.getTargetType())
                    : "field '" + path(m) + "' should be " + expected(m.getTargetType());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            // a parse error inside a nested value comes wrapped, with the path of the value it was reading
            return "field '" + path(m) + "' is not valid" + (m.getCause() instanceof IOException cause
                    && cause != m ? ": " + describe(cause) : "");
        }
        if (e instanceof JsonProcessingException p) {
            return "not valid JSON" + where(p.getLocation()) + " (" + plain(p.getOriginalMessage()) + ")";
        }
        return firstLine(String.valueOf(e.getMessage()));
    }

    /** {@code scenario.world.gateways[1].name}: the path as a person finds it in the file. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "(the whole document)" : b.toString();
    }

    static String expected(Class<?> t) {
        if (t == null) {
            return "valid";
        }
        if (t == int.class || t == long.class || t == short.class || t == byte.class || t == Integer.class
                || t == Long.class || t == Short.class || t == Byte.class || t == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (t == double.class || t == float.class || Number.class.isAssignableFrom(t)) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(t) || t == char.class || t == Character.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(t)) {
            return "a timestamp";
        }
        if (t.isEnum()) {
            return "a known " + words(t.getSimpleName());
        }
        if (t.isArray() || Collection.class.isAssignableFrom(t)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(t)) {
            return "an object of named values";
        }
        return "an object (a " + words(t.getSimpleName()) + ")";
    }

    /** "FaultType" → "fault type". */
    private static String words(String simpleName) {
        return simpleName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String found(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.length() > MAX_FOUND) {
            text = text.substring(0, MAX_FOUND) + "…";
        }
        return " (found " + (value instanceof CharSequence ? "\"" + text + "\"" : text) + ")";
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "no other";
        }
        List<String> names = ids.stream().map(String::valueOf).sorted().toList();
        return String.join(", ", names.subList(0, Math.min(MAX_KNOWN, names.size())))
                + (names.size() > MAX_KNOWN ? ", …" : "");
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return at.getLineNr() > 1 ? " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                : " at column " + at.getColumnNr();
    }

    /** A parser's message without the source excerpt Jackson appends (the raw bytes, which may be anything). */
    private static String plain(String message) {
        String m = firstLine(String.valueOf(message));
        int source = m.indexOf("[Source:");
        if (source >= 0) {
            m = m.substring(0, source).replaceAll("\\s*\\(start marker at\\s*$", "").strip();
        }
        return m;
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("").strip();
    }
}
