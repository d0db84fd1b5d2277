package io.payops.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A constant written as a word of its own, its {@link #key}: the JSON, report and command-line spelling. */
public interface Keyed {
    String key();

    /** The constant of {@code type} whose key is {@code key}, or null. */
    static <E extends Enum<E> & Keyed> E find(Class<E> type, String key) {
        for (E e : type.getEnumConstants()) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The constant of {@code type} whose key is {@code key}.
     * @param what what a constant is, with its article ("a ticket category"), for the message
     * @throws IllegalArgumentException "'KEY' is not WHAT (expected one of a, b, c)"
     */
    static <E extends Enum<E> & Keyed> E of(Class<E> type, String key, String what) {
        E e = find(type, key);
        if (e == null) {
            throw new IllegalArgumentException("'" + key + "' is not " + what + " (expected one of " + keys(type) + ")");
        }
        return e;
    }

    /** Every key of {@code type}, comma-separated. */
    static <E extends Enum<E> & Keyed> String keys(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyed::key).collect(Collectors.joining(", "));
    }
}
