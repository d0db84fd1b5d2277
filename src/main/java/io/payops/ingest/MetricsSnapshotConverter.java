package io.payops.ingest;

import io.payops.common.Excerpt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.JsonFields;
import io.payops.domain.Dimension;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the MetricsSnapshot other payment-ops tools export (DESIGN §5.5) into our {@link Snapshot}:
 * <ul>
 * <li>all traffic from {@code totalTransactions}, {@code successRate} and {@code latency{p50,p95,p99}}; payments are
 * transactions minus {@code totalRetries} (or {@code retryRatio} × transactions when only the ratio is given);</li>
 * <li>failures (transactions − successes) split by {@code errorBreakdown}, whose codes are mapped to our statuses
 * by {@link StatusVocabulary} (unknown codes count as OTHER_FAILURE, with a warning);</li>
 * <li>each {@code issuerMetrics} entry becomes an {issuer: name} segment whose failures are spread over that
 * error mix in proportion (the export has no per-issuer breakdown).</li>
 * </ul>
 * Optional {@code timestamp} (ISO-8601 or epoch milliseconds) and {@code windowSeconds} are used when present;
 * other keys are ignored with a warning. The result has no baseline: that comes from {@code --baseline}.
 */
final class MetricsSnapshotConverter {
    /** Keys that say a document is a MetricsSnapshot (none of them is a top-level key of our own snapshot). */
    static final List<String> ANCHORS = List.of("successRate", "latency", "totalTransactions", "totalRetries",
            "retryRatio", "errorBreakdown", "issuerMetrics");
    private static final List<String> OPTIONAL = List.of("timestamp", "windowSeconds");
    private static final List<String> ERROR_KEYS = List.of("code", "count", "percentage");
    private static final List<String> ISSUER_KEYS = List.of("issuerId", "issuerName", "successRate", "latency",
            "transactionCount", "errorCount", "retryCount");
    private static final List<String> LATENCY_KEYS = List.of("p50", "p95", "p99");
    static final int DEFAULT_WINDOW_SECONDS = 60;

    private final JsonFields f;
    private final List<String> warnings;
    private final List<String> assumptions;
    private final List<String> ignored = new ArrayList<>();

    private final StatusVocabulary words;

    MetricsSnapshotConverter(JsonFields f, List<String> warnings, List<String> assumptions, StatusVocabulary words) {
        this.words = words;
        this.f = f;
        this.warnings = warnings;
        this.assumptions = assumptions;
    }

    Snapshot convert(ObjectNode obj) {
        noteIgnored(obj, "", concat(ANCHORS, OPTIONAL));
        long tx = f.count(f.required(obj, "", "totalTransactions", "a whole number of transactions, 0 or more"),
                "totalTransactions", "a whole number of transactions, 0 or more");
        double successRate = f.rate(f.required(obj, "", "successRate", "a fraction from 0 to 1"), "successRate");
        double[] latency = latencyObject(f.required(obj, "", "latency", "an object {p50, p95, p99} in milliseconds"),
                "latency");
        long retries = retries(obj, tx);
        long at = timestamp(JsonFields.optional(obj, "timestamp"));
        int window = window(JsonFields.optional(obj, "windowSeconds"));

        Map<Status, Long> raw = errorBreakdown(JsonFields.optional(obj, "errorBreakdown"));
        long rawSum = raw.values().stream().mapToLong(Long::longValue).sum();
        long successes = Math.round(successRate * tx);
        long failures = tx - successes;
        Map<Status, Long> failureCounts;
        if (rawSum > 0 && Math.abs(rawSum - failures) <= tolerance(tx)) {
            // the counts are exact where a rate is rounded: trust them
            failures = rawSum;
            successes = tx - failures;
            failureCounts = raw;
        } else if (failures == 0) {
            if (rawSum > 0) {
                warnings.add(f.source() + ": errorBreakdown: counts add up to " + rawSum + " failures, but successRate "
                        + "× totalTransactions leaves none; the breakdown was ignored");
            }
            failureCounts = Map.of();
        } else if (rawSum == 0) {
            warnings.add(f.source() + ": errorBreakdown: " + (raw.isEmpty() ? "missing" : "all counts are 0") + ", so the "
                    + failures + " failures implied by successRate have no known cause; counted as GATEWAY_ERROR");
            failureCounts = Map.of(Status.GATEWAY_ERROR, failures);
        } else {
            warnings.add(f.source() + ": errorBreakdown: counts add up to " + rawSum + " failures, but successRate "
                    + "× totalTransactions gives " + failures + "; the error mix was scaled to " + failures);
            failureCounts = allocate(failures, raw);
        }
        SegmentStats total = stats(Target.ALL, tx, retries, successes, latency, failureCounts, window);
        List<SegmentStats> issuers = issuers(JsonFields.optional(obj, "issuerMetrics"), failureCounts, raw, window);
        if (!ignored.isEmpty()) {
            warnings.add(f.source() + ": ignored keys not part of the MetricsSnapshot shape: "
                    + String.join(", ", ignored));
        }
        return new Snapshot(at, window, 0, total, issuers, null, List.of());
    }

