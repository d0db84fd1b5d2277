package io.payops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of the command-line integration tests: runs the real shaded jar (system property {@code payops.jar}, set by
 * failsafe to target/payops.jar) in a fresh JVM, as a user would, with the test's temp directory as the working
 * directory so default paths such as {@code state/reports/...} land there. Abstract, so it holds no tests itself.
 */
abstract class AbstractJarIT {
    /** Generous: a 1800 s scenario takes 1–5 s on a laptop, a small bench about 15 s. */
    static final long DEFAULT_TIMEOUT_SECONDS = 120;

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w$.]+(/[\\w$.]+)*\\(.*\\)\\s*$");

    /** The working directory of every process this test starts. */
    @TempDir
    Path work;

    /** Where stdout and stderr are captured, kept apart from {@link #work} so they do not pollute it. */
    @TempDir
    Path logs;

    static Path jar;

    @BeforeAll
    static void findJar() {
        String prop = System.getProperty("payops.jar");
        assertTrue(prop != null && !prop.isBlank(),
                "system property payops.jar is not set: run these tests with 'mvn verify' (failsafe sets it)");
        jar = Path.of(prop).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar + ": 'mvn package' builds it");
    }

    /** What one process did. */
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

    Result payops(String... args) {
        return payops(DEFAULT_TIMEOUT_SECONDS, args);
    }

    Result payops(long timeoutSeconds, String... args) {
        return payops(java.util.Map.of(), timeoutSeconds, args);
    }

    /** As {@link #payops(long, String...)} with extra environment variables (e.g. an API key that must not leak). */
    Result payops(java.util.Map<String, String> env, long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        try {
            Path out = Files.createTempFile(logs, "stdout", ".txt");
            Path err = Files.createTempFile(logs, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close(); // nothing on stdin, as from a script
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("payops " + String.join(" ", args) + " did not finish within " + timeoutSeconds + " s\n"
                        + "--- stdout ---\n" + Files.readString(out) + "\n--- stderr ---\n" + Files.readString(err));
            }
            return new Result(List.of(args), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
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
     * Every file the processes wrote under the working directory (recordings gunzipped) is free of each fragment,
     * e.g. an API key and a distinctive part of it; at least ten files are scanned, so an empty run cannot pass.
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
