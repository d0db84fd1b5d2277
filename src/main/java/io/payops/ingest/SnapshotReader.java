package io.payops.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.BadInputException;
import io.payops.common.BoundedInput;
import io.payops.common.Json;
import io.payops.common.JsonFields;
import io.payops.domain.LatencyLadder;
import io.payops.domain.SegmentStats;
import io.payops.domain.SlowCounts;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a metrics snapshot file (DESIGN §5.5) and tells its shape from its keys: our own {@link Snapshot} JSON (as
 * {@link Json#mapper()} writes it: {@code atMillis}, {@code windowSeconds}, {@code total}, {@code segments}, ...) or
 * the MetricsSnapshot other payment-ops tools export ({@code successRate}, {@code totalTransactions},
 * {@code errorBreakdown}, {@code issuerMetrics}, ...), which {@link MetricsSnapshotConverter} turns into ours.
 * Anything else is a {@link BadInputException} whose one-line message names the file, the field and what was expected.
 */
public final class SnapshotReader {
    /**
     * Snapshots larger than this are refused, counted while reading, rather than read into memory: an export with a
     * thousand issuers and their error breakdowns is a few MB, and the JSON tree of 32 MB still fits a default heap.
     */
    static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    /** The shapes understood; {@link #key()} is how the analysis output names them. */
    public enum Shape {
        PAYOPS_SNAPSHOT, METRICS_SNAPSHOT;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What was read: the snapshot, its shape, warnings about the data (unknown codes, counts that disagree, keys
     * ignored) and assumptions made where the file is silent (each one sentence).
     */
    public record Result(Snapshot snapshot, Shape shape, List<String> warnings, List<String> assumptions) {
        public Result {
            warnings = List.copyOf(warnings);
            assumptions = List.copyOf(assumptions);
        }
    }

    static final List<String> SNAPSHOT_KEYS = List.of("atMillis", "windowSeconds", "baselineSeconds", "total",
            "segments", "baselineTotal", "baselineSegments", "recentTotal", "recentSegments");
    private static final List<String> SNAPSHOT_ANCHORS = List.of("atMillis", "total", "segments");
    private static final List<String> SEGMENT_KEYS = List.of("target", "attempts", "payments", "successes",
            "successRate", "p50", "p95", "p99", "attemptsPerPayment", "attemptsPerSecond", "statusCounts",
            "slowCounts");
    private static final String EXPECTED_SHORT = "a PayOps snapshot or a MetricsSnapshot JSON object";
    private static final String EXPECTED_DOCUMENT = "a JSON object: a PayOps snapshot (atMillis, windowSeconds, "
            + "total, segments, ...) or a MetricsSnapshot (successRate, latency, totalTransactions, errorBreakdown, "
            + "issuerMetrics, ...)";

    /** How a snapshot path ({@code analyze --metrics FILE|-}, {@code --baseline FILE|-}) is read. */
    private static final BoundedInput INPUT = new BoundedInput(EXPECTED_SHORT,
            MAX_FILE_BYTES, true);

    private SnapshotReader() {
    }

    /**
     * Reads one file. {@code role} names it in messages, e.g. "metrics file" gives {@code metrics file 'x.json': ...}.
     */
    public static Result read(Path file, String role) {
        return read(file, role, StatusVocabulary.BUILT_IN_ONLY);
    }

    /** Reads one file, its error codes read through {@code words} (the user's {@code --status-map} and ours). */
    public static Result read(Path file, String role, StatusVocabulary words) {
        String source = role + " '" + file + "'";
        return parse(INPUT.readText(file, source), source, words);
    }

    /**
     * As {@link #read(Path, String, StatusVocabulary)}, where {@code -} reads {@code stdin} (at most
     * {@link #MAX_FILE_BYTES}); messages name it as {@code <role> from standard input}.
     */
    public static Result read(Path file, String role, StatusVocabulary words, java.io.InputStream stdin) {
        if (!BoundedInput.isStandardInput(file)) {
            return read(file, role, words);
        }
        String source = role + " from standard input";
        return parse(INPUT.readText(stdin, source), source, words);
    }

    /** Parses text already in memory; {@code source} names it in messages as-is. */
    public static Result parse(String text, String source) {
        return parse(text, source, StatusVocabulary.BUILT_IN_ONLY);
    }

    /** Parses text already in memory, its error codes read through {@code words}. */
    public static Result parse(String text, String source, StatusVocabulary words) {
        JsonFields f = JsonFields.strict(source);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw f.error("", "is empty (expected " + EXPECTED_SHORT + ")");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String why = e.getOriginalMessage() == null ? "" : ": " + e.getOriginalMessage().lines().findFirst().orElse("");
            throw f.error("", "is not valid JSON" + where + why + " (expected " + EXPECTED_SHORT + ")");
        }
        ObjectNode obj = f.object(root, "", EXPECTED_DOCUMENT);
        List<String> keys = new ArrayList<>();
        obj.fieldNames().forEachRemaining(keys::add);
        boolean metrics = keys.stream().anyMatch(MetricsSnapshotConverter.ANCHORS::contains);
        boolean ours = keys.stream().anyMatch(SNAPSHOT_ANCHORS::contains);
        if (metrics) {
            List<String> warnings = new ArrayList<>();
            List<String> assumptions = new ArrayList<>();
            Snapshot s = new MetricsSnapshotConverter(f, warnings, assumptions, words).convert(obj);
            return new Result(s, Shape.METRICS_SNAPSHOT, warnings, assumptions);
        }
        if (ours) {
            return new Result(snapshot(f, obj), Shape.PAYOPS_SNAPSHOT, List.of(), List.of());
        }
        throw f.error("", "is neither shape: found " + (keys.isEmpty() ? "no keys" : "keys " + String.join(", ", keys))
                + " (expected " + EXPECTED_DOCUMENT + ")");
    }

    // ---- our own snapshot ----

    private static Snapshot snapshot(JsonFields f, ObjectNode obj) {
        f.onlyKeys(obj, "", SNAPSHOT_KEYS);
        long at = f.count(f.required(obj, "", "atMillis", "milliseconds since the start, a whole number"),
                "atMillis", "a whole number of milliseconds, 0 or more");
        int window = seconds(f, obj, "windowSeconds", 1);
        int baselineSeconds = seconds(f, obj, "baselineSeconds", 0);
        SegmentStats total = segment(f, f.required(obj, "", "total", "an object with all traffic's stats"), "total", true);
        List<SegmentStats> segments = segments(f, f.required(obj, "", "segments", "an array of segment stats"),
                "segments");
        JsonNode bt = JsonFields.optional(obj, "baselineTotal");
        SegmentStats baselineTotal = bt == null ? null : segment(f, bt, "baselineTotal", true);
        JsonNode bs = JsonFields.optional(obj, "baselineSegments");
        List<SegmentStats> baselineSegments = bs == null ? List.of() : segments(f, bs, "baselineSegments");
        JsonNode rt = JsonFields.optional(obj, "recentTotal");
        SegmentStats recentTotal = rt == null ? null : segment(f, rt, "recentTotal", true);
        JsonNode rs = JsonFields.optional(obj, "recentSegments");
        List<SegmentStats> recentSegments = rs == null ? List.of() : segments(f, rs, "recentSegments");
        return new Snapshot(at, window, baselineSeconds, total, segments, baselineTotal, baselineSegments, recentTotal,
                recentSegments);
    }

    private static int seconds(JsonFields f, ObjectNode obj, String key, int min) {
        String expected = "a whole number of seconds from " + min + " to 31536000";
        JsonNode n = f.required(obj, "", key, expected);
        long v = f.count(n, key, expected);
        if (v < min || v > 31_536_000) {
            throw f.error(key, n.asText() + " is out of range (expected " + expected + ")");
        }
        return (int) v;
    }

    private static List<SegmentStats> segments(JsonFields f, JsonNode node, String path) {
        ArrayNode arr = f.array(node, path, "an array of segment stats");
        List<SegmentStats> out = new ArrayList<>();
        Map<Target, Integer> seen = new HashMap<>();
        for (int i = 0; i < arr.size(); i++) {
            String p = JsonFields.index(path, i);
            SegmentStats s = segment(f, arr.get(i), p, false);
            Integer before = seen.putIfAbsent(s.target(), i);
            if (before != null) {
                throw f.error(JsonFields.child(p, "target"), "{" + s.target() + "} appears twice (also at "
                        + JsonFields.index(path, before) + "; expected each segment once)");
            }
            out.add(s);
        }
        return out;
    }

    static SegmentStats segment(JsonFields f, JsonNode node, String path, boolean allTraffic) {
        ObjectNode obj = f.object(node, path, "an object with a segment's stats (" + String.join(", ", SEGMENT_KEYS) + ")");
        f.onlyKeys(obj, path, SEGMENT_KEYS);
        Target target = target(f, f.required(obj, path, "target", "an object such as {\"gateway\": \"stripe\"}"),
                JsonFields.child(path, "target"));
        if (allTraffic && !target.isAll()) {
            throw f.error(JsonFields.child(path, "target"), "{" + target + "} is not all traffic (expected {})");
        }
        if (!allTraffic && target.isAll()) {
            throw f.error(JsonFields.child(path, "target"), "is empty (expected a segment such as {\"gateway\": "
                    + "\"stripe\"}; all traffic belongs in the total)");
        }
        long attempts = countField(f, obj, path, "attempts");
        long payments = countField(f, obj, path, "payments");
        long successes = countField(f, obj, path, "successes");
        if (successes > attempts) {
            throw f.error(JsonFields.child(path, "successes"), successes + " is more than the " + attempts
                    + " attempts (expected at most attempts)");
        }
        if (payments > attempts) {
            throw f.error(JsonFields.child(path, "payments"), payments + " is more than the " + attempts
                    + " attempts (expected at most attempts: payments count first attempts)");
        }
        double successRate = f.rate(f.required(obj, path, "successRate", "a fraction from 0 to 1"),
                JsonFields.child(path, "successRate"));
        double p50 = msField(f, obj, path, "p50");
        double p95 = msField(f, obj, path, "p95");
        double p99 = msField(f, obj, path, "p99");
        double apm = f.nonNegative(f.required(obj, path, "attemptsPerPayment", "a number, 0 or more"),
                JsonFields.child(path, "attemptsPerPayment"), "a number, 0 or more");
        double aps = f.nonNegative(f.required(obj, path, "attemptsPerSecond", "a number, 0 or more"),
                JsonFields.child(path, "attemptsPerSecond"), "a number, 0 or more");
        Map<Status, Long> counts = statusCounts(f, f.required(obj, path, "statusCounts",
                "an object of counts keyed by status"), JsonFields.child(path, "statusCounts"), attempts, successes);
        JsonNode slow = JsonFields.optional(obj, "slowCounts");
        SlowCounts slowCounts = slow == null ? null
                : slowCounts(f, slow, JsonFields.child(path, "slowCounts"), attempts);
        return new SegmentStats(target, attempts, payments, successes, successRate, p50, p95, p99, apm, aps, counts,
                slowCounts);
    }

    /**
     * The attempts slower than each rung of the latency ladder; absent or null means unknown (see
     * {@link SegmentStats}), which is what a snapshot written before the ladder existed holds.
     */
    private static SlowCounts slowCounts(JsonFields f, JsonNode node, String path, long attempts) {
        String expected = "an array of " + LatencyLadder.RUNGS + " counts of attempts slower than "
                + Arrays.toString(LatencyLadder.rungs()) + " ms, none larger than the one before";
        ArrayNode arr = f.array(node, path, expected);
        if (arr.size() != LatencyLadder.RUNGS) {
            throw f.error(path, "has " + arr.size() + " counts (expected " + expected + ")");
        }
        long[] counts = new long[arr.size()];
        for (int k = 0; k < counts.length; k++) {
            String p = JsonFields.index(path, k);
            counts[k] = f.count(arr.get(k), p, "a whole number, 0 or more");
            long limit = k == 0 ? attempts : counts[k - 1];
            if (counts[k] > limit) {
                throw f.error(p, counts[k] + " is more than " + (k == 0 ? "the " + attempts + " attempts"
                        : "the " + limit + " slower than " + LatencyLadder.rungMs(k - 1) + " ms")
                        + " (expected " + expected + ")");
            }
        }
        return SlowCounts.of(counts);
    }

    private static Target target(JsonFields f, JsonNode node, String path) {
        ObjectNode obj = f.object(node, path, "an object such as {\"gateway\": \"stripe\"}");
        Map<String, String> values = new HashMap<>();
        for (var e : obj.properties()) {
            values.put(e.getKey(), f.string(e.getValue(), JsonFields.child(path, e.getKey()), "a non-empty string"));
        }
        try {
            return Target.fromJson(values);
        } catch (IllegalArgumentException e) {
            throw f.error(path, e.getMessage());
        }
    }

    private static long countField(JsonFields f, ObjectNode obj, String path, String key) {
        return f.count(f.required(obj, path, key, "a whole number, 0 or more"), JsonFields.child(path, key),
                "a whole number, 0 or more");
    }

    private static double msField(JsonFields f, ObjectNode obj, String path, String key) {
        return f.nonNegative(f.required(obj, path, key, "milliseconds, 0 or more"), JsonFields.child(path, key),
                "milliseconds, 0 or more");
    }

    private static Map<Status, Long> statusCounts(JsonFields f, JsonNode node, String path, long attempts,
                                                  long successes) {
        ObjectNode obj = f.object(node, path, "an object of counts keyed by status");
        String names = Arrays.stream(Status.values()).map(Status::name).collect(Collectors.joining(", "));
        Map<Status, Long> out = new EnumMap<>(Status.class);
        long sum = 0;
        for (var e : obj.properties()) {
            Status s;
            try {
                s = Status.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw f.error(JsonFields.child(path, e.getKey()), "unknown status (expected one of " + names + ")");
            }
            long c = f.count(e.getValue(), JsonFields.child(path, e.getKey()), "a whole number, 0 or more");
            out.put(s, c);
            sum += c;
        }
        if (sum != attempts) {
            throw f.error(path, "counts add up to " + sum + " (expected the " + attempts + " attempts)");
        }
        if (out.getOrDefault(Status.SUCCESS, 0L) != successes) {
            throw f.error(JsonFields.child(path, "SUCCESS"), out.getOrDefault(Status.SUCCESS, 0L)
                    + " differs from successes (expected " + successes + ")");
        }
        return out;
    }
}
