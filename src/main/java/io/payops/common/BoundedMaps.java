package io.payops.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps that keep only their newest entries, for memories a long session would otherwise grow without end. */
public final class BoundedMaps {
    private BoundedMaps() {
    }

    /** A map in insertion order that drops its oldest entry once it holds more than {@code max}. Not thread-safe. */
    public static <K, V> Map<K, V> keepingNewest(int max) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }
}
