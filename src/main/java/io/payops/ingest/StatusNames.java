package io.payops.ingest;

import io.payops.domain.Status;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads a status without allocating: our names, in any case, with '-' or ' ' allowed for '_'. */
final class StatusNames {
    static final String EXPECTED = Arrays.stream(Status.values()).map(Enum::name).collect(Collectors.joining(", "));
    private static final Status[] VALUES = Status.values();
    private static final char[][] NAMES = Arrays.stream(VALUES).map(s -> s.name().toCharArray()).toArray(char[][]::new);

    private StatusNames() {
    }

    /** @return the status, or null when the text names none */
    static Status of(char[] c, int off, int len) {
        for (int s = 0; s < NAMES.length; s++) {
            if (matches(NAMES[s], c, off, len)) {
                return VALUES[s];
            }
        }
        return null;
    }

    private static boolean matches(char[] name, char[] c, int off, int len) {
        if (name.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char ch = c[off + i];
            if (ch >= 'a' && ch <= 'z') {
                ch -= 32;
            } else if (ch == '-' || ch == ' ') {
                ch = '_';
            }
            if (ch != name[i]) {
                return false;
            }
        }
        return true;
    }
}
