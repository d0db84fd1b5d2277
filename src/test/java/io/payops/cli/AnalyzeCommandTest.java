package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.payops.PayOps;
import io.payops.common.Json;
import io.payops.domain.Snapshot;
import io.payops.engine.Engine;
import io.payops.policy.StaticPolicy;
import io.payops.sim.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code analyze} end to end, in-process through {@link PayOps#run}. */
class AnalyzeCommandTest {

    @TempDir
    Path dir;

    /** 330 s into the stripe outage (it starts at 300 s), static routing. */
    static Snapshot stripeOutage;
    /** 290 s in: ten seconds before the outage. */
    static Snapshot beforeOutage;

    @BeforeAll
    static void simulate() {
        Engine engine = new Engine(ScenarioLoader.builtIn("stripe-outage"), new StaticPolicy());
        for (int i = 0; i < 330; i++) {
            engine.step();
            if (i == 289) {
                beforeOutage = engine.lastFrame().snapshot();
            }
        }
        stripeOutage = engine.lastFrame().snapshot();
    }

    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(out);   // fails on anything after the one object
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON object: " + out, e);
            }
        }
    }

    /** One command line in-process, with stdout and stderr of its own (System.out and System.err are left alone). */
    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = PayOps.run(o, e, args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String fixture(String name) {
        try {
            return Path.of(AnalyzeCommandTest.class.getResource("/analyze/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ---- good input ----

    @Test
    void ownSnapshotDuringTheStripeOutage() throws IOException {
        Path file = write("stripe.json", Json.pretty().writeValueAsString(stripeOutage));
        Run r = run("analyze", "--metrics", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode j = r.json();
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("input", "anomalies", "hypotheses", "decision", "guardrail", "explanation"), keys);

        JsonNode input = j.get("input");
        assertEquals("payops-snapshot", input.get("shape").asText());
        assertEquals(file.toString(), input.get("file").asText());
        assertEquals("snapshot", input.get("baseline").get("source").asText());
        assertTrue(input.get("routing").asText().startsWith("assumed to be the default"), input.toString());

        JsonNode top = j.get("hypotheses").get(0);
        assertEquals("gateway_outage", top.get("diagnosis").asText(), j.get("hypotheses").toString());
        assertEquals("{\"gateway\":\"stripe\"}", top.get("target").toString());
        assertTrue(top.get("confidence").asDouble() >= 0.9, top.toString());
        assertEquals("heuristic", top.get("source").asText());
        assertFalse(texts(top.get("evidence")).isEmpty());

        JsonNode decision = j.get("decision");
        String type = decision.get("action").get("type").asText();
        assertTrue(type.equals("open_circuit") || type.equals("shift_traffic"), decision.toString());
        assertEquals("stripe", decision.get("action").get("target").get("gateway").asText());
        assertTrue(decision.get("rejected").size() >= 2, decision.toString());
        for (JsonNode rej : decision.get("rejected")) {
            assertFalse(rej.get("reason").asText().isBlank(), rej.toString());
            assertTrue(rej.get("action").has("type"), rej.toString());
        }
        assertTrue(decision.has("score") && decision.has("confidence") && decision.has("requiresApproval")
                && decision.get("approvalReasons").isArray(), decision.toString());

        JsonNode guard = j.get("guardrail");
        assertTrue(List.of("allow", "needs_approval", "block").contains(guard.get("verdict").asText()), guard.toString());
        assertFalse(texts(guard.get("reasons")).isEmpty());

        JsonNode first = j.get("anomalies").get(0);
        assertEquals("technical_failures", first.get("kind").asText());
        assertEquals("GATEWAY_ERROR", first.get("dominantStatus").asText());
        List<String> explanation = texts(j.get("explanation"));
        assertTrue(explanation.stream().anyMatch(s -> s.startsWith("Probably: gateway outage on gateway=stripe")),
                explanation.toString());
        assertTrue(explanation.stream().anyMatch(s -> s.startsWith("Guardrails:")), explanation.toString());
    }

    @Test
    void aBaselineFileReplacesTheSnapshotsOwnBaseline() throws IOException {
        Path file = write("stripe.json", Json.mapper().writeValueAsString(stripeOutage));
        Path before = write("before.json", Json.mapper().writeValueAsString(beforeOutage));
        Run r = run("analyze", "--metrics", file.toString(), "--baseline", before.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        JsonNode b = j.get("input").get("baseline");
        assertEquals("file", b.get("source").asText());
        assertEquals("payops-snapshot", b.get("shape").asText());
        assertEquals(beforeOutage.total().attempts(), b.get("attempts").asLong());
        assertEquals("gateway_outage", j.get("hypotheses").get(0).get("diagnosis").asText());
        assertEquals("stripe", j.get("decision").get("action").get("target").get("gateway").asText());

        // the calm before is calm
        Run calm = run("analyze", "--metrics", before.toString());
        assertEquals(0, calm.code(), calm.err());
        assertEquals("normal_variance", calm.json().get("hypotheses").get(0).get("diagnosis").asText(), calm.out());
        assertEquals("no_op", calm.json().get("decision").get("action").get("type").asText());
    }

    @Test
    void metricsSnapshotWithOneIssuerDown() {
        String metrics = fixture("sbi-degraded.json");
        String baseline = fixture("baseline.json");
        Run r = run("analyze", "--metrics", metrics, "--baseline", baseline);
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("metrics-snapshot", j.get("input").get("shape").asText());
        JsonNode b = j.get("input").get("baseline");
        assertEquals("file", b.get("source").asText());
        assertEquals(baseline, b.get("file").asText());
        assertEquals(120_000, b.get("attempts").asLong());

        JsonNode top = j.get("hypotheses").get(0);
        assertEquals("issuer_degradation", top.get("diagnosis").asText(), j.get("hypotheses").toString());
        assertEquals("{\"issuer\":\"SBI\"}", top.get("target").toString());
        assertTrue(top.get("confidence").asDouble() >= 0.9, top.toString());

        JsonNode action = j.get("decision").get("action");
        assertEquals("alert", action.get("type").asText(), j.get("decision").toString());
        assertEquals("{\"issuer\":\"SBI\"}", action.get("target").toString());
        assertFalse(j.get("decision").get("requiresApproval").asBoolean());
        assertEquals("allow", j.get("guardrail").get("verdict").asText());
        // routing cannot help, and the output says why it was weighed anyway
        boolean shiftRejected = false;
        for (JsonNode rej : j.get("decision").get("rejected")) {
            shiftRejected |= rej.get("action").get("type").asText().equals("shift_traffic");
        }
        assertTrue(shiftRejected, j.get("decision").toString());
        // only SBI and the traffic it drags down moved: no healthy issuer was flagged
        for (JsonNode a : j.get("anomalies")) {
            String t = a.get("target").toString();
            assertTrue(t.equals("{}") || t.equals("{\"issuer\":\"SBI\"}"), a.toString());
        }
    }

    @Test
    void healthyMetricsSnapshotMeansDoNothing() {
        Run r = run("analyze", "--metrics", fixture("healthy.json"), "--baseline", fixture("baseline.json"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("normal_variance", j.get("hypotheses").get(0).get("diagnosis").asText(), r.out());
        assertEquals(0, j.get("anomalies").size(), r.out());
        assertEquals("no_op", j.get("decision").get("action").get("type").asText());
        assertEquals("allow", j.get("guardrail").get("verdict").asText());
    }

    @Test
    void withoutABaselineThereIsTooLittleToJudge() {
        Run r = run("analyze", "--metrics", fixture("sbi-degraded.json"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("insufficient_data", j.get("hypotheses").get(0).get("diagnosis").asText(), r.out());
        assertEquals("no_op", j.get("decision").get("action").get("type").asText());
        assertEquals("none", j.get("input").get("baseline").get("source").asText());
        assertTrue(texts(j.get("explanation")).stream().anyMatch(s -> s.contains("--baseline")), r.out());
    }

    @Test
    void warningsGoToStderrAndTheAnalysisStillRuns() throws IOException {
        Path file = write("odd.json", """
                {"successRate": 0.9, "latency": {"p50": 400, "p95": 900, "p99": 1300}, "totalTransactions": 1000,
                 "errorBreakdown": [{"code": "E42_ODD", "count": 100, "percentage": 100}]}
                """);
        Run r = run("analyze", "--metrics", file.toString(), "--baseline", fixture("baseline.json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("payops: warning: metrics file '" + file + "': errorBreakdown: unknown error code "
                + "E42_ODD counted as OTHER_FAILURE"), r.err());
        assertTrue(texts(r.json().get("input").get("warnings")).get(0).contains("E42_ODD"));
    }

    // ---- bad input: exit 2, one message on stderr naming the file and the field, nothing on stdout ----

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("empty.json", "", "is empty"),
                Arguments.of("text.json", "hello", "is not valid JSON"),
                Arguments.of("array.json", "[]", "expected a JSON object"),
                Arguments.of("neither.json", "{\"rate\": 1}", "is neither shape"),
                Arguments.of("missing.json", "{\"successRate\": 0.9, \"latency\": {\"p50\": 1, \"p95\": 2, \"p99\": 3}}",
                        "totalTransactions: missing"),
                Arguments.of("type.json", "{\"successRate\": \"0.9\", \"totalTransactions\": 10, "
                        + "\"latency\": {\"p50\": 1, \"p95\": 2, \"p99\": 3}}", "successRate: expected a fraction"),
                Arguments.of("negative.json", "{\"successRate\": 0.9, \"totalTransactions\": -10, "
                        + "\"latency\": {\"p50\": 1, \"p95\": 2, \"p99\": 3}}", "totalTransactions: -10 is negative"),
                Arguments.of("rate.json", "{\"successRate\": 0.9, \"totalTransactions\": 10, "
                        + "\"latency\": {\"p50\": 1, \"p95\": 2, \"p99\": 3}, \"issuerMetrics\": [{\"issuerName\": \"SBI\", "
                        + "\"successRate\": -0.1, \"transactionCount\": 5}]}", "issuerMetrics[0].successRate: -0.1 is out of range"),
                Arguments.of("own.json", "{\"atMillis\": 0, \"windowSeconds\": 60, \"baselineSeconds\": 900, "
                        + "\"segments\": []}", "total: missing"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badFiles")
    void badMetricsFilesExitTwo(String name, String content, String expected) throws IOException {
        Path file = write(name, content);
        Run r = run("analyze", "--metrics", file.toString());
        assertBadInput(r, "payops: metrics file '" + file + "': ", expected);
    }

    @Test
    void missingFileAndDirectoryExitTwo() {
        Path missing = dir.resolve("nope.json");
        assertBadInput(run("analyze", "--metrics", missing.toString()), "payops: metrics file '" + missing + "': ",
                "file not found");
        assertBadInput(run("analyze", "--metrics", dir.toString()), "payops: metrics file '" + dir + "': ",
                "is a directory");
    }

    @Test
    void badBaselineFileIsNamedAsTheBaseline() throws IOException {
        Path file = write("base.json", "{\"successRate\": 1.5, \"totalTransactions\": 10, "
                + "\"latency\": {\"p50\": 1, \"p95\": 2, \"p99\": 3}}");
        Run r = run("analyze", "--metrics", fixture("healthy.json"), "--baseline", file.toString());
        assertBadInput(r, "payops: baseline file '" + file + "': successRate: ", "1.5 is out of range");
    }

    @Test
    void missingOptionIsAUsageError() {
        Run r = run("analyze");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--metrics"), r.err());
        assertEquals("", r.out());
    }

    private static void assertBadInput(Run r, String prefix, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        String err = r.err().strip();
        assertTrue(err.startsWith(prefix), "expected '" + prefix + "…', got: " + err);
        assertTrue(err.contains(expected), err);
        assertFalse(err.contains("\n"), "one line: " + err);
    }
}
