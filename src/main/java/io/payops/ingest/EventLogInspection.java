package io.payops.ingest;

import io.payops.common.Excerpt;


import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the head of a log would be read, without running the agent ({@code ingest --inspect}): which column holds
 * which field, which columns are ignored, every status word (with its error code) and the status it reads as, with
 * counts, the dimension values seen, the time range and rate, and the bad lines. What a user checks a mapping with
 * before a long run.
 */
public final class EventLogInspection {
    /** Enough lines to see every status word of a normal hour, few enough to answer at once. */
    public static final int LINES = 10_000;
    private static final int VALUES_SHOWN = 8;
    /** Card networks, which an issuer column of another tool sometimes holds. */
    private static final Set<String> NETWORK_NAMES = Set.of("VISA", "MASTERCARD", "MC", "AMEX", "AMERICAN_EXPRESS",
            "RUPAY", "DISCOVER", "JCB", "UNIONPAY", "DINERS", "MAESTRO");

    /** One way a line said its status, and what it reads as. */
    public record StatusReading(String written, String readAs, boolean unmapped, long count) {
    }

    /**
     * @param hints things that look wrong (a column of card networks read as the issuer, say)
     */
    public record Result(String file, String format, long events, long badLines, List<BadLine> firstBadLines,
                         Map<String, String> fields, List<String> ignoredColumns, List<StatusReading> statuses,
                         Map<String, List<String>> values, String firstEventAt, String lastEventAt,
                         double eventsPerSecond, List<String> hints) {
    }

    private EventLogInspection() {
    }

    public static Result inspect(Path file, EventLogFormat format, LogMapping mapping) {
        try (EventLogReader reader = EventLogReader.open(file, format, false, mapping)) {
            EventFields f = new EventFields();
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, String> readAs = new LinkedHashMap<>();
            Map<String, Boolean> unmapped = new LinkedHashMap<>();
            Map<String, Set<String>> values = new LinkedHashMap<>();
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long n = 0;
            while (reader.stats().candidateLines() < LINES && reader.next(f)) {
                n++;
                first = Math.min(first, f.ts);
                last = Math.max(last, f.ts);
                String written = written(f);
                counts.computeIfAbsent(written, k -> new long[1])[0]++;
                readAs.putIfAbsent(written, f.status.name());
                unmapped.putIfAbsent(written, f.unmapped != null);
                value(values, "gateway", f.gateway);
                value(values, "issuer", f.issuer);
                value(values, "network", f.network);
                value(values, "method", f.method);
                value(values, "merchant", f.merchant);
            }
            List<StatusReading> statuses = new ArrayList<>();
            counts.forEach((w, c) -> statuses.add(new StatusReading(w, readAs.get(w), unmapped.get(w), c[0])));
            statuses.sort(java.util.Comparator.comparingLong(StatusReading::count).reversed());
            Map<String, List<String>> shown = new LinkedHashMap<>();
            values.forEach((k, v) -> shown.put(k, List.copyOf(v)));
            EventLogStats stats = reader.stats();
            double seconds = n < 2 ? 0 : (last - first) / 1000.0;
            return new Result(file.toString(), reader.format().key(), n, stats.badLines(), stats.firstBadLines(),
                    stats.fields(), stats.ignoredColumns(), statuses, shown,
                    n == 0 ? null : Instant.ofEpochMilli(first).toString(),
                    n == 0 ? null : Instant.ofEpochMilli(last).toString(), seconds <= 0 ? 0 : (n - 1) / seconds,
                    hints(stats.fields(), values));
        }
    }

    private static String written(EventFields f) {
        String status = f.statusWord != null ? f.statusWord.text()
                : f.successFlag >= 0 ? "success=" + (f.successFlag == 1) : f.status.name();
        return f.codeWord != null && !f.status.success() ? status + " / " + f.codeWord.text() : status;
    }

    private static void value(Map<String, Set<String>> values, String dimension, String v) {
        if (v != null) {
            Set<String> s = values.computeIfAbsent(dimension, k -> new LinkedHashSet<>());
            if (s.size() < 1000) {
                s.add(v);
            }
        }
    }

    private static List<String> hints(Map<String, String> fields, Map<String, Set<String>> values) {
        List<String> out = new ArrayList<>();
        String h = networksAsIssuers(fields.get("issuer"), values.getOrDefault("issuer", Set.of()));
        if (h != null) {
            out.add(h);
        }
        return out;
    }

    /**
     * The hint when every value read as an issuer is a card network name (another tool's "issuer" column holding
     * VISA, MASTERCARD): what a user must see before trusting an issuer incident. Null when it does not apply.
     */
    public static String networksAsIssuers(String column, java.util.Collection<String> issuers) {
        if (column == null || issuers.isEmpty()
                || !issuers.stream().allMatch(v -> NETWORK_NAMES.contains(StatusVocabulary.normalize(v)))) {
            return null;
        }
        return "column '" + Excerpt.of(column) + "' read as the issuer holds card networks ("
                + String.join(", ", issuers) + "): if it is the network, say --map network=" + Excerpt.of(column);
    }

    /** The result as a reader reads it. */
    public static String format(Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s (%s): the first %,d events read as follows (%,d bad lines)%n", r.file(),
                r.format(), r.events(), r.badLines()));
        b.append("fields:\n");
        r.fields().forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-12s <- %s%n", k, v)));
        if (!r.ignoredColumns().isEmpty()) {
            b.append("ignored columns: ").append(String.join(", ", r.ignoredColumns())).append('\n');
        }
        b.append("statuses (as written -> read as, lines):\n");
        for (StatusReading s : r.statuses()) {
            b.append(String.format(Locale.ROOT, "  %-36s -> %-18s %,9d%s%n", s.written(), s.readAs(), s.count(),
                    s.unmapped() ? "  UNMAPPED: say --status-map WORD=STATUS" : ""));
        }
        r.values().forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s: %d value%s: %s%s%n", k, v.size(),
                v.size() == 1 ? "" : "s", String.join(", ", v.subList(0, Math.min(VALUES_SHOWN, v.size()))),
                v.size() > VALUES_SHOWN ? ", ..." : "")));
        b.append(String.format(Locale.ROOT, "time: %s to %s, %.1f events/s%n", r.firstEventAt() == null ? "-"
                : r.firstEventAt(), r.lastEventAt() == null ? "-" : r.lastEventAt(), r.eventsPerSecond()));
        for (BadLine l : r.firstBadLines()) {
            b.append("bad: ").append(l).append('\n');
        }
        for (String h : r.hints()) {
            b.append("hint: ").append(h).append('\n');
        }
        return b.toString();
    }
}
