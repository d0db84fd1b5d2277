package io.payops.ingest;

import java.util.List;

/**
 * Which unread column most likely holds a field, by name: for a message that suggests {@code --map}. A guess, said
 * as one; never applied without the user.
 */
final class ColumnGuess {
    /** Below this a resemblance is chance: two short names share a letter or two. */
    private static final double MIN_SIMILARITY = 0.5;

    private ColumnGuess() {
    }

    /**
     * For each field, the column most like one of its names, each column guessed for one field at most (the closest
     * pair first): a field with no column like any of its names gets none.
     */
    static java.util.Map<EventField, String> best(List<EventField> fields, List<String> columns) {
        java.util.Map<EventField, String> out = new java.util.LinkedHashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        while (true) {
            EventField bestField = null;
            String bestColumn = null;
            double bestScore = MIN_SIMILARITY;
            for (EventField f : fields) {
                if (out.containsKey(f)) {
                    continue;
                }
                for (String c : columns) {
                    double s = used.contains(c) ? 0 : score(f, c);
                    if (s > bestScore) {
                        bestField = f;
                        bestColumn = c;
                        bestScore = s;
                    }
                }
            }
            if (bestField == null) {
                java.util.Map<EventField, String> ordered = new java.util.LinkedHashMap<>();
                fields.stream().filter(out::containsKey).forEach(f -> ordered.put(f, out.get(f)));
                return ordered;
            }
            out.put(bestField, bestColumn);
            used.add(bestColumn);
        }
    }

    private static double score(EventField f, String column) {
        String n = FieldAliases.normalize(column);
        double best = 0;
        for (String alias : FieldAliases.of(f)) {
            best = Math.max(best, similarity(n, alias));
        }
        return best;
    }

    /** 1 for equal names; high when one begins the other (lat, latency); else by edit distance. */
    static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() >= 2 && longer.startsWith(shorter)) {
            return 0.6 + 0.4 * shorter.length() / longer.length();
        }
        return 1 - (double) io.payops.common.EditDistance.between(a, b) / longer.length();
    }

}
