package io.payops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input to {@code run} ends with exit 2 and one message on stderr that names the file (when there
 * is one), the field and what was expected (DESIGN §5.1, §5.2) — never a stack trace, never a report. In-process:
 * each bad command line is one call of the command line's entry point.
 */
class ScenarioInputTest extends AbstractInProcessTest {

    /** A fault line in an otherwise valid scenario; {@code %s} is replaced by the fault's extra fields. */
    private static String withFault(String fault) {
        return """
                {"name": "bad-input", "description": "test", "seed": 3, "durationSeconds": 120, "tps": 5,
                 "faults": [%s]}
                """.formatted(fault);
    }

    private static final String GOOD_FAULT = "{\"type\": \"gateway_outage\", \"target\": {\"gateway\": \"stripe\"}, "
            + "\"startSecond\": 10, \"durationSeconds\": 30, \"severity\": 0.5}";

    /** file name, file content, field path the message must name, another word it must contain. */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("truncated.json", "{\"name\": \"x\", \"durationSeconds\": 60,\n",
                        "durationSeconds", "malformed JSON"),
                Arguments.of("missing-comma.json", withFault("{\"type\": \"gateway_outage\" \"target\": {}}"),
                        "faults[0].type", "malformed JSON"),
                Arguments.of("unknown-top-key.json",
                        "{\"name\": \"x\", \"durationSeconds\": 60, \"tps\": 5, \"colour\": \"red\"}",
                        "colour", "unknown key"),
                Arguments.of("unknown-fault-key.json", withFault(GOOD_FAULT.replace("\"severity\"", "\"sevrity\"")),
                        "faults[0].sevrity", "severity"),
                Arguments.of("unknown-fault-type.json", withFault(GOOD_FAULT.replace("gateway_outage", "meteor_strike")),
                        "faults[0].type", "meteor_strike"),
                Arguments.of("severity.json", withFault(GOOD_FAULT.replace("0.5", "1.5")),
                        "faults[0].severity", "1.5"),
                Arguments.of("severity-text.json", withFault(GOOD_FAULT.replace("0.5", "\"high\"")),
                        "faults[0].severity", "high"),
                Arguments.of("negative-duration.json", withFault(GOOD_FAULT.replace("30", "-30")),
                        "faults[0].durationSeconds", "-30"),
                Arguments.of("negative-scenario-duration.json",
                        "{\"name\": \"x\", \"durationSeconds\": -60, \"tps\": 5}", "durationSeconds", "-60"),
                Arguments.of("unknown-issuer.json",
                        withFault(GOOD_FAULT.replace("{\"gateway\": \"stripe\"}", "{\"issuer\": \"NOBANK\"}")),
                        "faults[0].target.issuer", "NOBANK"),
                Arguments.of("unknown-gateway.json",
                        withFault(GOOD_FAULT.replace("\"stripe\"", "\"worldpay\"")),
                        "faults[0].target.gateway", "worldpay"),
                Arguments.of("start-after-end.json", withFault(GOOD_FAULT.replace("\"startSecond\": 10",
                        "\"startSecond\": 500")), "faults[0].startSecond", "500"),
                Arguments.of("missing-tps.json", "{\"name\": \"x\", \"durationSeconds\": 60}", "tps", "missing"),
                Arguments.of("top-level-array.json", "[]", "", "JSON object"),
                Arguments.of("empty.json", "", "", "empty"),
                Arguments.of("blank.json", "  \n\n", "", "empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badScenarioFileIsExit2NamingFileAndField(String fileName, String content, String field, String word) {
        write(fileName, content);
        Result r = payops("run", "--scenario", at(fileName), "--policy", "static", "--report", at("r.json"));
        String message = assertBadInput(r);
        assertTrue(message.contains(fileName), () -> "the message should name the file\n" + r.describe());
        if (!field.isEmpty()) {
            assertTrue(message.contains(field + ":") || message.contains("near " + field),
                    () -> "the message should name the field " + field + "\n" + r.describe());
        }
        assertTrue(message.contains(word), () -> "the message should mention '" + word + "'\n" + r.describe());
        assertTrue(message.contains("expected") || message.contains("malformed JSON"),
                () -> "the message should say what was expected\n" + r.describe());
        assertFalse(Files.exists(work.resolve("r.json")), "no report for bad input");
        assertOnlyInputsIn(fileName);
    }

