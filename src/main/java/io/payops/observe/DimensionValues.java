package io.payops.observe;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Interns the values of one dimension to small ints, in order of first appearance; grows as values appear. The
 * simulator passes the same String instances every time, so the first few values are matched by identity before
 * falling back to the map (an event log's freshly parsed strings take the map path).
 */
final class DimensionValues {
    private static final int IDENTITY_SCAN = 8;

    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[8];
    private int size;

    /** The id of {@code value}, or -1 when it has none yet (or is null). */
    int idOf(String value) {
        String[] n = names;
        for (int i = 0, end = Math.min(size, IDENTITY_SCAN); i < end; i++) {
            if (n[i] == value) {
                return i;
            }
        }
        if (value == null) {
            return -1;
        }
        Integer id = ids.get(value);
        return id == null ? -1 : id;
    }

    int add(String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        names[size] = value;
        ids.put(value, size);
        return size++;
    }

    int size() {
        return size;
    }

    String name(int id) {
        return names[id];
    }
}