    // ---- parts ----

    private double[] latencyObject(JsonNode node, String path) {
        ObjectNode obj = f.object(node, path, "an object {p50, p95, p99} in milliseconds");
        noteIgnored(obj, path, LATENCY_KEYS);
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) {
            String key = LATENCY_KEYS.get(i);
            p[i] = f.nonNegative(f.required(obj, path, key, "milliseconds, 0 or more"), JsonFields.child(path, key),
                    "milliseconds, 0 or more");
        }
        if (p[0] > p[1] || p[1] > p[2]) {
            String bad = p[0] > p[1] ? "p95" : "p99";
            throw f.error(JsonFields.child(path, bad), String.format(Locale.ROOT, "is below %s (p50 %s, p95 %s, p99 %s; "
                            + "expected p50 ≤ p95 ≤ p99)", bad.equals("p95") ? "p50" : "p95", num(p[0]), num(p[1]),
                    num(p[2])));
        }
        return p;
    }

    private long retries(ObjectNode obj, long tx) {
        JsonNode n = JsonFields.optional(obj, "totalRetries");
        JsonNode ratio = JsonFields.optional(obj, "retryRatio");
        double r = ratio == null ? Double.NaN : f.rate(ratio, "retryRatio");
        if (n != null) {
            long retries = f.count(n, "totalRetries", "a whole number of retries, 0 or more");
            if (retries > tx) {
                throw f.error("totalRetries", retries + " is more than the " + tx + " totalTransactions (expected at most "
                        + "totalTransactions: retries are transactions too)");
            }
            if (!Double.isNaN(r) && tx > 0 && Math.abs((double) retries / tx - r) > 0.01) {
                warnings.add(String.format(Locale.ROOT, "%s: retryRatio: %s differs from totalRetries / totalTransactions"
                        + " = %.4f; totalRetries was used", f.source(), ratio.asText(), (double) retries / tx));
            }
            return retries;
        }
        if (!Double.isNaN(r)) {
            return Math.round(r * tx);
        }
        assumptions.add("The file gives neither totalRetries nor retryRatio: no retries assumed.");
        return 0;
    }

    private long timestamp(JsonNode n) {
        if (n == null) {
            return 0;
        }
        if (n.isNumber()) {
            return f.count(n, "timestamp", "epoch milliseconds or an ISO-8601 date-time");
        }
        String text = f.string(n, "timestamp", "epoch milliseconds or an ISO-8601 date-time");
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw f.error("timestamp", "'" + Excerpt.of(text) + "' is not a date-time (expected epoch "
                        + "milliseconds or an ISO-8601 date-time such as 2024-05-01T10:15:00Z)");
            }
        }
    }

    private int window(JsonNode n) {
        if (n == null) {
            assumptions.add("The file has no windowSeconds: the window is taken to be " + DEFAULT_WINDOW_SECONDS + " s.");
            return DEFAULT_WINDOW_SECONDS;
        }
        String expected = "a whole number of seconds from 1 to 31536000";
        long v = f.count(n, "windowSeconds", expected);
        if (v < 1 || v > 31_536_000) {
            throw f.error("windowSeconds", n.asText() + " is out of range (expected " + expected + ")");
        }
        return (int) v;
    }

    /** Failure counts by status, summed over codes that map to the same status. */
    private Map<Status, Long> errorBreakdown(JsonNode node) {
        Map<Status, Long> out = new EnumMap<>(Status.class);
        if (node == null) {
            return out;
        }
        String expected = "an array of {code, count, percentage}";
        ArrayNode arr = f.array(node, "errorBreakdown", expected);
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            String p = JsonFields.index("errorBreakdown", i);
            ObjectNode e = f.object(arr.get(i), p, "an object {code, count, percentage}");
            noteIgnored(e, p, ERROR_KEYS);
            String code = f.string(f.required(e, p, "code", "an error code such as ISSUER_DOWN"),
                    JsonFields.child(p, "code"), "an error code such as ISSUER_DOWN");
            long count = f.count(f.required(e, p, "count", "a whole number, 0 or more"), JsonFields.child(p, "count"),
                    "a whole number, 0 or more");
            JsonNode pct = JsonFields.optional(e, "percentage");
            if (pct != null) {
                double v = f.number(pct, JsonFields.child(p, "percentage"), "a percentage from 0 to 100");
                if (v < 0 || v > 100) {
                    throw f.error(JsonFields.child(p, "percentage"), pct.asText()
                            + " is out of range (expected a percentage from 0 to 100)");
                }
            }
            StatusVocabulary.Word word = words.read(code);
            if (word.kind() == StatusVocabulary.Kind.SUCCESS) {
                throw f.error(JsonFields.child(p, "code"), "'" + Excerpt.of(code) + "' is not an error (expected a "
                        + "failure code such as ISSUER_DOWN, TIMEOUT or DECLINED; successes come from successRate)");
            }
            if (word.kind() == StatusVocabulary.Kind.UNMAPPED) {
                unknown.add(code);
            }
            // a failure all the same: an unknown code is OTHER_FAILURE (or a decline when it reads like one)
            Status s = word.status();
            out.merge(s, count, Long::sum);
        }
        if (!unknown.isEmpty()) {
            warnings.add(f.source() + ": errorBreakdown: unknown error code" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " counted as OTHER_FAILURE, or USER_DECLINED where the code reads "
                    + "like a decline (known: ISSUER_DOWN, BANK_TIMEOUT, GATEWAY_ERROR, NETWORK_ERROR, USER_DECLINED, "
                    + "INSUFFICIENT_FUNDS in any case, aliases such as ISSUER_UNAVAILABLE, TIMEOUT, DECLINED, "
                    + "DO_NOT_HONOR, NSF; say others with --status-map CODE=STATUS)");
        }
        return out;
    }

    private List<SegmentStats> issuers(JsonNode node, Map<Status, Long> mix, Map<Status, Long> rawMix, int window) {
        List<SegmentStats> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        ArrayNode arr = f.array(node, "issuerMetrics", "an array of {issuerId, issuerName, successRate, latency, "
                + "transactionCount, errorCount, retryCount}");
        Map<String, Integer> seen = new LinkedHashMap<>();
        boolean unknownCause = false;
        for (int i = 0; i < arr.size(); i++) {
            String p = JsonFields.index("issuerMetrics", i);
            ObjectNode e = f.object(arr.get(i), p, "an object {issuerId, issuerName, successRate, latency, "
                    + "transactionCount, errorCount, retryCount}");
            noteIgnored(e, p, ISSUER_KEYS);
            String name = issuerName(e, p);
            Integer before = seen.putIfAbsent(name, i);
            if (before != null) {
                throw f.error(p, "issuer '" + Excerpt.of(name) + "' appears twice (also at "
                        + JsonFields.index("issuerMetrics", before) + "; expected one entry per issuer)");
            }
            long tx = f.count(f.required(e, p, "transactionCount", "a whole number, 0 or more"),
                    JsonFields.child(p, "transactionCount"), "a whole number, 0 or more");
            double rate = f.rate(f.required(e, p, "successRate", "a fraction from 0 to 1"),
                    JsonFields.child(p, "successRate"));
            JsonNode lat = JsonFields.optional(e, "latency");
            double[] latency;
            if (lat == null) {
                latency = new double[3];
            } else if (lat.isNumber()) {
                double v = f.nonNegative(lat, JsonFields.child(p, "latency"), "milliseconds, 0 or more, or {p50, p95, p99}");
                latency = new double[] {v, v, v};
            } else {
                latency = latencyObject(lat, JsonFields.child(p, "latency"));
            }
            long retries = optionalCount(e, p, "retryCount", tx);
            long successes = Math.round(rate * tx);
            long failures = tx - successes;
            JsonNode ec = JsonFields.optional(e, "errorCount");
            if (ec != null) {
                long errors = optionalCount(e, p, "errorCount", tx);
                if (Math.abs(errors - failures) <= tolerance(tx)) {
                    failures = errors;
                    successes = tx - errors;
                } else {
                    warnings.add(f.source() + ": " + JsonFields.child(p, "errorCount") + ": " + errors + " differs from "
                            + "(1 − successRate) × transactionCount = " + failures + "; the latter was used");
                }
            }
            Map<Status, Long> weights = mix;
            if (weights.isEmpty()) {
                // all traffic shows no failures, yet this issuer has some: spread them as the export's codes say
                boolean anyRaw = rawMix.values().stream().anyMatch(c -> c > 0);
                weights = anyRaw ? rawMix : Map.of(Status.GATEWAY_ERROR, 1L);
                unknownCause |= !anyRaw && failures > 0;
            }
            Map<Status, Long> counts = failures == 0 ? Map.of() : allocate(failures, weights);
            out.add(stats(Target.of(Dimension.ISSUER, name), tx, retries, successes, latency, counts, window));
        }
        if (!arr.isEmpty()) {
            assumptions.add(IssuerSpread.PROPORTIONAL);
            assumptions.add(IssuerSpread.ISSUER_ONLY);
        }
        if (unknownCause) {
            warnings.add(f.source() + ": issuerMetrics: failures with no error breakdown to spread them over are "
                    + "counted as GATEWAY_ERROR");
        }
        return out;
    }

    private String issuerName(ObjectNode e, String p) {
        JsonNode name = JsonFields.optional(e, "issuerName");
        if (name != null && !(name.isTextual() && name.textValue().isBlank())) {
            return f.string(name, JsonFields.child(p, "issuerName"), "the issuer's name, a non-empty string");
        }
        JsonNode id = JsonFields.optional(e, "issuerId");
        if (id == null) {
            throw f.error(JsonFields.child(p, "issuerName"), "missing, and so is issuerId (expected a non-empty string "
                    + "naming the issuer in one of them)");
        }
        if (id.isIntegralNumber()) {
            return id.asText();
        }
        return f.string(id, JsonFields.child(p, "issuerId"), "the issuer's id, a non-empty string or a whole number");
    }

    private long optionalCount(ObjectNode e, String p, String key, long tx) {
        JsonNode n = JsonFields.optional(e, key);
        if (n == null) {
            return 0;
        }
        long v = f.count(n, JsonFields.child(p, key), "a whole number, 0 or more");
        if (v > tx) {
            throw f.error(JsonFields.child(p, key), v + " is more than the " + tx
                    + " transactionCount (expected at most transactionCount)");
        }
        return v;
    }

    // ---- helpers ----

    private static SegmentStats stats(Target target, long tx, long retries, long successes, double[] latency,
                                      Map<Status, Long> failures, int window) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        if (successes > 0) {
            counts.put(Status.SUCCESS, successes);
        }
        failures.forEach((s, c) -> {
            if (c > 0) {
                counts.merge(s, c, Long::sum);
            }
        });
        long payments = tx - retries;
        // A MetricsSnapshot has percentiles but no per-attempt latencies, so the slow counts are unknown (not zero).
        return new SegmentStats(target, tx, payments, successes, tx == 0 ? 0 : (double) successes / tx,
                latency[0], latency[1], latency[2], payments == 0 ? 0 : (double) tx / payments,
                (double) tx / window, counts);
    }

    /** Splits {@code n} over the keys in proportion to their weights (largest remainder), so the parts sum to n. */
    static Map<Status, Long> allocate(long n, Map<Status, Long> weights) {
        double sum = weights.values().stream().mapToLong(Long::longValue).sum();
        Map<Status, Long> out = new EnumMap<>(Status.class);
        if (n <= 0 || sum <= 0) {
            return out;
        }
        Map<Status, Double> remainder = new EnumMap<>(Status.class);
        long given = 0;
        for (var e : weights.entrySet()) {
            double exact = n * (e.getValue() / sum);
            long floor = (long) Math.floor(exact);
            out.put(e.getKey(), floor);
            remainder.put(e.getKey(), exact - floor);
            given += floor;
        }
        List<Status> order = new ArrayList<>(remainder.keySet());
        order.sort((a, b) -> Double.compare(remainder.get(b), remainder.get(a)));
        for (int i = 0; given < n; i = (i + 1) % order.size()) {
            out.merge(order.get(i), 1L, Long::sum);
            given++;
        }
        out.values().removeIf(c -> c == 0);
        return out;
    }

    /** How far counts and a rounded rate may disagree and still be the same numbers. */
    private static long tolerance(long tx) {
        return Math.max(1, Math.round(0.005 * tx));
    }

    private void noteIgnored(ObjectNode obj, String path, List<String> known) {
        obj.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                ignored.add(JsonFields.child(path, k));
            }
        });
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
