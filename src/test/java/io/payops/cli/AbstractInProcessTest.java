package io.payops.cli;

import io.payops.PayOps;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Base of the command-line tests that run a command in this JVM through {@link PayOps#run}, each with its own stdout
 * and stderr, as the jar's main does but without exiting: the same exit statuses, messages, reports and state files
 * as {@code java -jar target/payops.jar}, without a JVM start per command. The working directory is the build's, so
 * every path given is absolute (in {@link #work}); what depends on the process itself (its working directory, its
 * environment, signals, start-up from the jar) is checked by the few {@code *IT} classes that start the jar.
 */
abstract class AbstractInProcessTest extends CliChecks {

    static Result payops(String... args) {
        return payops(InputStream.nullInputStream(), args);
    }

    /** As {@link #payops(String...)}, with {@code stdin} as the command's standard input (what {@code -} reads). */
    static Result payops(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = PayOps.run(stdin, o, e, args);
        }
        return new Result(List.of(args), exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
