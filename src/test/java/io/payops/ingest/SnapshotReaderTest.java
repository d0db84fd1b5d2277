package io.payops.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.payops.common.BadInputException;
import io.payops.common.Json;
import io.payops.domain.Dimension;
import io.payops.domain.SegmentStats;
import io.payops.domain.Snapshot;
import io.payops.domain.Status;
import io.payops.domain.Target;
import io.payops.engine.Engine;
import io.payops.policy.StaticPolicy;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotReaderTest {

    @TempDir
    Path dir;

    /** A real snapshot: 330 s into the stripe outage (which starts at 300 s), static routing. */
    static Snapshot stripeOutage;

    @BeforeAll
    static void simulate() {
        Engine engine = new Engine(ScenarioLoader.builtIn("stripe-outage"), new StaticPolicy());
        for (int i = 0; i < 330; i++) {
            engine.step();
        }
        stripeOutage = engine.lastFrame().snapshot();
    }

    static Path fixture(String name) {
        try {
            return Path.of(SnapshotReaderTest.class.getResource("/analyze/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** A valid MetricsSnapshot as a tree, for tests to break one field at a time. */
    static ObjectNode metrics() {
        try {
            return (ObjectNode) Json.mapper().readTree("""
                    {
                      "successRate": 0.9,
                      "latency": {"p50": 400, "p95": 900, "p99": 1300},
                      "totalTransactions": 1000,
                      "totalRetries": 50,
                      "errorBreakdown": [
                        {"code": "ISSUER_DOWN", "count": 60, "percentage": 60},
                        {"code": "DECLINED", "count": 40, "percentage": 40}
                      ],
                      "issuerMetrics": [
                        {"issuerId": "sbi", "issuerName": "SBI", "successRate": 0.8, "latency": {"p50": 420, "p95": 950, "p99": 1400},
                         "transactionCount": 400, "errorCount": 80, "retryCount": 30},
                        {"issuerId": "hdfc", "issuerName": "HDFC", "successRate": 0.95, "latency": 380,
                         "transactionCount": 400, "errorCount": 20, "retryCount": 10}
                      ]
                    }
                    """);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SnapshotReader.Result parse(ObjectNode node) {
        return SnapshotReader.parse(node.toString(), "metrics file 'm.json'");
    }

    // ---- our own snapshot ----

    @Test
    void ownSnapshotRoundTrips() throws IOException {
        assertTrue(stripeOutage.total().count(Status.GATEWAY_ERROR) > 100, "the outage is in the window");
        String json = Json.mapper().writeValueAsString(stripeOutage);
        SnapshotReader.Result r = SnapshotReader.read(write("snap.json", json), "metrics file");
        assertEquals(SnapshotReader.Shape.PAYOPS_SNAPSHOT, r.shape());
        assertEquals(stripeOutage, r.snapshot());
        assertEquals(List.of(), r.warnings());

        // and as pretty-printed, the way a person would save it
        Snapshot again = SnapshotReader.parse(Json.pretty().writeValueAsString(stripeOutage), "x").snapshot();
        assertEquals(stripeOutage, again);
        assertEquals(stripeOutage.segment(Target.gateway("stripe")), again.segment(Target.gateway("stripe")));
    }

    @Test
    void ownSnapshotWithoutOptionalWindowsReads() {
        Snapshot s = new Snapshot(5000, 60, 900, stripeOutage.total(), stripeOutage.segments(), null, List.of());
        ObjectNode node = Json.mapper().valueToTree(s);
        node.remove("recentTotal");
        node.remove("recentSegments");
        Snapshot read = SnapshotReader.parse(node.toString(), "x").snapshot();
        assertNull(read.baselineTotal());
        assertEquals(List.of(), read.baselineSegments());
        assertEquals(s.segments(), read.segments());
    }

    @Test
    void ownSnapshotWithoutSlowCountsReadsThemAsUnknown() {
        assertTrue(stripeOutage.total().slowerThan(2) > 0, "the observer counts slow attempts");
        ObjectNode node = Json.mapper().valueToTree(stripeOutage);
        List<JsonNode> stats = new ArrayList<>(node.findParents("slowCounts"));
        assertTrue(stats.size() > 10, "every window, baseline and recent stats carry them");
        stats.forEach(n -> ((ObjectNode) n).remove("slowCounts"));
        Snapshot read = SnapshotReader.parse(node.toString(), "x").snapshot();
        assertFalse(read.total().slowCountsKnown());
        assertTrue(Double.isNaN(read.total().slowShare(2)));
        assertTrue(read.segments().stream().noneMatch(SegmentStats::slowCountsKnown));
        assertEquals(stripeOutage.total().attempts(), read.total().attempts());
        assertEquals(stripeOutage.segments().size(), read.segments().size());
    }

    // ---- the MetricsSnapshot shape ----

    @Test
    void metricsSnapshotConvertsToOurs() {
        SnapshotReader.Result r = SnapshotReader.read(fixture("sbi-degraded.json"), "metrics file");
        assertEquals(SnapshotReader.Shape.METRICS_SNAPSHOT, r.shape());
        assertEquals(List.of(), r.warnings(), "aliases are known codes");
        Snapshot s = r.snapshot();
        assertEquals(300, s.windowSeconds());
        assertEquals(java.time.Instant.parse("2024-05-01T10:15:00Z").toEpochMilli(), s.atMillis());
        SegmentStats t = s.total();
        assertEquals(Target.ALL, t.target());
        assertEquals(10_000, t.attempts());
        assertEquals(9_200, t.payments());
        assertEquals(8_730, t.successes());
        assertEquals(0.873, t.successRate(), 1e-9);
        assertEquals(960, t.p95());
        assertEquals(10_000 / 9_200.0, t.attemptsPerPayment(), 1e-9);
        assertEquals(8_730, t.count(Status.SUCCESS));
        assertEquals(750, t.count(Status.ISSUER_DOWN), "ISSUER_UNAVAILABLE");
        assertEquals(110, t.count(Status.BANK_TIMEOUT), "TIMEOUT");
        assertEquals(30, t.count(Status.GATEWAY_ERROR));
        assertEquals(30, t.count(Status.NETWORK_ERROR));
        assertEquals(230, t.count(Status.USER_DECLINED), "DECLINED");
        assertEquals(120, t.count(Status.INSUFFICIENT_FUNDS));
        assertNull(s.baselineTotal());

        assertEquals(5, s.segments().size());
        SegmentStats sbi = s.segment(Target.of(Dimension.ISSUER, "SBI"));
        assertEquals(2_200, sbi.attempts());
        assertEquals(1_800, sbi.payments());
        assertEquals(1_320, sbi.successes());
        assertEquals(1_150, sbi.p95());
        assertEquals(sbi.attempts(), sbi.statusCounts().values().stream().mapToLong(Long::longValue).sum());
        // spread over the overall mix in proportion: 880 × 750 / 1270 ≈ 519.7
        assertEquals(520, sbi.count(Status.ISSUER_DOWN), 1);
        assertTrue(r.assumptions().contains(IssuerSpread.PROPORTIONAL), r.assumptions().toString());
    }

    @Test
    void aByteOrderMarkIsAllowed() throws IOException {
        Path file = write("bom.json", "\uFEFF" + metrics());
        assertEquals(1000, SnapshotReader.read(file, "metrics file").snapshot().total().attempts());
    }

    @Test
    void issuerIdNamesTheSegmentWhenThereIsNoName() {
        ObjectNode m = metrics();
        ((ObjectNode) m.get("issuerMetrics").get(0)).remove("issuerName");
        ((ObjectNode) m.get("issuerMetrics").get(1)).put("issuerId", 42).remove("issuerName");
        Snapshot s = parse(m).snapshot();
        assertEquals(List.of(Target.of(Dimension.ISSUER, "sbi"), Target.of(Dimension.ISSUER, "42")),
                s.segments().stream().map(SegmentStats::target).toList());
        SegmentStats hdfc = s.segments().get(1);
        assertEquals(380, hdfc.p50());
        assertEquals(380, hdfc.p99(), "a single latency number stands for every percentile");
    }

    @Test
    void errorCodesMapCaseInsensitivelyWithAliases() {
        assertEquals(Status.ISSUER_DOWN, StatusVocabulary.BUILT_IN_ONLY.failure("issuer_down"));
        assertEquals(Status.ISSUER_DOWN, StatusVocabulary.BUILT_IN_ONLY.failure("ISSUER_UNAVAILABLE"));
        assertEquals(Status.BANK_TIMEOUT, StatusVocabulary.BUILT_IN_ONLY.failure("Timeout"));
        assertEquals(Status.BANK_TIMEOUT, StatusVocabulary.BUILT_IN_ONLY.failure("bank-timeout"));
        assertEquals(Status.GATEWAY_ERROR, StatusVocabulary.BUILT_IN_ONLY.failure("gateway error"));
        assertEquals(Status.NETWORK_ERROR, StatusVocabulary.BUILT_IN_ONLY.failure("NETWORK_ERROR"));
        assertEquals(Status.USER_DECLINED, StatusVocabulary.BUILT_IN_ONLY.failure("DECLINED"));
        assertEquals(Status.USER_DECLINED, StatusVocabulary.BUILT_IN_ONLY.failure("user_declined"));
        assertEquals(Status.INSUFFICIENT_FUNDS, StatusVocabulary.BUILT_IN_ONLY.failure("Insufficient_Funds"));
        assertEquals(Status.USER_DECLINED, StatusVocabulary.BUILT_IN_ONLY.failure("FRAUD_SUSPECTED"));
        assertEquals(Status.BANK_TIMEOUT, StatusVocabulary.BUILT_IN_ONLY.failure("networkTimeout"));
        assertNull(StatusVocabulary.BUILT_IN_ONLY.failure("E99"), "an unknown code names no status");
        assertEquals(Status.OTHER_FAILURE, StatusVocabulary.BUILT_IN_ONLY.read("E99").status(), "but counts as a failure");
        assertEquals(Status.GATEWAY_ERROR, new StatusVocabulary(java.util.Map.of("E99", Status.GATEWAY_ERROR)).failure("e99"));
    }

    @Test
    void unknownCodesCountAsFailuresWithAWarning() {
        ObjectNode m = metrics();
        ArrayNode errors = (ArrayNode) m.get("errorBreakdown");
        ((ObjectNode) errors.get(0)).put("count", 40);
        errors.addObject().put("code", "E42").put("count", 15);
        errors.addObject().put("code", "RISK_BLOCK").put("count", 5);
        SnapshotReader.Result r = parse(m);
        assertEquals(15, r.snapshot().total().count(Status.OTHER_FAILURE), "a technical failure of unknown cause");
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0);
        assertTrue(w.contains("metrics file 'm.json'") && w.contains("errorBreakdown") && w.contains("E42")
                && w.contains("RISK_BLOCK") && w.contains("OTHER_FAILURE") && w.contains("--status-map"), w);
    }

    @Test
    void countsThatDisagreeWithTheRateAreScaledWithAWarning() {
        ObjectNode m = metrics();
        ((ObjectNode) m.get("errorBreakdown").get(0)).put("count", 120);   // 160 failures listed, 100 implied
        SnapshotReader.Result r = parse(m);
        SegmentStats t = r.snapshot().total();
        assertEquals(900, t.successes());
        assertEquals(75, t.count(Status.ISSUER_DOWN));
        assertEquals(25, t.count(Status.USER_DECLINED));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("errorBreakdown") && w.contains("160")
                && w.contains("100")), r.warnings().toString());
    }

    @Test
    void failuresWithoutABreakdownAreGatewayErrorsWithAWarning() {
        ObjectNode m = metrics();
        m.remove("errorBreakdown");
        SnapshotReader.Result r = parse(m);
        assertEquals(100, r.snapshot().total().count(Status.GATEWAY_ERROR));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("errorBreakdown: missing")), r.warnings().toString());
    }

    @Test
    void retryRatioStandsInForTotalRetries() {
        ObjectNode m = metrics();
        m.remove("totalRetries");
        m.put("retryRatio", 0.1);
        assertEquals(900, parse(m).snapshot().total().payments());
        m.remove("retryRatio");
        SnapshotReader.Result r = parse(m);
        assertEquals(1000, r.snapshot().total().payments());
        assertTrue(r.assumptions().stream().anyMatch(a -> a.contains("no retries")), r.assumptions().toString());
    }

    @Test
    void unknownKeysAreIgnoredWithAWarning() {
        ObjectNode m = metrics();
        m.put("merchantId", "m-1");
        ((ObjectNode) m.get("latency")).put("avg", 450);
        SnapshotReader.Result r = parse(m);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("merchantId") && w.contains("latency.avg")),
                r.warnings().toString());
    }

    @Test
    void baselineAwareSpreadKeepsHealthyIssuersNormal() {
        Snapshot window = SnapshotReader.read(fixture("sbi-degraded.json"), "m").snapshot();
        Snapshot normal = SnapshotReader.read(fixture("baseline.json"), "b").snapshot();
        var refs = new io.payops.agent.detect.BaselineReferences(normal.total(), normal.segments(),
                io.payops.agent.AgentConfig.defaults(io.payops.domain.ApprovalMode.MANUAL).snapshotTest()
                        .establishedAttempts());
        Snapshot s = IssuerSpread.respread(window, refs::statusRate);
        assertEquals(window.total(), s.total());
        SegmentStats hdfc = s.segment(Target.of(Dimension.ISSUER, "HDFC"));
        SegmentStats sbi = s.segment(Target.of(Dimension.ISSUER, "SBI"));
        // HDFC fails at its baseline rate, so with the baseline's mix: declines stay 70% of its failures
        double hdfcDeclines = hdfc.share(Status.USER_DECLINED) + hdfc.share(Status.INSUFFICIENT_FUNDS);
        assertEquals(0.035, hdfcDeclines, 0.002);
        // SBI's 770 failures beyond its baseline are what rose overall: issuer down and timeouts, not declines
        double sbiDeclines = sbi.share(Status.USER_DECLINED) + sbi.share(Status.INSUFFICIENT_FUNDS);
        assertEquals(0.035, sbiDeclines, 0.002);
        assertTrue(sbi.share(Status.ISSUER_DOWN) > 0.3, "ISSUER_DOWN share " + sbi.share(Status.ISSUER_DOWN));
        for (SegmentStats seg : s.segments()) {
            assertEquals(seg.attempts(), seg.statusCounts().values().stream().mapToLong(Long::longValue).sum());
            assertEquals(seg.successes(), seg.count(Status.SUCCESS));
        }
    }

    // ---- bad input: one message naming the file, the field and what was expected ----

    static Stream<Arguments> badMetrics() {
        return Stream.of(
                bad("successRate", m -> m.remove("successRate"), "successRate: missing"),
                bad("successRate", m -> m.put("successRate", "high"), "successRate: expected a fraction from 0 to 1, found a string"),
                bad("successRate", m -> m.put("successRate", 1.5), "successRate: 1.5 is out of range"),
                bad("successRate", m -> m.put("successRate", 95), "looks like a percentage: write 0.95"),
                bad("totalTransactions", m -> m.remove("totalTransactions"), "totalTransactions: missing"),
                bad("totalTransactions", m -> m.put("totalTransactions", -5), "totalTransactions: -5 is negative"),
                bad("totalTransactions", m -> m.put("totalTransactions", 10.5), "totalTransactions: 10.5 is not a whole number"),
                bad("totalTransactions", m -> m.putNull("totalTransactions"), "totalTransactions: null"),
                bad("totalRetries", m -> m.put("totalRetries", 2000), "totalRetries: 2000 is more than"),
                bad("retryRatio", m -> m.put("retryRatio", 1.2), "retryRatio: 1.2 is out of range"),
                bad("latency", m -> m.put("latency", 900), "latency: expected an object {p50, p95, p99}"),
                bad("latency.p95", m -> ((ObjectNode) m.get("latency")).remove("p95"), "latency.p95: missing"),
                bad("latency.p99", m -> ((ObjectNode) m.get("latency")).put("p99", -1), "latency.p99: -1 is negative"),
                bad("latency.p95", m -> ((ObjectNode) m.get("latency")).put("p95", 100), "latency.p95: is below p50"),
                bad("errorBreakdown", m -> m.put("errorBreakdown", "ISSUER_DOWN"), "errorBreakdown: expected an array"),
                bad("errorBreakdown[0]", m -> ((ArrayNode) m.get("errorBreakdown")).set(0, 7), "errorBreakdown[0]: expected an object"),
                bad("errorBreakdown[0].code", m -> ((ObjectNode) m.get("errorBreakdown").get(0)).remove("code"), "errorBreakdown[0].code: missing"),
                bad("errorBreakdown[1].code", m -> ((ObjectNode) m.get("errorBreakdown").get(1)).put("code", "SUCCESS"), "errorBreakdown[1].code: 'SUCCESS' is not an error"),
                bad("errorBreakdown[0].count", m -> ((ObjectNode) m.get("errorBreakdown").get(0)).put("count", -1), "errorBreakdown[0].count: -1 is negative"),
                bad("errorBreakdown[0].count", m -> ((ObjectNode) m.get("errorBreakdown").get(0)).put("count", "60"), "errorBreakdown[0].count: expected a whole number"),
                bad("errorBreakdown[0].percentage", m -> ((ObjectNode) m.get("errorBreakdown").get(0)).put("percentage", 160), "errorBreakdown[0].percentage: 160 is out of range"),
                bad("issuerMetrics", m -> m.putObject("issuerMetrics"), "issuerMetrics: expected an array"),
                bad("issuerMetrics[0].successRate", m -> ((ObjectNode) m.get("issuerMetrics").get(0)).put("successRate", 2), "issuerMetrics[0].successRate: 2 is out of range"),
                bad("issuerMetrics[0].successRate", m -> ((ObjectNode) m.get("issuerMetrics").get(0)).remove("successRate"), "issuerMetrics[0].successRate: missing"),
                bad("issuerMetrics[1].transactionCount", m -> ((ObjectNode) m.get("issuerMetrics").get(1)).put("transactionCount", -400), "issuerMetrics[1].transactionCount: -400 is negative"),
                bad("issuerMetrics[0].retryCount", m -> ((ObjectNode) m.get("issuerMetrics").get(0)).put("retryCount", 401), "issuerMetrics[0].retryCount: 401 is more than"),
                bad("issuerMetrics[0].errorCount", m -> ((ObjectNode) m.get("issuerMetrics").get(0)).put("errorCount", true), "issuerMetrics[0].errorCount: expected a whole number"),
                bad("issuerMetrics[0].latency", m -> ((ObjectNode) m.get("issuerMetrics").get(0)).put("latency", "fast"), "issuerMetrics[0].latency: expected an object"),
                bad("issuerMetrics[0].issuerName", m -> ((ObjectNode) m.get("issuerMetrics").get(0)).remove(List.of("issuerName", "issuerId")), "issuerMetrics[0].issuerName: missing, and so is issuerId"),
                bad("issuerMetrics[1]", m -> ((ObjectNode) m.get("issuerMetrics").get(1)).put("issuerName", "SBI"), "issuerMetrics[1]: issuer 'SBI' appears twice"),
                bad("timestamp", m -> m.put("timestamp", "yesterday"), "timestamp: 'yesterday' is not a date-time"),
                bad("windowSeconds", m -> m.put("windowSeconds", 0), "windowSeconds: 0 is out of range"));
    }

    private static Arguments bad(String field, Consumer<ObjectNode> change, String expected) {
        return Arguments.of(field, change, expected);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badMetrics")
    void badMetricsSnapshotsAreRejectedNamingTheField(String field, Consumer<ObjectNode> change, String expected)
            throws IOException {
        ObjectNode m = metrics();
        change.accept(m);
        Path file = write("m.json", m.toString());
        BadInputException e = assertThrows(BadInputException.class, () -> SnapshotReader.read(file, "metrics file"));
        assertOneLine(e, "metrics file '" + file + "': " + field);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    static Stream<Arguments> badOwnSnapshots() {
        return Stream.of(
                bad("windowSeconds", m -> m.remove("windowSeconds"), "windowSeconds: missing"),
                bad("atMillis", m -> m.put("atMillis", "now"), "atMillis: expected a whole number"),
                bad("extra", m -> m.put("extra", 1), "extra: unknown key (expected one of atMillis"),
                bad("total", m -> m.remove("total"), "total: missing"),
                bad("total.attempts", m -> ((ObjectNode) m.get("total")).put("attempts", "x"), "total.attempts: expected a whole number"),
                bad("total.successRate", m -> ((ObjectNode) m.get("total")).put("successRate", 1.2), "total.successRate: 1.2 is out of range"),
                bad("total.target", m -> ((ObjectNode) m.get("total")).putObject("target").put("gateway", "stripe"), "total.target: {gateway=stripe} is not all traffic"),
                bad("total.statusCounts.FOO", m -> ((ObjectNode) m.get("total").get("statusCounts")).put("FOO", 1), "unknown status (expected one of SUCCESS"),
                bad("total.statusCounts", m -> ((ObjectNode) m.get("total").get("statusCounts")).put("SUCCESS", 1), "total.statusCounts: counts add up to"),
                bad("total.successes", m -> ((ObjectNode) m.get("total")).put("successes", 99999), "is more than the"),
                bad("segments", m -> m.put("segments", 3), "segments: expected an array"),
                bad("segments[0].target", m -> ((ObjectNode) m.get("segments").get(0)).putObject("target"), "segments[0].target: is empty"),
                bad("segments[0].target", m -> ((ObjectNode) m.get("segments").get(0)).putObject("target").put("planet", "mars"), "unknown target key 'planet'"),
                bad("segments[1].target", m -> ((ObjectNode) m.get("segments").get(1)).set("target", m.get("segments").get(0).get("target")), "appears twice"),
                bad("segments[0].p95", m -> ((ObjectNode) m.get("segments").get(0)).remove("p95"), "segments[0].p95: missing"),
                bad("baselineSegments[2].payments", m -> ((ObjectNode) m.get("baselineSegments").get(2)).put("payments", -3), "baselineSegments[2].payments: -3 is negative"),
                bad("total.slowCounts", m -> ((ObjectNode) m.get("total")).put("slowCounts", 3), "total.slowCounts: expected an array of 8 counts"),
                bad("total.slowCounts", m -> ((ObjectNode) m.get("total")).putArray("slowCounts").add(1).add(0), "total.slowCounts: has 2 counts"),
                bad("total.slowCounts[0]", m -> ((ArrayNode) m.get("total").get("slowCounts")).set(0, 99_999_999), "is more than the"),
                bad("segments[0].slowCounts[1]", m -> {
                    ArrayNode a = (ArrayNode) m.get("segments").get(0).get("slowCounts");
                    a.set(1, a.get(0).asLong() + 1);
                }, "slower than 64 ms"),
                bad("recentTotal.slowCounts[2]", m -> ((ArrayNode) m.get("recentTotal").get("slowCounts")).set(2, -1), "-1 is negative"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badOwnSnapshots")
    void badOwnSnapshotsAreRejectedNamingTheField(String field, Consumer<ObjectNode> change, String expected)
            throws IOException {
        ObjectNode m = Json.mapper().valueToTree(stripeOutage);
        change.accept(m);
        Path file = write("s.json", m.toString());
        BadInputException e = assertThrows(BadInputException.class, () -> SnapshotReader.read(file, "metrics file"));
        assertOneLine(e, "metrics file '" + file + "': " + field);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("", "is empty (expected a PayOps snapshot or a MetricsSnapshot JSON object)"),
                Arguments.of("  \n ", "is empty"),
                Arguments.of("successRate: 0.9", "is not valid JSON at line 1"),
                Arguments.of("{\"successRate\": 0.9,", "is not valid JSON"),
                Arguments.of("{\"successRate\": 0.9} {}", "is not valid JSON"),
                Arguments.of("{\"successRate\": 0.9, \"successRate\": 0.8}", "is not valid JSON"),
                Arguments.of("[{\"successRate\": 0.9}]", "expected a JSON object: a PayOps snapshot"),
                Arguments.of("42", "found a number (42)"),
                Arguments.of("{}", "is neither shape: found no keys"),
                Arguments.of("{\"rate\": 0.9, \"count\": 3}", "is neither shape: found keys rate, count"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badDocuments")
    void badDocumentsAreRejected(String content, String expected) throws IOException {
        Path file = write("d.json", content);
        BadInputException e = assertThrows(BadInputException.class, () -> SnapshotReader.read(file, "metrics file"));
        assertOneLine(e, "metrics file '" + file + "': ");
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void missingFilesDirectoriesAndBinaryAreRejected() throws IOException {
        Path missing = dir.resolve("nope.json");
        BadInputException e = assertThrows(BadInputException.class, () -> SnapshotReader.read(missing, "baseline file"));
        assertOneLine(e, "baseline file '" + missing + "': file not found");

        e = assertThrows(BadInputException.class, () -> SnapshotReader.read(dir, "metrics file"));
        assertOneLine(e, "metrics file '" + dir + "': is a directory");

        Path binary = dir.resolve("bin.json");
        Files.write(binary, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        e = assertThrows(BadInputException.class, () -> SnapshotReader.read(binary, "metrics file"));
        assertOneLine(e, "metrics file '" + binary + "': is not UTF-8 text");
    }

    private static void assertOneLine(BadInputException e, String prefix) {
        assertTrue(e.getMessage().startsWith(prefix), "expected '" + prefix + "…', got: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
    }
}