    @Test
    void missingScenarioFileIsExit2NamingTheFile() {
        Result r = payops("run", "--scenario", at("no-such-scenario.json"), "--report", at("r.json"));
        String message = assertBadInput(r);
        assertTrue(message.contains("no-such-scenario.json"), () -> "should name the file\n" + r.describe());
        assertTrue(message.matches("(?i).*(no file|not found|does not exist).*"),
                () -> "should say the file is missing\n" + r.describe());
        assertTrue(message.contains("sbi-degradation"), () -> "should list the built-in names\n" + r.describe());
        assertFalse(Files.exists(work.resolve("r.json")), "no report for bad input");
    }

    @Test
    void missingScenarioFileGivenByAbsolutePathIsExit2NamingTheFile() {
        String path = work.resolve("sub").resolve("gone.json").toString();
        Result r = payops("run", "--scenario", path);
        String message = assertBadInput(r);
        assertTrue(message.contains("gone.json"), () -> "should name the file\n" + r.describe());
    }

    @Test
    void directoryAsScenarioIsExit2() throws Exception {
        Files.createDirectories(work.resolve("folder.json"));
        Result r = payops("run", "--scenario", at("folder.json"));
        String message = assertBadInput(r);
        assertTrue(message.contains("folder.json") && message.contains("directory"), r::describe);
    }

    @Test
    void nonUtf8ScenarioIsExit2() throws Exception {
        Files.write(work.resolve("latin1.json"), new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'});
        Result r = payops("run", "--scenario", at("latin1.json"));
        String message = assertBadInput(r);
        assertTrue(message.contains("latin1.json"), r::describe);
    }

    /** arguments, the option the message must name, a word of the bad value or of what was expected. */
    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of("--scenario", "sbi-degradation", "--seed", "abc"), "--seed", "abc"),
                Arguments.of(List.of("--scenario", "sbi-degradation", "--seed", "99999999999999999999999"),
                        "--seed", "99999999999999999999999"),
                Arguments.of(List.of("--scenario", "sbi-degradation", "--duration", "0"), "--duration", "0"),
                Arguments.of(List.of("--scenario", "sbi-degradation", "--duration", "-5"), "--duration", "-5"),
                Arguments.of(List.of("--scenario", "sbi-degradation", "--duration", "604801"), "--duration",
                        "604801"),
                Arguments.of(List.of("--scenario", "sbi-degradation", "--duration", "ten"), "--duration", "ten"),
                Arguments.of(List.of("--scenario", "sbi-degradation", "--policy", "nope"), "--policy", "nope"),
                Arguments.of(List.of("--scenario", "sbi-degradation", "--approval", "sometimes"), "--approval",
                        "sometimes"),
                Arguments.of(List.of("--scenario", "sbi-degradation", "--approval", "auto:-5"), "--approval",
                        "auto:-5"),
                Arguments.of(List.of("--scenario", "sbi-degradation", "--reasoner", "gpt"), "--reasoner", "gpt"),
                Arguments.of(List.of("--scenario", "sbi-degradation", "--frobnicate"), "--frobnicate",
                        "Unknown option"),
                Arguments.of(List.of("--policy", "static"), "--scenario", "Missing"),
                Arguments.of(List.of("--scenario", "no-such-built-in"), "no-such-built-in", "sbi-degradation"),
                Arguments.of(List.of("--scenario", ""), "scenario", "expected"));
    }

    @ParameterizedTest(name = "run {0}")
    @MethodSource("badOptions")
    void badCommandLineValueIsExit2NamingTheOption(List<String> options, String option, String word) {
        // --report and --state in the test's folder, so "nothing written" can be checked there
        String[] args = Stream.of(Stream.of("run"), options.stream(),
                Stream.of("--report", at("r.json"), "--state", at("state"))).flatMap(s -> s).toArray(String[]::new);
        Result r = payops(args);
        String message = assertBadInput(r);
        assertTrue(message.contains(option), () -> "the message should name " + option + "\n" + r.describe());
        assertTrue(message.contains(word), () -> "the message should mention '" + word + "'\n" + r.describe());
        assertOnlyInputsIn();
    }

    /** Bad input writes nothing: no report, no state folder, no temporary file; only the test's own inputs are there. */
    private void assertOnlyInputsIn(String... inputs) {
        try (Stream<java.nio.file.Path> s = Files.list(work)) {
            assertEquals(List.of(inputs), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no report or state written for bad input");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unknownCommandIsExit2() {
        Result r = payops("frobnicate");
        String message = assertBadInput(r);
        assertTrue(message.contains("frobnicate"), r::describe);
    }
}
