package io.payops.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of the few command-line tests that need a process of their own (Failsafe, {@code *IT}): start-up from the jar,
 * paths relative to the working directory, the environment, signals. Runs the real shaded jar (system property
 * {@code payops.jar}, set by failsafe to target/payops.jar) in a fresh JVM, as a user would, with the test's folder
 * as the working directory so default paths such as {@code state/reports/...} land there. A command's own behaviour
 * (messages, exit statuses, reports, state files) is tested in-process ({@link AbstractInProcessTest}).
 */
abstract class AbstractJarIT extends CliChecks {
    /** Generous: a 1800 s scenario takes 1–5 s on a laptop. Only ends a wait for a process that would never end. */
    static final long DEFAULT_TIMEOUT_SECONDS = 120;

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

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Polls a started process's output file for {@code text}; the deadline only ends a wait for a line that never
     * comes, and a process that ended first fails the test with what it printed.
     */
    static void waitForOutput(Path file, String text, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEFAULT_TIMEOUT_SECONDS);
        while (!Files.readString(file).contains(text)) {
            // read again after it ended: it may have printed the text and exited since the read above
            if (!p.isAlive() && !Files.readString(file).contains(text)) {
                fail("the process ended early (exit " + p.exitValue() + "):\n" + Files.readString(file));
            }
            if (!p.isAlive()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("no '" + text + "' within " + DEFAULT_TIMEOUT_SECONDS + " s:\n" + Files.readString(file));
            }
            Thread.sleep(100);
        }
    }

    Result payops(String... args) {
        return payops(DEFAULT_TIMEOUT_SECONDS, args);
    }

    Result payops(long timeoutSeconds, String... args) {
        return payops(Map.of(), timeoutSeconds, args);
    }

    /**
     * A run's attempts as an event log, one JSON line each ({@code run ARGS --export-events all.jsonl}), made
     * in-process: only the command under test needs a process of its own.
     */
    List<String> exportedEvents(String... runArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(Arrays.asList(runArgs));
        args.addAll(List.of("--export-events", at("all.jsonl"), "--report", at("sim.json")));
        assertExit(0, AbstractInProcessTest.payops(args.toArray(String[]::new)));
        return Files.readAllLines(work.resolve("all.jsonl"));
    }

    /** As {@link #payops(long, String...)} with extra environment variables (e.g. an API key that must not leak). */
    Result payops(Map<String, String> env, long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
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
}
