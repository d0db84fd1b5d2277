package io.payops.ingest;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps each dimension to a bounded number of distinct values; later new ones become {@link EventLogSource#OTHER}.
 * Each value is a segment the observer keeps for good, so a log with a merchant id per customer would otherwise
 * grow without end.
 */
final class DistinctValues {
    private final int max;
    private final Set<String>[] seen;
    private long folded;

    @SuppressWarnings("unchecked")
    DistinctValues(int max) {
        this.max = max;
        this.seen = new Set[5];
        for (int d = 0; d < seen.length; d++) {
            seen[d] = new HashSet<>();
        }
    }

    /** Replaces, in place, values beyond the limit of their dimension; returns the fields for chaining. */
    EventFields fold(EventFields e) {
        e.gateway = fold(0, e.gateway);
        e.issuer = fold(1, e.issuer);
        e.network = fold(2, e.network);
        e.method = fold(3, e.method);
        e.merchant = fold(4, e.merchant);
        return e;
    }

    private String fold(int d, String v) {
        if (v == null) {
            return null;
        }
        Set<String> s = seen[d];
        if (s.size() < max) {
            s.add(v);
            return v;
        }
        if (s.contains(v)) {
            return v;
        }
        folded++;
        return EventLogSource.OTHER;
    }

    long folded() {
        return folded;
    }
}
