package io.payops.ingest;

import io.payops.common.Excerpt;
import io.payops.common.BadInputException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column (CSV) or key (JSON) holds which field: what the user mapped first, then our own names, then the
 * aliases other tools use ({@link FieldAliases}). A column mapped explicitly is taken by nothing else, and each field
 * takes one column: with {@code --map gateway=bank}, {@code bank} is not also read as the issuer. Everything else is
 * ignored and reported. JSON keys first seen after the head of the file are resolved as they come.
 */
public final class ColumnRoles {
    /** A log with keys made up per line (ids as keys) could grow this without end; past it, keys are not kept. */
    private static final int MAX_NAMES = 256;

    private final Map<String, EventField> roles = new LinkedHashMap<>();
    private final EnumMap<EventField, String> columns = new EnumMap<>(EventField.class);
    private final List<String> ignored = new ArrayList<>();
    private final Map<String, String> unfoundExplicit = new LinkedHashMap<>();
    private final LogMapping mapping;

    private ColumnRoles(LogMapping mapping) {
        this.mapping = mapping;
    }

    /** Resolves the names a file's head shows, in their order. */
    public static ColumnRoles resolve(List<String> names, LogMapping mapping) {
        ColumnRoles r = new ColumnRoles(mapping);
        mapping.fields().forEach((key, column) -> {
            EventField f = EventField.of(key);
            String found = names.stream().filter(n -> n.strip().equalsIgnoreCase(column.strip())).findFirst()
                    .orElse(null);
            if (found == null) {
                r.unfoundExplicit.put(key, column);
            } else {
                r.assign(found, f);
            }
        });
        for (String n : names) {
            if (!r.roles.containsKey(n)) {
                EventField own = EventField.of(n);
                if (own != null && !own.mappedOnly() && r.free(own)) {
                    r.assign(n, own);
                }
            }
        }
        for (EventField f : EventField.values()) {
            if (!r.free(f) || f.mappedOnly()) {
                continue;
            }
            String best = null;
            int bestRank = Integer.MAX_VALUE;
            for (String n : names) {
                int rank = FieldAliases.rank(f, FieldAliases.normalize(n));
                if (rank >= 0 && rank < bestRank && !r.roles.containsKey(n)) {
                    best = n;
                    bestRank = rank;
                }
            }
            if (best != null) {
                r.assign(best, f);
            }
        }
        for (String n : names) {
            if (!r.roles.containsKey(n)) {
                r.ignore(n);
            }
        }
        return r;
    }

    /** The field a name holds, or null (ignored); a name not seen before is resolved now. */
    EventField role(String name) {
        EventField f = roles.get(name);
        if (f != null || roles.containsKey(name)) {
            return f;
        }
        if (roles.size() >= MAX_NAMES) {
            return null;
        }
        EventField own = EventField.of(name);
        if (own != null && !own.mappedOnly() && free(own)) {
            assign(name, own);
            return own;
        }
        for (EventField candidate : EventField.values()) {
            if (free(candidate) && !candidate.mappedOnly() && FieldAliases.rank(candidate, FieldAliases.normalize(name)) >= 0) {
                assign(name, candidate);
                return candidate;
            }
        }
        ignore(name);
        return null;
    }

    private boolean free(EventField f) {
        if (columns.containsKey(f) || mapping.fields().containsKey(f.key)) {
            return false;
        }
        // one amount: in major units when there is such a column, else in minor units; one attempt number likewise
        return (f != EventField.AMOUNT_MINOR || !columns.containsKey(EventField.AMOUNT))
                && (f != EventField.RETRY_COUNT || !columns.containsKey(EventField.ATTEMPT));
    }

    private void assign(String name, EventField f) {
        roles.put(name, f);
        columns.put(f, name);
        EventField lesser = f == EventField.AMOUNT ? EventField.AMOUNT_MINOR
                : f == EventField.ATTEMPT ? EventField.RETRY_COUNT : null;
        String displaced = lesser == null ? null : columns.remove(lesser);
        if (displaced != null) {
            roles.put(displaced, null);
            ignored.add(displaced);
        }
    }

