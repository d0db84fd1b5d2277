package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench} in-process: the table on stdout and the section it keeps in a Markdown file. */
class BenchCommandTest extends AbstractInProcessTest {
    /** Where {@code bench} writes without --markdown: relative to the working directory, the build's in-process. */
    private static final Path DEFAULT_MARKDOWN = Path.of("docs", "BENCHMARKS.md");

    private static final String START = "<!-- bench:start -->";
    private static final String END = "<!-- bench:end -->";

    /** The (scenario, policy) pairs of the Markdown table rows on stdout, checking the table's shape on the way. */
    private static Set<List<String>> tableRows(Result r) {
        List<String> lines = r.stdout().lines().map(String::strip).toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| scenario | policy |")) {
                header = i;
                break;
            }
        }
        assertTrue(header >= 0, () -> "a Markdown table headed '| scenario | policy | ...'\n" + r.describe());
        String separator = lines.get(header + 1);
        assertTrue(separator.matches("\\|(\\s*:?-{3,}:?\\s*\\|)+"), () -> "a Markdown separator row: " + separator);
        int columns = lines.get(header).split("\\|", -1).length;
        assertTrue(columns >= 4, "at least scenario, policy and one measure");
        Set<List<String>> rows = new LinkedHashSet<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|", -1);
            String line = lines.get(i);
            assertEquals(columns, cells.length, () -> "every row has the header's columns: " + line);
            rows.add(List.of(cells[1].strip(), cells[2].strip()));
        }
        return rows;
    }

    @Test
    void benchPrintsATableWithStaticOracleAndAgentRows() {
        String markdownBefore = defaultMarkdown();
        Result r = payops("bench", "--scenarios", "quiet,sbi-degradation", "--seeds", "1", "--policies", "agent",
                "--no-markdown");
        assertExit(0, r);
        assertNoStackTrace(r);
        Set<List<String>> rows = tableRows(r);
        for (String scenario : List.of("quiet", "sbi-degradation")) {
            for (String policy : List.of("static", "oracle", "agent")) {
                assertTrue(rows.contains(List.of(scenario, policy)),
                        () -> "a row for " + scenario + " / " + policy + ", rows were " + rows + "\n" + r.describe());
            }
        }
        assertEquals(6, rows.size(), () -> "exactly the 2 × 3 rows, were " + rows);
        assertEquals(markdownBefore, defaultMarkdown(), "--no-markdown writes no file");
        assertFalse(r.stdout().contains("written to"), r::describe);
    }

    @Test
    void markdownSectionIsWrittenThenReplacedKeepingTheRest() {
        Path md = write("x.md", "# My notes\n\nText before the table.\n");
        Result first = payops("bench", "--scenarios", "quiet", "--seeds", "1", "--policies", "rules",
                "--markdown", at("x.md"));
        assertExit(0, first);
        assertNoStackTrace(first);
        String once = read(md);
        assertTrue(once.startsWith("# My notes\n\nText before the table.\n"), () -> "text before kept:\n" + once);
        assertEquals(1, count(once, START), () -> "one start marker:\n" + once);
        assertEquals(1, count(once, END), () -> "one end marker:\n" + once);
        String section = between(once);
        assertTrue(section.contains("| scenario | policy |"), () -> "the table is inside the section:\n" + once);
        assertTrue(section.contains("| quiet | rules |"), () -> "the rules row is inside the section:\n" + once);
        for (List<String> row : tableRows(first)) {
            assertTrue(section.contains("| " + row.get(0) + " | " + row.get(1) + " |"),
                    () -> "the file holds the printed row " + row + ":\n" + once);
        }

        // Add text after the section, then run again with other settings: the section is replaced, not added.
        write("x.md", once + "\nText after the table.\n");
        Result second = payops("bench", "--scenarios", "quiet", "--seeds", "1", "--policies", "bandit",
                "--markdown", at("x.md"));
        assertExit(0, second);
        assertNoStackTrace(second);
        String twice = read(md);
        assertEquals(1, count(twice, START), () -> "still exactly one section:\n" + twice);
        assertEquals(1, count(twice, END), () -> "still exactly one section:\n" + twice);
        assertTrue(twice.indexOf(START) < twice.indexOf(END), twice);
        assertTrue(twice.startsWith("# My notes\n\nText before the table.\n"), () -> "text before kept:\n" + twice);
        assertTrue(twice.contains("Text after the table."), () -> "text after kept:\n" + twice);
        assertTrue(twice.indexOf("Text after the table.") > twice.indexOf(END), twice);
        String replaced = between(twice);
        assertTrue(replaced.contains("| quiet | bandit |"), () -> "the new table is in:\n" + twice);
        assertFalse(replaced.contains("| quiet | rules |"), () -> "the old table is gone:\n" + twice);
        assertEquals(once.substring(0, once.indexOf(START)), twice.substring(0, twice.indexOf(START)),
                "everything before the section is byte-for-byte the same");
    }

    @Test
    void markdownFileIsCreatedWhenMissing() {
        Result r = payops("bench", "--scenarios", "quiet", "--seeds", "1", "--policies", "static",
                "--markdown", at("new/BENCH.md"));
        assertExit(0, r);
        assertNoStackTrace(r);
        String text = read(work.resolve("new/BENCH.md"));
        assertEquals(1, count(text, START), text);
        assertEquals(1, count(text, END), text);
        assertTrue(between(text).contains("| quiet | static |"), text);
    }

    @Test
    void badSeedsAreExit2() {
        for (String seeds : List.of("0", "51", "-1", "abc")) {
            Result r = payops("bench", "--scenarios", "quiet", "--seeds", seeds, "--no-markdown");
            String message = assertBadInput(r);
            assertTrue(message.contains("--seeds") && message.contains(seeds), r::describe);
        }
    }

    @Test
    void badPolicyAndScenarioAreExit2() {
        Result policy = payops("bench", "--scenarios", "quiet", "--seeds", "1", "--policies", "agent,nope",
                "--no-markdown");
        String m1 = assertBadInput(policy);
        assertTrue(m1.contains("--policies") && m1.contains("nope"), policy::describe);

        Result unknown = payops("bench", "--scenarios", "quiet,no-such-scenario", "--seeds", "1", "--no-markdown");
        String m2 = assertBadInput(unknown);
        assertTrue(m2.contains("no-such-scenario"), unknown::describe);

        write("bad.json", "{\"name\": \"bad\", \"durationSeconds\": 60, \"tps\": 5, \"faults\": [{\"type\": "
                + "\"gateway_outage\", \"target\": {\"gateway\": \"stripe\"}, \"startSecond\": 1, "
                + "\"durationSeconds\": 5, \"severity\": 1.5}]}");
        Result file = payops("bench", "--scenarios", "quiet," + at("bad.json"), "--seeds", "1", "--no-markdown");
        String m3 = assertBadInput(file);
        assertTrue(m3.contains("bad.json") && m3.contains("faults[0].severity"), file::describe);
    }

    /** DESIGN §5.1: a file that cannot be written is bad input (exit 2, one message), not an internal error. */
    @Test
    void markdownUnderARegularFileIsExit2() {
        write("blocker", "a file\n");
        Result r = payops("bench", "--scenarios", "quiet", "--seeds", "1", "--policies", "static",
                "--markdown", at("blocker/x.md"));
        String message = assertBadInput(r);
        assertTrue(message.contains("--markdown") || message.contains("blocker"), r::describe);
        assertEquals("a file\n", read(work.resolve("blocker")));
    }

    @Test
    void markdownOntoADirectoryIsExit2() throws Exception {
        Files.createDirectories(work.resolve("somedir"));
        Result r = payops("bench", "--scenarios", "quiet", "--seeds", "1", "--policies", "static",
                "--markdown", at("somedir"));
        String message = assertBadInput(r);
        assertTrue(message.contains("somedir"), r::describe);
    }

    /** {@code bench --random}: the random-worlds table per policy, and every world and fault as JSON. */
    @Test
    void randomWorldsPrintATablePerPolicyAndWriteEveryWorldAsJson() {
        String markdownBefore = defaultMarkdown();
        Result r = payops("bench", "--random", "3", "--random-seed", "7", "--no-markdown", "--json", at("worlds.json"));
        assertExit(0, r);
        assertNoStackTrace(r);
        List<String> lines = r.stdout().lines().toList();
        String command = "java -jar target/payops.jar bench --random 3 --random-seed 7 --policies agent,rules,bandit";
        assertTrue(lines.get(0).startsWith("Produced by `" + command + "`: 3 worlds, "), r::describe);
        assertTrue(lines.get(0).endsWith("policy `agent`."), r::describe);
        for (String policy : List.of("agent", "rules", "bandit")) {
            assertEquals(1, count(r.stdout(), "policy `" + policy + "`."), () -> "one table for " + policy + "\n"
                    + r.describe());
        }
        assertTrue(r.stdout().contains("| measure | result |"), r::describe);
        assertTrue(r.stdout().contains("| fault | target | faults | visible |"), r::describe);
        assertTrue(r.stdout().contains("worlds written to " + at("worlds.json")), r::describe);
        assertFalse(r.stdout().contains("written to docs"), r::describe);
        assertEquals(markdownBefore, defaultMarkdown(), "--no-markdown writes no Markdown file");

        JsonNode json = readJson(work.resolve("worlds.json"));
        assertTrue(json.isArray(), json::toString);
        assertEquals(3, json.size(), "one entry per policy");
        List<String> policies = new ArrayList<>();
        for (JsonNode result : json) {
            policies.add(result.get("policy").asText());
            JsonNode worlds = result.get("worlds");
            assertTrue(worlds.isArray() && worlds.size() == 3, () -> "3 worlds for " + result.get("policy"));
            for (int k = 0; k < 3; k++) {
                JsonNode w = worlds.get(k);
                assertEquals(7 + k, w.get("seed").asLong(), "worlds 7, 8, 9 in order");
                for (String key : List.of("description", "routingCanHelp", "staticExcess", "oracleExcess", "excess",
                        "trafficChanges", "retryChanges", "rollbacks", "falseAlarms", "faults")) {
                    assertTrue(w.has(key), () -> key + " in " + w);
                }
                for (JsonNode f : w.get("faults")) {
                    assertTrue(List.of("diagnosed", "misdiagnosed", "missed").contains(f.get("attribution").asText()),
                            f::toString);
                    assertTrue(f.has("visible") && f.has("shape") && f.has("type"), f::toString);
                }
            }
            // every policy ran on the same worlds: the same static figures
            assertEquals(json.get(0).get("worlds").get(0).get("staticExcess"), worlds.get(0).get("staticExcess"));
        }
        assertEquals(List.of("agent", "rules", "bandit"), policies);
    }

    @Test
    void badRandomInputIsExit2NamingTheOption() {
        for (String n : List.of("0", "5001", "-2")) {
            Result r = payops("bench", "--random", n, "--no-markdown");
            String message = assertBadInput(r);
            assertTrue(message.contains("--random") && message.contains(n), r::describe);
        }
        Result both = payops("bench", "--random", "3", "--scenarios", "quiet", "--no-markdown");
        String m1 = assertBadInput(both);
        assertTrue(m1.contains("--random") && m1.contains("--scenarios"), both::describe);

        Result threads = payops("bench", "--random", "3", "--threads", "0", "--no-markdown");
        String m2 = assertBadInput(threads);
        assertTrue(m2.contains("--threads"), threads::describe);

        Result jsonAlone = payops("bench", "--scenarios", "quiet", "--json", at("x.json"), "--no-markdown");
        String m3 = assertBadInput(jsonAlone);
        assertTrue(m3.contains("--json") && m3.contains("--random"), jsonAlone::describe);
        assertFalse(Files.exists(work.resolve("x.json")));
    }

    /** The file checked before minutes of benchmarking is named by the option it came with. */
    @Test
    void randomJsonOntoADirectoryIsExit2NamingJson() throws Exception {
        Files.createDirectories(work.resolve("somedir"));
        Result r = payops("bench", "--random", "3", "--no-markdown", "--json", at("somedir"));
        String message = assertBadInput(r);
        assertTrue(message.contains("--json") && message.contains("somedir"), r::describe);
        assertFalse(message.contains("--markdown"), r::describe);
    }

    /** The default Markdown file's text with its modification time, or null while there is none. */
    private static String defaultMarkdown() {
        try {
            return Files.exists(DEFAULT_MARKDOWN) ? Files.getLastModifiedTime(DEFAULT_MARKDOWN) + "\n"
                    + Files.readString(DEFAULT_MARKDOWN) : null;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static String between(String text) {
        int a = text.indexOf(START);
        int b = text.indexOf(END);
        assertTrue(a >= 0 && b > a, () -> "a bench section:\n" + text);
        return text.substring(a + START.length(), b);
    }
}
