package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run}, {@code scenarios} and {@code --help} in-process (DESIGN §5.1, §5.3). Paths relative to the working
 * directory, and the default report path under it, are {@code JarStartupIT}'s.
 */
class RunCommandTest extends AbstractInProcessTest {

    private static final List<String> ACTION_TYPES = List.of("shift_traffic", "open_circuit", "close_circuit",
            "adjust_retry_policy", "alert", "no_op");
    private static final List<String> ACTION_STATUSES = List.of("executed", "pending", "approved", "rejected",
            "expired", "blocked", "rolled_back");

    private static final Pattern WALL_MILLIS = Pattern.compile("\"wallMillis\"\\s*:\\s*\\d+");

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        Result r = payops(all.toArray(String[]::new));
        assertExit(0, r);
        assertNoStackTrace(r);
        return r;
    }

    @Test
    void staticRunPrintsSummaryAndWritesTheDesignReport() {
        Result r = run("--scenario", "sbi-degradation", "--policy", "static", "--report", at("out.json"));
        assertTrue(r.stdout().contains("sbi-degradation"), r::describe);
        assertTrue(r.stdout().contains("excess failures"), r::describe);
        assertTrue(r.stdout().contains("out.json"), () -> "the summary should say where the report is\n" + r.describe());

        Path out = work.resolve("out.json");
        assertTrue(Files.isRegularFile(out), "out.json written where --report says");
        JsonNode j = readJson(out);

        assertEquals("sbi-degradation", j.path("scenario").asText());
        assertEquals(7, j.path("seed").asLong(), "the scenario's own seed");
        assertEquals("static", j.path("policy").asText());
        assertEquals("heuristic", j.path("reasoner").asText());
        assertEquals(1800, j.path("simulatedSeconds").asLong());
        assertTrue(j.path("wallMillis").isIntegralNumber() && j.path("wallMillis").asLong() >= 0, "wallMillis");

        long payments = j.path("payments").asLong();
        long attempts = j.path("attempts").asLong();
        long succeeded = j.path("succeeded").asLong();
        assertTrue(j.path("payments").isIntegralNumber() && payments > 60_000 && payments < 84_000,
                "about 40 payments/s for 1800 s, was " + payments);
        assertTrue(attempts >= payments, "attempts >= payments");
        assertTrue(succeeded > 0 && succeeded <= payments, "succeeded in (0, payments]");
        assertTrue(j.path("successRate").isNumber(), "successRate is a number");
        double rate = j.path("successRate").asDouble();
        assertTrue(rate > 0 && rate <= 1, "successRate in (0, 1]");
        assertEquals((double) succeeded / payments, rate, 0.001, "successRate = succeeded / payments");
        assertTrue(j.path("excessFailures").isNumber(), "excessFailures is a number");
        assertTrue(j.path("excessFailures").asDouble() > 0, "a fault nobody routed around costs payments");

        JsonNode incidents = j.path("incidents");
        assertTrue(incidents.isArray() && incidents.size() == 1, "one incident: " + incidents);
        JsonNode inc = incidents.get(0);
        assertEquals("issuer_degradation", inc.path("fault").asText());
        assertEquals(MAPPER.valueToTree(Map.of("gateway", "razorpay", "issuer", "SBI")), inc.path("target"));
        assertEquals(300, inc.path("startSecond").asLong());
        assertEquals(900, inc.path("endSecond").asLong());
        for (String key : List.of("detectedAtSecond", "mitigatedAtSecond", "diagnosis", "diagnosisTarget")) {
            assertTrue(inc.has(key), "incident has " + key + " (null when it never happened)");
        }
        assertTrue(inc.path("detectedAtSecond").isNull(), "the static policy detects nothing");

        assertTrue(j.path("actions").isArray(), "actions is an array");
        assertEquals(0, j.path("actions").size(), "the static policy takes no action");
        assertEquals(0, j.path("falseActions").asInt());
        assertEquals(0, j.path("rollbacks").asInt());
        assertEquals(0, j.path("approvalsRequested").asInt());
        for (String key : List.of("falseActions", "rollbacks", "approvalsRequested")) {
            assertTrue(j.path(key).isIntegralNumber(), key + " is a whole number");
        }

        JsonNode routing = j.path("finalRouting");
        assertTrue(routing.isObject(), "finalRouting");
        JsonNode weights = routing.path("weights");
        assertTrue(weights.isObject(), "finalRouting.weights");
        assertEquals(40, weights.path("stripe").asDouble(), 1e-9);
        assertEquals(30, weights.path("adyen").asDouble(), 1e-9);
        assertEquals(20, weights.path("razorpay").asDouble(), 1e-9);
        assertEquals(10, weights.path("paypal").asDouble(), 1e-9);
        assertTrue(routing.path("openCircuits").isArray() && routing.path("openCircuits").isEmpty(),
                "finalRouting.openCircuits");
        assertEquals(2, routing.path("retryPolicy").path("maxRetries").asInt(-1), "retryPolicy.maxRetries");
        assertTrue(routing.path("retryPolicy").path("backoffMillis").isNumber(), "retryPolicy.backoffMillis");

        // Same command again: byte-identical report apart from wallMillis.
        Path first = work.resolve("first.json");
        moveTo(out, first);
        run("--scenario", "sbi-degradation", "--policy", "static", "--report", at("out.json"));
        String a = read(first);
        String b = read(out);
        assertEquals(withoutWallMillis(readJson(first)), withoutWallMillis(readJson(out)),
                "same scenario and seed give the same report");
        assertEquals(WALL_MILLIS.matcher(a).replaceAll("\"wallMillis\" : 0"),
                WALL_MILLIS.matcher(b).replaceAll("\"wallMillis\" : 0"), "byte-identical apart from wallMillis");

        // Another seed changes the run.
        run("--scenario", "sbi-degradation", "--policy", "static", "--seed", "8", "--report", at("seed8.json"));
        JsonNode seed8 = readJson(work.resolve("seed8.json"));
        assertEquals(8, seed8.path("seed").asLong());
        assertNotEquals(j.path("payments").asLong(), seed8.path("payments").asLong(), "--seed 8 changes the traffic");
        assertNotEquals(withoutWallMillis(j).without("seed"), withoutWallMillis(seed8).without("seed"));
    }

    @Test
    void agentRunIsDeterministicToo() {
        run("--scenario", "sbi-degradation", "--duration", "700", "--report", at("a.json"));
        run("--scenario", "sbi-degradation", "--duration", "700", "--report", at("b.json"));
        JsonNode a = readJson(work.resolve("a.json"));
        assertEquals("agent", a.path("policy").asText(), "agent is the default policy of run");
        assertEquals(700, a.path("simulatedSeconds").asLong(), "--duration overrides the scenario's duration");
        assertEquals(WALL_MILLIS.matcher(read(work.resolve("a.json"))).replaceAll("\"wallMillis\" : 0"),
                WALL_MILLIS.matcher(read(work.resolve("b.json"))).replaceAll("\"wallMillis\" : 0"),
                "the agent with the heuristic reasoner is deterministic");
    }

    @Test
    void scenarioFilePathWorks() {
        write("my-scenario.json", MY_FILE_SCENARIO);
        Result r = run("--scenario", at("my-scenario.json"), "--policy", "static", "--report", at("file.json"));
        assertTrue(r.stdout().contains("my-file-scenario"), r::describe);
        JsonNode j = readJson(work.resolve("file.json"));
        assertEquals("my-file-scenario", j.path("scenario").asText());
        assertEquals(5, j.path("seed").asLong());
        assertEquals(240, j.path("simulatedSeconds").asLong());
        assertEquals(1, j.path("incidents").size());
        assertEquals("gateway_outage", j.path("incidents").get(0).path("fault").asText());
    }

    @Test
    void reportUnderARegularFileIsExit2() {
        write("blocker", "I am a file, not a folder\n");
        Result r = payops("run", "--scenario", "sbi-degradation", "--policy", "static", "--duration", "30",
                "--report", at("blocker/out.json"));
        String message = assertBadInput(r);
        assertTrue(message.contains("--report"), () -> "should name the option\n" + r.describe());
        assertTrue(message.contains("blocker"), () -> "should name the path\n" + r.describe());
        assertEquals("I am a file, not a folder\n", read(work.resolve("blocker")), "the file is left alone");
    }

    @Test
    void reportOntoADirectoryIsExit2() throws Exception {
        Files.createDirectories(work.resolve("reports-dir"));
        Result r = payops("run", "--scenario", "sbi-degradation", "--policy", "static", "--duration", "30",
                "--report", at("reports-dir"));
        String message = assertBadInput(r);
        assertTrue(message.contains("--report") && message.contains("reports-dir"), r::describe);
        assertTrue(Files.isDirectory(work.resolve("reports-dir")), "the directory is left alone");
        try (var s = Files.list(work)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left behind");
        }
    }

    @Test
    void scenariosListsAtLeastTwelveWithDescriptions() {
        Result r = payops("scenarios");
        assertExit(0, r);
        assertNoStackTrace(r);
        Pattern row = Pattern.compile("^([a-z0-9][a-z0-9-]*)\\s+(\\S.*)$");
        List<String> names = new ArrayList<>();
        for (String line : r.stdout().lines().toList()) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                continue; // detail lines under a scenario
            }
            Matcher m = row.matcher(line);
            assertTrue(m.matches(), () -> "a scenario line is a name then its description: '" + line + "'");
            assertTrue(m.group(2).strip().length() >= 10, "a real description for " + m.group(1));
            names.add(m.group(1));
        }
        assertTrue(names.size() >= 12, () -> "at least 12 built-in scenarios, found " + names);
        assertTrue(names.containsAll(List.of("quiet", "sbi-degradation", "stripe-outage")), names::toString);
        assertEquals(names.size(), names.stream().distinct().count(), "no name twice");
    }

    @Test
    void helpExitsZero() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"run", "--help"},
                new String[] {"scenarios", "--help"}, new String[] {"bench", "--help"})) {
            Result r = payops(args);
            assertExit(0, r);
            assertNoStackTrace(r);
            assertTrue(r.stdout().contains("Usage"), r::describe);
            assertTrue(r.stderr().isBlank(), r::describe);
        }
        Result run = payops("run", "--help");
        for (String option : List.of("--scenario", "--seed", "--duration", "--policy", "--approval", "--reasoner",
                "--report")) {
            assertTrue(run.stdout().contains(option), () -> "run --help lists " + option + "\n" + run.describe());
        }
        Result top = payops("--help");
        for (String command : List.of("run", "scenarios", "bench")) {
            assertTrue(top.stdout().contains(command), () -> "--help lists " + command + "\n" + top.describe());
        }
    }

    @Test
    void agentDetectsTheStripeOutage() {
        Result r = run("--scenario", "stripe-outage", "--policy", "agent", "--report", at("agent.json"));
        assertTrue(r.stdout().contains("stripe-outage"), r::describe);
        JsonNode j = readJson(work.resolve("agent.json"));
        assertEquals("agent", j.path("policy").asText());
        assertEquals("heuristic", j.path("reasoner").asText());
        assertTrue(j.path("incidents").size() >= 1, "the outage is an incident");
        JsonNode inc = j.path("incidents").get(0);
        assertTrue(inc.path("detectedAtSecond").isNumber(), () -> "the agent detects the outage: " + inc);
        long detected = inc.path("detectedAtSecond").asLong();
        assertTrue(detected >= inc.path("startSecond").asLong() && detected <= inc.path("endSecond").asLong(),
                () -> "detected during the incident: " + inc);
        assertTrue(j.path("actions").isArray() && j.path("actions").size() >= 1, "the agent acted");
        for (JsonNode a : j.path("actions")) {
            assertTrue(a.has("atSecond") && a.has("type") && a.has("target") && a.has("status"),
                    () -> "an action has atSecond, type, target and status: " + a);
            assertNotEquals("no_op", a.path("type").asText(), "no_op is not listed");
            assertTrue(ACTION_TYPES.contains(a.path("type").asText()), () -> "a DESIGN §5.3 action type: " + a);
            assertTrue(ACTION_STATUSES.contains(a.path("status").asText()), () -> "a DESIGN §5.3 status: " + a);
        }
    }

    private static void moveTo(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