    private void ignore(String name) {
        roles.put(name, null);
        ignored.add(name);
    }

    /** Field key to the column that holds it, in field order (what a report and {@code --inspect} show). */
    public Map<String, String> fieldsToColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        columns.forEach((f, c) -> out.put(f.key, c));
        return out;
    }

    /** Columns read by no field. */
    public List<String> ignored() {
        return List.copyOf(ignored);
    }

    /** The required fields no column holds: ts, a status or success column, latencyMs, one dimension. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        if (!columns.containsKey(EventField.TS)) {
            out.add("ts");
        }
        if (!columns.containsKey(EventField.STATUS) && !columns.containsKey(EventField.SUCCESS)) {
            out.add("status");
        }
        if (!columns.containsKey(EventField.LATENCY_MS)) {
            out.add("latencyMs");
        }
        if (columns.keySet().stream().noneMatch(EventField::isDimension)) {
            out.add("gateway");
        }
        return out;
    }

    /**
     * Fails, with every problem at once, when a mapped column is not there or a required field has no column: the
     * fields missing, the columns found, and the {@code --map} lines that would likely fix it.
     */
    void check(String source, List<String> names) {
        List<String> problems = new ArrayList<>();
        unfoundExplicit.forEach((key, column) -> problems.add("--map " + key + "=" + Excerpt.of(column)
                + ": no column '" + Excerpt.of(column) + "'"));
        List<String> missing = missing();
        if (missing.isEmpty() && problems.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder(source).append(": ");
        if (!problems.isEmpty()) {
            b.append(String.join("; ", problems)).append(". ");
        }
        if (!missing.isEmpty()) {
            b.append("no column holds ").append(String.join(", ", missing.stream().map(ColumnRoles::described).toList()))
                    .append(" (required: ts, status or success, latencyMs, and at least one of gateway, issuer, "
                            + "network, method, merchant). ");
        }
        b.append("Columns found: ").append(names.isEmpty() ? "none" : listed(names)).append('.');
        List<String> fixes = new ArrayList<>();
        ColumnGuess.best(missing.stream().map(EventField::of).toList(), ignored).forEach((f, guess) ->
                fixes.add("'" + Excerpt.of(guess) + "' looks like " + f.key + ": --map " + f.key + "="
                        + Excerpt.of(guess)));
        if (!fixes.isEmpty()) {
            b.append(" Likely fixes: ").append(String.join("; ", fixes)).append('.');
        }
        b.append(" Say which column holds what with --map FIELD=COLUMN (fields: ").append(LogMapping.fieldKeys())
                .append("), or all at once in a --mapping FILE.");
        throw new BadInputException(b.toString());
    }

    /**
     * As {@link #check}, for a topic's records, whose own timestamp is the clock when a value has no ts: a missing ts
     * column is then no problem.
     */
    static void checkRecords(String source, List<String> names, LogMapping mapping) {
        ColumnRoles r = resolve(names, mapping);
        if (r.fieldsToColumns().get(EventField.TS.key) == null) {
            List<String> withTs = new ArrayList<>(names);
            withTs.add(EventField.TS.key);
            r = resolve(withTs, mapping);
        }
        r.check(source, names);
    }

    /** Most headers have a dozen columns; a hostile one has thousands, each of which would be quoted. */
    private static final int LISTED_COLUMNS = 40;

    private static String listed(List<String> names) {
        String shown = String.join(", ", names.stream().limit(LISTED_COLUMNS).map(Excerpt::of).toList());
        return names.size() <= LISTED_COLUMNS ? shown : shown + " and " + (names.size() - LISTED_COLUMNS) + " more";
    }

    private static String described(String key) {
        return switch (key) {
            case "status" -> "status (or success)";
            case "gateway" -> "a dimension (gateway, issuer, network, method or merchant)";
            default -> key;
        };
    }
}
