package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the command-line tests share, whether they run a command in-process ({@link AbstractInProcessTest}) or start
 * the real jar ({@link AbstractJarIT}): what one command did, the DESIGN §5.1 checks on it, and the test's folder.
 * Abstract, so it holds no tests itself.
 */
abstract class CliChecks {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A scenario file of the user's own: stripe fails half its attempts for a minute, 240 s at seed 5. */
    static final String MY_FILE_SCENARIO = """
            {
              "name": "my-file-scenario",
              "description": "stripe fails half its attempts for a minute",
              "seed": 5,
              "durationSeconds": 240,
              "tps": 10,
              "faults": [
                {"type": "gateway_outage", "target": {"gateway": "stripe"}, "startSecond": 60, "durationSeconds": 60, "severity": 0.5}
              ]
            }
            """;

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w$.]+(/[\\w$.]+)*\\(.*\\)\\s*$");

    /** Where the test's files go (the working directory of a started jar). */
    @TempDir
    Path work;

    /** What one command did. */
    record Result(List<String> args, int exit, String stdout, String stderr) {
        /** For assertion messages: the command and everything it printed. */
        String describe() {
            return "payops " + String.join(" ", args) + "\n  exit " + exit + "\n--- stdout ---\n" + stdout
                    + "\n--- stderr ---\n" + stderr + "\n---";
        }

        /** The non-blank lines of stderr. */
        List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static void assertExit(int expected, Result r) {
        assertEquals(expected, r.exit(), () -> "wrong exit status\n" + r.describe());
    }

    static void assertNoStackTrace(Result r) {
        for (String stream : List.of(r.stdout(), r.stderr())) {
            assertFalse(stream.contains("at io.payops"), () -> "a stack trace was printed\n" + r.describe());
            assertFalse(stream.contains("Exception in thread"), () -> "a stack trace was printed\n" + r.describe());
            assertFalse(STACK_FRAME.matcher(stream).find(), () -> "a stack frame was printed\n" + r.describe());
        }
    }

    /**
     * Exit 2 with one message on stderr (DESIGN §5.1), no stack trace anywhere. picocli may add a second line,
     * "Try 'payops run --help' for the options.", which is a hint rather than a second message.
     * Returns the message line.
     */
    static String assertBadInput(Result r) {
        assertExit(2, r);
        assertNoStackTrace(r);
        List<String> lines = r.stderrLines();
        assertFalse(lines.isEmpty(), () -> "exit 2 but nothing on stderr\n" + r.describe());
        assertTrue(lines.get(0).startsWith("payops: "), () -> "the message should start with 'payops: '\n"
                + r.describe());
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("Try '"),
                () -> "expected ONE message on stderr (optionally followed by a --help hint)\n" + r.describe());
        assertFalse(r.stdout().contains("report:"), () -> "bad input should not produce a report\n" + r.describe());
        return lines.get(0);
    }

    static JsonNode readJson(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid JSON", e);
        }
    }

    /** A run report with the only field allowed to differ between identical runs removed. */
    static ObjectNode withoutWallMillis(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("wallMillis");
        return copy;
    }

    /** The absolute path of {@code name} in the test's folder, as a command-line argument. */
    String at(String name) {
        return work.resolve(name).toString();
    }

    String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot write " + name, e);
        }
    }

    /**
     * Every file under the test's folder (recordings gunzipped) is free of each fragment, e.g. an API key and a
     * distinctive part of it; at least ten files are scanned, so an empty run cannot pass.
     */
    void assertNoFileHolds(String... fragments) throws IOException {
        int scanned = 0;
        try (java.util.stream.Stream<Path> s = Files.walk(work)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String text = text(p);
                for (String f : fragments) {
                    assertFalse(text.contains(f), p + " holds " + f);
                }
                scanned++;
            }
        }
        assertTrue(scanned >= 10, "scanned " + scanned + " files");
    }

    /** A file's text, gunzipped when it is gzip. */
    private static String text(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(p))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
