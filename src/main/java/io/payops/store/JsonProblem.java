package io.payops.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.Map;

/**
 * Says what is wrong with a JSON state file in the words of the file, not of the parser: a field's path and the kind
 * of value expected ("field 'trend' should be a list"), never a Java type name, which a user cannot act on.
 */
final class JsonProblem {
    private JsonProblem() {
    }

    static String describe(JacksonException e) {
        if (e instanceof JsonEOFException) {
            return "the file ends in the middle of a value (cut short?)";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field " + quote(path(u)) + " (not written by this version of PayOps)";
        }
        if (e instanceof MismatchedInputException m) {
            String at = path(m);
            String expected = expected(m.getTargetType());
            if (at.isEmpty()) {
                return "the file should hold " + (expected == null ? "an object" : expected) + " at its top level";
            }
            return "field " + quote(at) + (expected == null ? " has the wrong kind of value" : " should be " + expected);
        }
        if (e instanceof DatabindException d && !path(d).isEmpty()) {
            return "field " + quote(path(d)) + " is not valid";
        }
        JsonLocation where = e.getLocation();
        String line = where == null || where.getLineNr() < 1 ? "" : " at line " + where.getLineNr() + ", column "
                + where.getColumnNr();
        return "not valid JSON" + line;
    }

    /** $.decisions[3].verdict, as "decisions[3].verdict". */
    private static String path(DatabindException e) {
        if (!(e instanceof JsonMappingException m)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of the names PayOps writes";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return null;
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }
}
