package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's hostile inputs through the real command line, in-process: a wrong clock on a log's first line, numbers
 * out of any sane range, seeds and approval modes every command judges alike, values megabytes long, and times
 * outside the accepted window.
 */
class HostileInputTest extends AbstractInProcessTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static String event(Instant ts, String gateway, String issuer, String status) {
        return "{\"ts\":\"" + ts + "\",\"gateway\":\"" + gateway + "\",\"issuer\":\"" + issuer + "\",\"status\":\""
                + status + "\",\"latencyMs\":300}\n";
    }

    // ---- the inferred world ----

    @Test
    void aLateFirstLineIsRejectedAndTheWorldIsInferredFromTheAcceptedLines() {
        StringBuilder b = new StringBuilder(event(T0.minusSeconds(3600), "stripe", "HDFC", "SUCCESS"));
        SplittableRandom rnd = new SplittableRandom(5);
        String[] gateways = {"stripe", "adyen", "razorpay"};
        String[] issuers = {"HDFC", "SBI", "ICICI"};
        int events = 0;
        for (int s = 0; s < 1200; s++) {
            for (int k = 0; k < 10; k++) {
                String gw = gateways[rnd.nextInt(3)];
                boolean failing = gw.equals("razorpay") && s > 400;
                String status = rnd.nextDouble() < (failing ? 0.2 : 0.95) ? "SUCCESS" : "GATEWAY_ERROR";
                b.append(event(T0.plusMillis(s * 1000L + k * 100L), gw, issuers[rnd.nextInt(3)], status));
                events++;
            }
        }
        write("late-first.jsonl", b.toString());
        Result r = payops("ingest", "--events", at("late-first.jsonl"), "--report", at("r.json"));
        assertExit(0, r);
        assertTrue(r.stderr().contains("line 1: ts 2026-11-21T09:00:00Z is 1 h behind"), r::describe);
        JsonNode report = readJson(work.resolve("r.json"));
        // 15 minutes of the accepted events, not the late line alone
        String world = report.get("world").asText();
        assertTrue(world.matches("inferred from the first \\d+ accepted events: 3 gateways .*"), world);
        long head = Long.parseLong(world.replaceAll("\\D*(\\d+).*", "$1"));
        assertTrue(head > 8000 && head < events, world);
        List<JsonNode> onRazorpay = new java.util.ArrayList<>();
        report.get("actions").forEach(a -> {
            if ("razorpay".equals(a.path("target").path("gateway").asText())) {
                onRazorpay.add(a);
            }
        });
        assertFalse(onRazorpay.isEmpty(), r::describe);
        assertTrue(onRazorpay.stream().anyMatch(a -> !a.get("status").asText().equals("blocked")),
                () -> "routing knows razorpay now, so its recommendations are not refused\n" + onRazorpay);
    }

    // ---- scenario numbers ----

    private static String scenario(String extra) {
        return "{\"name\": \"bounds\", \"durationSeconds\": 120, \"tps\": 5" + extra + "}";
    }

    private static String gateways(String weightA, String weightB) {
        return ", \"gateways\": [{\"name\": \"a\", \"weight\": " + weightA + ", \"feePercent\": 1, \"baseSuccess\": 0.9,"
                + " \"latencyMs\": 300}, {\"name\": \"b\", \"weight\": " + weightB + ", \"feePercent\": 1, "
                + "\"baseSuccess\": 0.9, \"latencyMs\": 300}]";
    }

    private static String merchant(String field, String value) {
        String m = "{\"name\": \"m\", \"volumeShare\": 1, \"methodMix\": {\"CARD\": 1}, \"avgAmount\": 100}"
                .replace("\"" + field + "\": " + (field.equals("methodMix") ? "{\"CARD\": 1}" : field.equals(
                        "avgAmount") ? "100" : "1"), "\"" + field + "\": " + value);
        return ", \"merchants\": [" + m + "]";
    }

    private static String repeated(String element, int n) {
        return String.join(", ", java.util.Collections.nCopies(n, element));
    }

    /** file content, the field path, the value as quoted, the range the message must state. */
    static Stream<Arguments> outOfRange() {
        String fault = "{\"type\": \"gateway_outage\", \"target\": {}, \"startSecond\": 1, \"durationSeconds\": 5, "
                + "\"severity\": 0.5}";
        String gw = "{\"name\": \"g%d\", \"weight\": 1, \"feePercent\": 1, \"baseSuccess\": 0.9, \"latencyMs\": 300}";
        String manyGateways = String.join(", ", java.util.stream.IntStream.range(0, 51)
                .mapToObj(i -> gw.formatted(i)).toList());
        return Stream.of(
                Arguments.of(scenario(gateways("1e308", "1e308")), "gateways[0].weight", "1.0E308",
                        "from 0 to 1000000"),
                Arguments.of(scenario(gateways("40", "1000001")), "gateways[1].weight", "1000001",
                        "from 0 to 1000000"),
                Arguments.of(scenario(", \"seed\": -1"), "seed", "-1", "from 0 to 9007199254740991"),
                Arguments.of(scenario(", \"seed\": 9007199254740992"), "seed", "9007199254740992",
                        "from 0 to 9007199254740991"),
                Arguments.of(scenario(merchant("volumeShare", "1e308")), "merchants[0].volumeShare", "1.0E308",
                        "above 0 and at most 1000000"),
                Arguments.of(scenario(merchant("methodMix", "{\"CARD\": 1e300}")), "merchants[0].methodMix.CARD",
                        "1.0E300", "from 0 to 1000000"),
                Arguments.of(scenario(merchant("avgAmount", "1e13")), "merchants[0].avgAmount", "1.0E13",
                        "above 0 and at most 1000000000000"),
                Arguments.of(scenario(", \"faults\": [" + repeated(fault, 101) + "]"), "faults", "101 faults",
                        "from 0 to 100 faults"),
                Arguments.of(scenario(", \"gateways\": [" + manyGateways + "]"), "gateways", "51 gateways",
                        "from 1 to 50 gateways"),
                Arguments.of(scenario("").replace("120", "1e300"), "durationSeconds", "1.0E300",
                        "from 1 to 604800"),
                Arguments.of(scenario("").replace("\"tps\": 5", "\"tps\": 1e308"), "tps", "1.0E308",
                        "above 0 and at most 100000"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("outOfRange")
    void aNumberOutOfItsRangeIsExit2NamingTheFieldTheValueAndTheRange(String content, String field, String value,
                                                                       String range) {
        write("bounds.json", content);
        String message = assertBadInput(payops("run", "--scenario", at("bounds.json"), "--report", at("r.json")));
        assertTrue(message.contains("bounds.json': " + field + ": "), message);
        assertTrue(message.contains(value), message);
        assertTrue(message.contains(range), message);
        assertFalse(java.nio.file.Files.exists(work.resolve("r.json")), "no report for bad input");
    }

    @Test
    void weightsAtTheirBoundStillAddUpAndRun() {
        write("heavy.json", scenario(gateways("1000000", "1000000")));
        Result r = payops("run", "--scenario", at("heavy.json"), "--policy", "static", "--report", at("r.json"));
        assertExit(0, r);
        JsonNode report = readJson(work.resolve("r.json"));
        assertTrue(report.get("successRate").asDouble() > 0.8, r::describe);
    }

    // ---- seeds and approval modes: one rule for every command ----

    @Test
    void aNegativeSeedIsRefusedAlikeByEveryCommandAndByAScenarioFile() {
        String expected = "payops: --seed: '-1' is not a seed (expected a whole number from 0 to 9007199254740991)";
        assertEquals(expected, assertBadInput(payops("run", "--scenario", "quiet", "--seed", "-1")));
        assertEquals(expected, assertBadInput(payops("console", "--seed", "-1")));
        assertEquals(expected.replace("--seed", "--random-seed"),
                assertBadInput(payops("bench", "--random", "2", "--random-seed", "-1")));
        String big = "payops: --seed: '9007199254740992' is not a seed (expected a whole number from 0 to "
                + "9007199254740991)";
        assertEquals(big, assertBadInput(payops("run", "--scenario", "quiet", "--seed", "9007199254740992")));
        assertEquals(big, assertBadInput(payops("console", "--seed", "9007199254740992")));
        write("neg.json", scenario(", \"seed\": -1"));
        assertTrue(assertBadInput(payops("run", "--scenario", at("neg.json"))).contains(
                "seed: -1 is out of range (expected a whole number from 0 to 9007199254740991)"));
        assertTrue(assertBadInput(payops("run", "--scenario", "random-99999999999999999")).contains(
                "from 0 to 9007199254740991"));
    }

    @Test
    void manualApprovalIsTheConsolesAndRefusedByTheHeadlessCommands() {
        write("log.jsonl", event(T0, "stripe", "HDFC", "SUCCESS"));
        for (Result r : List.of(payops("run", "--scenario", "quiet", "--approval", "manual", "--report", at("r.json")),
                payops("ingest", "--events", at("log.jsonl"), "--approval", "manual", "--report", at("r.json")))) {
            String message = assertBadInput(r);
            assertTrue(message.startsWith("payops: --approval: 'manual' leaves each request to a person, and only the "
                    + "console has one"), message);
            assertTrue(message.contains("expected auto:SECONDS with SECONDS from 0 to 86400, or never"), message);
        }
        // the console takes no --approval at all: its person answers
        assertTrue(assertBadInput(payops("console", "--approval", "manual")).contains("--approval"));
        // the rest of the rule is the same for both headless commands
        String run = assertBadInput(payops("run", "--scenario", "quiet", "--approval", "sometimes"));
        String ingest = assertBadInput(payops("ingest", "--events", at("log.jsonl"), "--approval", "sometimes"));
        assertEquals(run, ingest);
        assertFalse(java.nio.file.Files.exists(work.resolve("r.json")));
    }

    // ---- long values ----

    /** The longest run of characters without a space or line break: what a message echoed of one value. */
    private static int longestWord(String text) {
        int longest = 0;
        Matcher m = Pattern.compile("[^\\s]+").matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.end() - m.start());
        }
        return longest;
    }

    @Test
    void longDimensionValuesAreCutCountedAndReportedOnceAndNeverEchoedWhole() {
        StringBuilder b = new StringBuilder();
        String longName = "gw" + "x".repeat(50_000);
        for (int i = 0; i < 200; i++) {
            b.append(event(T0.plusMillis(i * 100L), i % 2 == 0 ? longName + i : "stripe", "HDFC", "SUCCESS"));
        }
        // and bad lines quoting long values: a latency and a time of 50,000 characters
        b.append("{\"ts\":\"").append(T0).append("\",\"gateway\":\"stripe\",\"status\":\"SUCCESS\",\"latencyMs\":\"")
                .append("9".repeat(50_000)).append("z\"}\n");
        b.append("{\"ts\":\"").append("2".repeat(50_000)).append("\",\"gateway\":\"stripe\",\"status\":\"SUCCESS\","
                + "\"latencyMs\":3}\n");
        write("long.jsonl", b.toString());
        Result r = payops("ingest", "--events", at("long.jsonl"), "--report", at("r.json"));
        assertExit(0, r);
        JsonNode input = readJson(work.resolve("r.json")).get("input");
        assertEquals(100, input.get("valuesTruncated").asLong());
        assertEquals(1, r.stderr().split("were longer than 128 characters", -1).length - 1,
                () -> "said once, not per line\n" + r.describe());
        assertTrue(r.stderr().contains("100 dimension values were longer than 128 characters"), r::describe);
        assertTrue(r.stderr().contains("(50001 chars)"), () -> "the bad latency is quoted abbreviated\n" + r.describe());
        assertTrue(r.stderr().contains("(50000 chars)"), () -> "the bad time is quoted abbreviated\n" + r.describe());
        assertTrue(longestWord(r.stderr()) <= 128 + 40, () -> "no value echoed over the bound\n" + r.describe());
        assertTrue(longestWord(r.stdout()) <= 128 + 40, () -> "no value echoed over the bound\n" + r.describe());
        // what is kept is the value's first 128 characters
        assertTrue(readJson(work.resolve("r.json")).toString().contains("\"" + longName.substring(0, 128) + "\""));
    }

    @Test
    void aHugeNameInAScenarioOrAMappingIsQuotedAbbreviated() {
        String huge = "g".repeat(3 * 1024 * 1024);
        write("huge.json", scenario(", \"gateways\": [{\"name\": \"" + huge + "\", \"weight\": 1, \"feePercent\": 1, "
                + "\"baseSuccess\": 0.9, \"latencyMs\": 300}]"));
        String scenarioName = assertBadInput(payops("run", "--scenario", at("huge.json")));
        assertTrue(scenarioName.contains("g".repeat(60) + "… (3145728 chars)"), () -> scenarioName.substring(0, 300));
        assertTrue(scenarioName.length() < 600, "one short line, was " + scenarioName.length() + " chars");

        // a key as long as JSON reading allows (Jackson refuses names over 50,000 characters itself)
        write("key.json", scenario(", \"" + "k".repeat(40_000) + "\": 1"));
        String key = assertBadInput(payops("run", "--scenario", at("key.json")));
        assertTrue(key.contains("k".repeat(60) + "… (40000 chars): unknown key") && key.length() < 1000, key);
        write("longer-key.json", scenario(", \"" + "k".repeat(60_000) + "\": 1"));
        String longer = assertBadInput(payops("run", "--scenario", at("longer-key.json")));
        assertTrue(longer.contains("Name length ") && longer.contains(" exceeds the maximum of 50000") && !longer.contains("`"), longer);

        write("log.jsonl", event(T0, "stripe", "HDFC", "SUCCESS"));
        String mapping = assertBadInput(payops("ingest", "--events", at("log.jsonl"), "--status-map",
                "w".repeat(100_000)));
        assertTrue(mapping.contains("w".repeat(60) + "… (100000 chars)") && mapping.length() < 500, mapping);
    }

    // ---- timestamps outside the window ----

    @Test
    void aTimeOutsideTheWindowIsQuotedAsTheFileWroteIt() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(event(T0.plusSeconds(i), "stripe", "HDFC", "SUCCESS"));
        }
        b.append("{\"ts\":\"1970-01-01T00:00:00.017Z\",\"gateway\":\"stripe\",\"status\":\"SUCCESS\",\"latencyMs\":3}\n");
        b.append("{\"ts\":17,\"gateway\":\"stripe\",\"status\":\"SUCCESS\",\"latencyMs\":3}\n");
        b.append("{\"ts\":\"2100-01-01 00:00:00\",\"gateway\":\"stripe\",\"status\":\"SUCCESS\",\"latencyMs\":3}\n");
        write("window.jsonl", b.toString());
        Result r = payops("ingest", "--events", at("window.jsonl"), "--report", at("r.json"));
        assertExit(0, r);
        String window = "is outside the accepted window 2000-01-01T00:00:00Z to 2099-12-31T23:59:59.999Z";
        assertTrue(r.stderr().contains("line 21: ts: '1970-01-01T00:00:00.017Z' " + window), r::describe);
        assertTrue(r.stderr().contains("line 22: ts: '17' " + window), r::describe);
        assertTrue(r.stderr().contains("line 23: ts: '2100-01-01 00:00:00' " + window), r::describe);
        assertFalse(r.stderr().contains("ts: 17 "), r::describe);
    }
}
